//! One open BMC session per server, reused across polls. BMCs allow only a handful of
//! sessions, so a session is opened once and closed on removal or shutdown, never leaked.

use std::collections::HashMap;
use std::sync::Arc;

use engine::client::BmcClient;
use tokio::sync::Mutex;

#[derive(Default)]
pub struct ClientPool {
    clients: Mutex<HashMap<i64, Arc<BmcClient>>>,
}

impl ClientPool {
    pub async fn get(&self, server_id: i64) -> Option<Arc<BmcClient>> {
        self.clients.lock().await.get(&server_id).cloned()
    }

    pub async fn insert(&self, server_id: i64, client: Arc<BmcClient>) {
        let old = self.clients.lock().await.insert(server_id, client);
        if let Some(old) = old {
            close(old).await;
        }
    }

    /// Drops the session of a server (its BMC failed, or its settings changed).
    pub async fn remove(&self, server_id: i64) {
        let old = self.clients.lock().await.remove(&server_id);
        if let Some(old) = old {
            close(old).await;
        }
    }

    /// Closes every session (shutdown).
    pub async fn close_all(&self) {
        let all: Vec<_> = self.clients.lock().await.drain().map(|(_, c)| c).collect();
        for client in all {
            close(client).await;
        }
    }

    /// How many BMC sessions are open (tests check none is leaked).
    pub async fn open_sessions(&self) -> usize {
        self.clients.lock().await.len()
    }
}

async fn close(client: Arc<BmcClient>) {
    if let Err(err) = client.close().await {
        tracing::debug!(target = client.target(), error = %err, "closing BMC session");
    }
}
