use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use super::Secret;

/// Every setting, with its default in [`Config::default`].
#[derive(Clone, Debug)]
pub struct Config {
    /// Address the web server binds (`IPMI_MONITOR_LISTEN`).
    pub listen: SocketAddr,
    /// Where the SQLite database and generated keys live (`IPMI_MONITOR_DATA_DIR`).
    pub data_dir: PathBuf,
    /// Overrides the embedded SQLite database, e.g. `postgres://…` (`DATABASE_URL`).
    pub database_url: Option<Secret>,
    /// Directory holding `pkg/` (the wasm bundle, JS and CSS) and the public assets.
    pub site_root: PathBuf,
    /// Key for secrets at rest, 64 hex digits or base64 (`IPMI_MONITOR_SECRET_KEY`); without
    /// it a key file is generated in the data dir on first start.
    pub secret_key: Option<Secret>,
    /// How often every server's sensors, chassis, power and SEL are read
    /// (`IPMI_MONITOR_POLL_INTERVAL`, seconds).
    pub poll_interval: Duration,
    /// How many BMCs are polled at the same time (`IPMI_MONITOR_COLLECTOR_CONCURRENCY`).
    pub collector_concurrency: usize,
    /// Upper bound for one call to one BMC, session set-up included
    /// (`IPMI_MONITOR_BMC_DEADLINE`, seconds): a dead BMC costs at most this.
    pub bmc_deadline: Duration,
    /// `tracing` filter, e.g. `info` or `info,server=debug` (`IPMI_MONITOR_LOG`).
    pub log: String,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            listen: SocketAddr::from(([0, 0, 0, 0], 5001)),
            data_dir: PathBuf::from("data"),
            database_url: None,
            site_root: PathBuf::from("target/site"),
            secret_key: None,
            poll_interval: Duration::from_secs(60),
            collector_concurrency: 64,
            bmc_deadline: Duration::from_secs(20),
            log: "info".to_owned(),
        }
    }
}

/// Which database engine a URL selects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DatabaseKind {
    Sqlite,
    Postgres,
}

impl DatabaseKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Sqlite => "sqlite",
            Self::Postgres => "postgres",
        }
    }
}

impl Config {
    /// The database URL in effect: `DATABASE_URL` if set, else SQLite in the data dir (WAL
    /// mode, created on first start).
    pub fn database_url(&self) -> Secret {
        match &self.database_url {
            Some(url) => url.clone(),
            None => Secret::new(format!(
                "sqlite://{}?mode=rwc",
                self.data_dir.join("ipmi_events.db").display()
            )),
        }
    }

    pub fn database_kind(&self) -> DatabaseKind {
        if self.database_url().expose().starts_with("postgres") {
            DatabaseKind::Postgres
        } else {
            DatabaseKind::Sqlite
        }
    }
}
