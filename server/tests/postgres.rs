//! The same server on a real PostgreSQL: migrations and health. `make test` starts the server
//! (scripts/postgres.sh) and sets TEST_DATABASE_URL; each test gets its own database. The
//! collection suites (collector_lab.rs, crash_recovery.rs) run on PostgreSQL as well as SQLite.

mod support;

use support::{TestServer, fresh_database};

#[tokio::test]
async fn migrates_and_serves_on_postgres() {
    let url = fresh_database("serve").await;
    let server = TestServer::start_with_env(vec![("DATABASE_URL".to_owned(), url)]).await;
    let (status, body) = server.get_json("/health").await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["database"]["kind"], "postgres");
    assert_eq!(body["database"]["ok"], true);

    let (status, html) = server.get_text("/").await;
    assert_eq!(status, 200);
    assert!(html.contains("No servers yet"));
    let (status, html) = server.get_text("/events").await;
    assert_eq!(status, 200);
    assert!(html.contains("No events recorded yet"));
    // SQLite's data dir stays unused: nothing is written beside PostgreSQL.
    assert!(!server.data_dir.path().join("ipmi_events.db").exists());
}

#[tokio::test]
async fn migrations_are_idempotent_on_postgres() {
    let url = fresh_database("twice").await;
    for _ in 0..2 {
        let server =
            TestServer::start_with_env(vec![("DATABASE_URL".to_owned(), url.clone())]).await;
        let (status, _) = server.get_json("/health").await;
        assert_eq!(status, 200);
        server.state.shutdown.cancel();
        server.task.await.unwrap().unwrap();
    }
}
