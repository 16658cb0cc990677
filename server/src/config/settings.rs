use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use app::types::Role;
use axum::http::HeaderName;
use ipnet::IpNet;

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
    /// Lets anyone read (viewer rights) without signing in (`IPMI_MONITOR_ANONYMOUS_READ`).
    pub anonymous_read: bool,
    /// How long a login lasts (`IPMI_MONITOR_SESSION_LIFETIME`, seconds).
    pub session_lifetime: Duration,
    /// Always mark the session cookie `Secure` (`IPMI_MONITOR_SECURE_COOKIES`); behind a
    /// trusted TLS proxy that sends `X-Forwarded-Proto: https` it is marked anyway.
    pub secure_cookies: bool,
    /// Failed logins from one client within `login_window` that lock it out
    /// (`IPMI_MONITOR_LOGIN_MAX_FAILURES`).
    pub login_max_failures: u32,
    /// `IPMI_MONITOR_LOGIN_WINDOW`, seconds.
    pub login_window: Duration,
    /// `IPMI_MONITOR_LOGIN_LOCKOUT`, seconds.
    pub login_lockout: Duration,
    /// Reverse proxies whose `X-Forwarded-*` and single-sign-on headers are believed
    /// (`IPMI_MONITOR_TRUSTED_PROXIES`, comma-separated CIDRs; none by default).
    pub trusted_proxies: Vec<IpNet>,
    /// Header naming the signed-in user, from a trusted proxy (`IPMI_MONITOR_SSO_USER_HEADER`).
    pub sso_user_header: HeaderName,
    /// Header giving that user's role (`IPMI_MONITOR_SSO_ROLE_HEADER`).
    pub sso_role_header: HeaderName,
    /// Role of a proxy-signed-in user whose role header is missing
    /// (`IPMI_MONITOR_SSO_DEFAULT_ROLE`).
    pub sso_default_role: Role,
    /// When set, `/metrics` requires `Authorization: Bearer <token>`
    /// (`IPMI_MONITOR_METRICS_TOKEN`).
    pub metrics_token: Option<Secret>,
    /// How long raw (per-poll) sensor and power points are kept (`IPMI_MONITOR_HISTORY_RAW_HOURS`).
    pub history_raw: Duration,
    /// How long hourly min/avg/max rows are kept (`IPMI_MONITOR_HISTORY_HOURLY_DAYS`).
    pub history_hourly: Duration,
    /// How often every BMC is pinged and every OS address probed
    /// (`IPMI_MONITOR_CONNECTIVITY_INTERVAL`, seconds).
    pub connectivity_interval: Duration,
    /// How often the rollup and retention job runs (`IPMI_MONITOR_RETENTION_INTERVAL`, seconds).
    pub retention_interval: Duration,
    /// The sub-path the app is served under behind a reverse proxy, e.g. `/ipmi`
    /// (`IPMI_MONITOR_BASE_PATH`; default: the site root). The proxy passes the path on as it
    /// is; pages, assets, server functions, the REST API and `/ws` all live under it.
    pub base_path: app::base_path::BasePath,
    /// Creates the user `admin` with this password at start when no user exists yet, for
    /// installs without a browser (`IPMI_MONITOR_ADMIN_PASSWORD`).
    pub admin_password: Option<Secret>,
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
            anonymous_read: false,
            session_lifetime: Duration::from_secs(12 * 3600),
            secure_cookies: false,
            login_max_failures: 5,
            login_window: Duration::from_secs(5 * 60),
            login_lockout: Duration::from_secs(15 * 60),
            trusted_proxies: Vec::new(),
            sso_user_header: HeaderName::from_static("x-forwarded-user"),
            sso_role_header: HeaderName::from_static("x-forwarded-role"),
            sso_default_role: Role::Viewer,
            metrics_token: None,
            admin_password: None,
            history_raw: Duration::from_secs(48 * 3600),
            history_hourly: Duration::from_secs(400 * 86_400),
            retention_interval: Duration::from_secs(600),
            connectivity_interval: Duration::from_secs(30),
            base_path: app::base_path::BasePath::root(),
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

impl Config {
    /// What the server functions need to know about sessions and login throttling.
    pub fn auth_settings(&self) -> app::ssr::auth::AuthSettings {
        app::ssr::auth::AuthSettings {
            session_lifetime: self.session_lifetime,
            secure_cookies: self.secure_cookies,
            anonymous_read: self.anonymous_read,
            throttle: app::ssr::auth::ThrottleSettings {
                max_failures: self.login_max_failures,
                window: self.login_window,
                lockout: self.login_lockout,
            },
        }
    }
}
