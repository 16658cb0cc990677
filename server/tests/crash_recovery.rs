//! `kill -9` in the middle of collection: the database stays consistent (SQLite in WAL mode,
//! one transaction per poll), and after a restart collection resumes with nothing lost and
//! nothing stored twice. On SQLite and on PostgreSQL.

mod support;

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use app::entities::{sel_event, sensor};
use labkit::Lab;
use sea_orm::{ConnectionTrait, Database, DatabaseConnection, EntityTrait, PaginatorTrait};
use support::Backend;
use support::lab_servers::{elist_lines, wait_for};

/// Where the server under test keeps its data: the data dir, and PostgreSQL's URL if used.
struct Store<'a> {
    data_dir: &'a Path,
    database_url: Option<String>,
}

impl Store<'_> {
    fn command(&self) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_ipmi-monitor"));
        cmd.env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("IPMI_MONITOR_DATA_DIR", self.data_dir)
            .env("IPMI_MONITOR_POLL_INTERVAL", "5")
            .env("IPMI_MONITOR_LOG", "warn");
        if let Some(url) = &self.database_url {
            cmd.env("DATABASE_URL", url);
        }
        cmd
    }

    async fn open(&self) -> DatabaseConnection {
        let url = match &self.database_url {
            Some(url) => url.clone(),
            None => format!(
                "sqlite://{}?mode=ro",
                self.data_dir.join("ipmi_events.db").display()
            ),
        };
        Database::connect(&url).await.unwrap()
    }
}

/// A running `ipmi-monitor serve`, SIGKILLed on drop so a failing test leaves nothing behind.
struct Running(Child);

impl Running {
    fn kill_9(mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn serve(store: &Store<'_>, port: u16) -> Running {
    Running(
        store
            .command()
            .arg("serve")
            .env("IPMI_MONITOR_LISTEN", format!("127.0.0.1:{port}"))
            .stdout(Stdio::null())
            .spawn()
            .unwrap(),
    )
}

/// Records `ipmitool sel elist` lists over the whole lab.
fn sel_lines(lab: &Lab) -> u64 {
    (1..=lab.n)
        .map(|i| elist_lines(&lab.ipmitool(i, &["sel", "elist"])) as u64)
        .sum()
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

async fn counts(db: &DatabaseConnection) -> (u64, u64) {
    let events = sel_event::Entity::find().count(db).await.unwrap();
    let sensors = sensor::Entity::find().count(db).await.unwrap();
    (events, sensors)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_9_loses_nothing_and_duplicates_nothing_on_sqlite() {
    kill_9_loses_nothing_and_duplicates_nothing(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_9_loses_nothing_and_duplicates_nothing_on_postgres() {
    kill_9_loses_nothing_and_duplicates_nothing(Backend::Postgres).await;
}

async fn kill_9_loses_nothing_and_duplicates_nothing(backend: Backend) {
    let lab = Lab::start(3);
    let dir = tempfile::tempdir().unwrap();
    let database_url = match backend {
        Backend::Sqlite => None,
        Backend::Postgres => Some(support::fresh_database("kill9").await),
    };
    let store = Store {
        data_dir: dir.path(),
        database_url,
    };
    let csv = dir.path().join("servers.csv");
    let mut text = String::from("name,bmc_address,bmc_port,cipher_suite,username,password\n");
    for i in 1..=lab.n {
        text.push_str(&format!(
            "lab-{i},127.0.0.1,{},3,{},{}\n",
            lab.port(i),
            labkit::USER,
            labkit::PASSWORD
        ));
    }
    std::fs::write(&csv, text).unwrap();
    let out = store.command().arg("import").arg(&csv).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let expected_events = sel_lines(&lab);
    let port = free_port();
    let first = serve(&store, port);
    let db = store.open().await;
    wait_for(
        "every SEL record stored",
        Duration::from_secs(60),
        || async { counts(&db).await.0 == expected_events },
    )
    .await;
    let (_, sensors_before) = counts(&db).await;
    // Polls keep writing every 5 s; kill in the middle of that, with no chance to clean up.
    tokio::time::sleep(Duration::from_millis(2600)).await;
    first.kill_9();

    if backend == Backend::Sqlite {
        let integrity: String = db
            .query_one_raw(sea_orm::Statement::from_string(
                db.get_database_backend(),
                "PRAGMA integrity_check",
            ))
            .await
            .unwrap()
            .and_then(|row| row.try_get_by_index::<String>(0).ok())
            .unwrap_or_default();
        assert_eq!(integrity, "ok");
    }

    // New events while it was down, then a restart on the same data dir.
    lab.fleet(&["inject", "1", "ecc", "2"]);
    let expected_after = sel_lines(&lab);
    assert!(expected_after > expected_events);
    let second = serve(&store, port);
    wait_for(
        "the events of the downtime",
        Duration::from_secs(60),
        || async { counts(&db).await.0 == expected_after },
    )
    .await;
    // Two more poll intervals: still exactly once each.
    tokio::time::sleep(Duration::from_secs(11)).await;
    let (events, sensors) = counts(&db).await;
    assert_eq!(events, expected_after, "no event lost or stored twice");
    assert_eq!(sensors, sensors_before, "one row per sensor, as before");
    second.kill_9();
}
