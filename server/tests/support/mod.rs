//! A real server on a loopback port with its own SQLite file, for integration tests.

#![allow(dead_code)]

use std::net::SocketAddr;

use server::config::Config;
use server::state::AppState;
use tokio::net::TcpListener;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

pub struct TestServer {
    pub addr: SocketAddr,
    pub state: AppState,
    pub task: JoinHandle<server::error::Result<()>>,
    pub data_dir: tempfile::TempDir,
}

impl TestServer {
    /// A server on embedded SQLite in a fresh temporary data directory.
    pub async fn start() -> Self {
        Self::start_with_env(Vec::new()).await
    }

    /// A server with extra environment settings (e.g. `DATABASE_URL`).
    pub async fn start_with_env(extra: Vec<(String, String)>) -> Self {
        let data_dir = tempfile::tempdir().unwrap();
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let mut env = vec![
            (
                "IPMI_MONITOR_DATA_DIR".to_owned(),
                data_dir.path().display().to_string(),
            ),
            ("IPMI_MONITOR_LISTEN".to_owned(), addr.to_string()),
        ];
        env.extend(extra);
        let config = Config::load(None, env).unwrap();
        let state = server::serve::build_state(config, CancellationToken::new())
            .await
            .unwrap();
        let task = tokio::spawn(server::serve::serve_until(state.clone(), listener));
        Self {
            addr,
            state,
            task,
            data_dir,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    pub async fn get_text(&self, path: &str) -> (u16, String) {
        let response = reqwest::get(self.url(path)).await.unwrap();
        let status = response.status().as_u16();
        (status, response.text().await.unwrap())
    }

    pub async fn get_json(&self, path: &str) -> (u16, serde_json::Value) {
        let response = reqwest::get(self.url(path)).await.unwrap();
        let status = response.status().as_u16();
        (status, response.json().await.unwrap())
    }
}
