//! The same server on a real PostgreSQL: migrations, health, pages. `make test` starts the
//! server (scripts/postgres.sh) and sets TEST_DATABASE_URL; each test gets its own database.

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

/// Twenty simulated BMCs collected into PostgreSQL: every server's sensors are the ones
/// `ipmitool sensor` lists and its stored events are exactly the lines of `ipmitool sel elist`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn twenty_bmcs_are_stored_on_postgres_as_ipmitool_sees_them() {
    use std::time::Duration;

    use app::entities::{sel_event, sensor};
    use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
    use support::lab_servers::{add_lab_servers, elist_lines, fast_collector, status_of, wait_for};

    let lab = labkit::Lab::start(20);
    let url = fresh_database("lab20").await;
    let mut env = fast_collector();
    env.push(("DATABASE_URL".to_owned(), url));
    let server = TestServer::start_with_env(env).await;
    let ids = add_lab_servers(&server, &lab).await;
    for &id in &ids {
        wait_for(
            "a first poll of all 20",
            Duration::from_secs(60),
            || async {
                status_of(&server, id)
                    .await
                    .is_some_and(|s| s.last_poll_at.is_some() && s.bmc_reachable == Some(true))
            },
        )
        .await;
    }
    for (i, &id) in (1..=lab.n).zip(&ids) {
        let mut expected: Vec<String> = lab
            .ipmitool(i, &["sensor"])
            .lines()
            .filter_map(|l| l.split('|').next().map(|n| n.trim().to_owned()))
            .filter(|n| !n.is_empty())
            .collect();
        expected.sort();
        let mut stored: Vec<String> = sensor::Entity::find()
            .filter(sensor::Column::ServerId.eq(id))
            .all(&server.state.db)
            .await
            .unwrap()
            .into_iter()
            .map(|s| s.name)
            .collect();
        stored.sort();
        assert_eq!(stored, expected, "sensors of lab BMC {i}");
        let lines = elist_lines(&lab.ipmitool(i, &["sel", "elist"])) as u64;
        let events = sel_event::Entity::find()
            .filter(sel_event::Column::ServerId.eq(id))
            .filter(sel_event::Column::Source.eq("sel"))
            .count(&server.state.db)
            .await
            .unwrap();
        assert_eq!(events, lines, "SEL of lab BMC {i}");
    }
}
