//! One open BMC session per server, reused across polls. BMCs allow only a handful of
//! sessions, so a session is opened once and closed on removal or shutdown, never leaked.
//!
//! Each session is kept with a fingerprint of what it was opened with (address, login and
//! privilege; not the suite, which the first poll learns). When an operator edits the server
//! or its login, the next poll sees a different fingerprint, closes the old session and opens
//! one with the new settings. The fingerprint is a keyed hash held in memory only, with keys
//! random per process.

use std::collections::HashMap;
use std::hash::{BuildHasher, Hash, Hasher, RandomState};
use std::sync::Arc;

use engine::client::BmcClient;
use tokio::sync::Mutex;

use super::poll::PollTarget;

#[derive(Default)]
pub struct ClientPool {
    clients: Mutex<HashMap<i64, (u64, Arc<BmcClient>)>>,
    keys: RandomState,
}

impl ClientPool {
    /// What a session for `target` depends on, as one number.
    pub fn fingerprint(&self, target: &PollTarget) -> u64 {
        let mut h = self.keys.build_hasher();
        target.bmc.hash(&mut h);
        target.credentials.username.hash(&mut h);
        target.credentials.password.expose().hash(&mut h);
        target
            .credentials
            .kg
            .as_ref()
            .map(|k| k.expose())
            .hash(&mut h);
        target.privilege.hash(&mut h);
        h.finish()
    }

    /// The session opened with this fingerprint; one opened with other settings is closed.
    pub async fn get(&self, server_id: i64, fingerprint: u64) -> Option<Arc<BmcClient>> {
        let stale = {
            let mut clients = self.clients.lock().await;
            match clients.get(&server_id) {
                Some((fp, client)) if *fp == fingerprint => return Some(client.clone()),
                Some(_) => clients.remove(&server_id).map(|(_, c)| c),
                None => None,
            }
        };
        if let Some(stale) = stale {
            close(stale).await;
        }
        None
    }

    pub async fn insert(&self, server_id: i64, fingerprint: u64, client: Arc<BmcClient>) {
        let old = self
            .clients
            .lock()
            .await
            .insert(server_id, (fingerprint, client));
        if let Some((_, old)) = old {
            close(old).await;
        }
    }

    /// Drops the session of a server (its BMC failed, or its settings changed).
    pub async fn remove(&self, server_id: i64) {
        let old = self.clients.lock().await.remove(&server_id);
        if let Some((_, old)) = old {
            close(old).await;
        }
    }

    /// Closes the sessions of servers no longer polled (deleted, deprecated, disabled).
    pub async fn retain(&self, polled: &std::collections::HashSet<i64>) {
        let gone: Vec<Arc<BmcClient>> = {
            let mut clients = self.clients.lock().await;
            let ids: Vec<i64> = clients
                .keys()
                .filter(|id| !polled.contains(id))
                .copied()
                .collect();
            ids.iter()
                .filter_map(|id| clients.remove(id).map(|(_, c)| c))
                .collect()
        };
        for client in gone {
            close(client).await;
        }
    }

    /// Closes every session (shutdown).
    pub async fn close_all(&self) {
        let all: Vec<_> = self
            .clients
            .lock()
            .await
            .drain()
            .map(|(_, (_, c))| c)
            .collect();
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

#[cfg(test)]
mod tests {
    use engine::client::{Credentials, SelCursor};
    use engine::session::PrivilegeLevel;

    use super::*;

    fn target(address: &str, password: &str) -> PollTarget {
        PollTarget {
            server_id: 1,
            name: "s".to_owned(),
            bmc: address.to_owned(),
            os_address: None,
            credentials: Credentials::new("admin", password),
            cipher_suite: None,
            privilege: PrivilegeLevel::Administrator,
            sel_cursor: SelCursor::default(),
            inventory_due: false,
        }
    }

    #[test]
    fn an_edited_address_or_password_changes_the_fingerprint_a_learned_suite_does_not() {
        let pool = ClientPool::default();
        let base = pool.fingerprint(&target("10.0.0.1:623", "a"));
        assert_eq!(base, pool.fingerprint(&target("10.0.0.1:623", "a")));
        assert_ne!(base, pool.fingerprint(&target("10.0.0.2:623", "a")));
        assert_ne!(base, pool.fingerprint(&target("10.0.0.1:623", "b")));
        let mut learned = target("10.0.0.1:623", "a");
        learned.cipher_suite = Some(3);
        assert_eq!(base, pool.fingerprint(&learned));
        let mut user = target("10.0.0.1:623", "a");
        user.privilege = PrivilegeLevel::User;
        assert_ne!(base, pool.fingerprint(&user));
    }
}
