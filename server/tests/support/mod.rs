//! A real server on a loopback port with its own SQLite file, for integration tests.

#![allow(dead_code)]

pub mod lab_servers;

use std::net::SocketAddr;

use sea_orm::ConnectionTrait;
use server::config::Config;
use server::state::AppState;
use tokio::net::TcpListener;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

pub struct TestServer {
    pub addr: SocketAddr,
    /// An admin API token: the helpers below send it, so tests read as a signed-in admin.
    pub admin_token: String,
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
        let admin_token = app::ssr::auth::api_tokens::create(
            &state.db,
            "tests",
            app::types::Role::Admin,
            "test-harness",
            None,
        )
        .await
        .unwrap()
        .token;
        let task = tokio::spawn(server::serve::serve_until(state.clone(), listener));
        Self {
            addr,
            admin_token,
            state,
            task,
            data_dir,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// A client that sends the admin token with every request.
    pub fn admin_client(&self) -> reqwest::Client {
        bearer_client(&self.admin_token)
    }

    /// GET as the admin.
    pub async fn get_text(&self, path: &str) -> (u16, String) {
        let response = self
            .admin_client()
            .get(self.url(path))
            .send()
            .await
            .unwrap();
        let status = response.status().as_u16();
        (status, response.text().await.unwrap())
    }

    /// GET as the admin, JSON body.
    pub async fn get_json(&self, path: &str) -> (u16, serde_json::Value) {
        let response = self
            .admin_client()
            .get(self.url(path))
            .send()
            .await
            .unwrap();
        let status = response.status().as_u16();
        (status, response.json().await.unwrap())
    }

    /// Calls a server function (`POST /api/<name>`, form-encoded) with a bearer token.
    pub async fn call_fn(&self, token: &str, name: &str, form: &[(&str, &str)]) -> (u16, String) {
        let response = bearer_client(token)
            .post(self.url(&format!("/api/{name}")))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(form_body(form))
            .send()
            .await
            .unwrap();
        let status = response.status().as_u16();
        (status, response.text().await.unwrap())
    }

    /// Opens `/ws` as the admin.
    pub async fn ws_connect(
        &self,
    ) -> tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>
    {
        use tokio_tungstenite::tungstenite::client::IntoClientRequest;
        let mut request = format!("ws://{}/ws", self.addr)
            .into_client_request()
            .unwrap();
        request.headers_mut().insert(
            "authorization",
            format!("Bearer {}", self.admin_token).parse().unwrap(),
        );
        tokio_tungstenite::connect_async(request).await.unwrap().0
    }
}

/// A reqwest client that sends `Authorization: Bearer <token>`.
pub fn bearer_client(token: &str) -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(
        reqwest::header::AUTHORIZATION,
        format!("Bearer {token}").parse().unwrap(),
    );
    reqwest::Client::builder()
        .default_headers(headers)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// `application/x-www-form-urlencoded` body.
pub fn form_body(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The database a test's server stores into: the suites that matter run on both.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    /// Embedded SQLite in the server's temporary data directory.
    Sqlite,
    /// A fresh database on the test PostgreSQL server (`TEST_DATABASE_URL`).
    Postgres,
}

impl Backend {
    /// `env` plus the setting that selects this database; `name` names a PostgreSQL one.
    pub async fn env(self, name: &str, mut env: Vec<(String, String)>) -> Vec<(String, String)> {
        if self == Self::Postgres {
            env.push(("DATABASE_URL".to_owned(), fresh_database(name).await));
        }
        env
    }
}

/// Creates a fresh database on the test server and returns its URL.
pub async fn fresh_database(name: &str) -> String {
    let admin_url = std::env::var("TEST_DATABASE_URL").expect(
        "TEST_DATABASE_URL is not set: run `make test`, or scripts/postgres.sh start and \
         TEST_DATABASE_URL=$(scripts/postgres.sh url) cargo test",
    );
    let admin = sea_orm::Database::connect(&admin_url)
        .await
        .expect("cannot reach the test PostgreSQL");
    let db_name = format!("ipmi_test_{name}_{}", std::process::id());
    admin
        .execute_unprepared(&format!("DROP DATABASE IF EXISTS {db_name}"))
        .await
        .unwrap();
    admin
        .execute_unprepared(&format!("CREATE DATABASE {db_name}"))
        .await
        .unwrap();
    admin.close().await.unwrap();
    match admin_url.rsplit_once('/') {
        Some((server, _)) => format!("{server}/{db_name}"),
        None => panic!("TEST_DATABASE_URL has no database part: {admin_url}"),
    }
}
