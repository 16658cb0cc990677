//! `/health`, `/api/version`, the database file, and graceful shutdown, over real HTTP.

mod support;

use std::time::Duration;

use sea_orm::{ConnectionTrait, Statement};
use support::TestServer;

#[tokio::test]
async fn health_reports_database_and_version() {
    let server = TestServer::start().await;
    let (status, body) = server.get_json("/health").await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["status"], "ok");
    assert_eq!(body["database"]["ok"], true);
    assert_eq!(body["database"]["kind"], "sqlite");
    assert_eq!(body["version"], include_str!("../../VERSION").trim());
    assert!(body["collector"]["running"].is_boolean());
}

#[tokio::test]
async fn health_is_503_when_the_database_is_unusable() {
    let server = TestServer::start().await;
    server.state.db.clone().close().await.unwrap();
    let (status, body) = server.get_json("/health").await;
    assert_eq!(status, 503, "{body}");
    assert_eq!(body["database"]["ok"], false);
    assert_eq!(body["status"], "unavailable");
}

#[tokio::test]
async fn version_endpoint_has_build_information() {
    let server = TestServer::start().await;
    let (status, body) = server.get_json("/api/version").await;
    assert_eq!(status, 200);
    assert_eq!(body["version"], include_str!("../../VERSION").trim());
    for key in ["git_commit", "git_branch", "build_time"] {
        assert!(
            body[key].as_str().is_some_and(|v| !v.is_empty()),
            "{key} missing in {body}"
        );
    }
}

#[tokio::test]
async fn sqlite_database_is_created_in_the_data_dir_in_wal_mode() {
    let server = TestServer::start().await;
    assert!(server.data_dir.path().join("ipmi_events.db").exists());
    let row = server
        .state
        .db
        .query_one_raw(Statement::from_string(
            server.state.db.get_database_backend(),
            "PRAGMA journal_mode",
        ))
        .await
        .unwrap()
        .unwrap();
    let mode: String = row.try_get_by_index(0).unwrap();
    assert_eq!(mode, "wal");
}

#[tokio::test]
async fn shutdown_finishes_promptly_even_with_an_open_websocket() {
    let server = TestServer::start().await;
    let mut socket = server.ws_connect().await;
    use futures_util::StreamExt;
    let hello = tokio::time::timeout(Duration::from_secs(3), socket.next())
        .await
        .unwrap();
    assert!(hello.is_some());

    server.state.shutdown.cancel();
    let health_url = server.url("/health");
    let result = tokio::time::timeout(Duration::from_secs(4), server.task)
        .await
        .expect("server did not stop within 4 s of the shutdown signal");
    result.unwrap().unwrap();
    assert!(
        reqwest::get(health_url).await.is_err(),
        "still accepting after shutdown"
    );
}
