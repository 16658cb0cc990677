use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use app::types::Role;
use axum::http::HeaderName;
use ipnet::IpNet;

use super::{Config, ConfigError, Secret};

/// Every environment variable we read starts with this.
pub const ENV_PREFIX: &str = "IPMI_MONITOR_";
/// Names the TOML file (the `--config` flag wins).
pub const CONFIG_FILE_VAR: &str = "IPMI_MONITOR_CONFIG";

/// Environment variables with the prefix that are not settings but still ours.
const OTHER_OWN_VARS: &[&str] = &[CONFIG_FILE_VAR];

/// Every setting by its TOML key; its environment variable is `IPMI_MONITOR_` and the key in
/// upper case. The file and the environment go through the same [`Config::set`], so a value
/// is checked the same way wherever it comes from.
const SETTINGS: &[&str] = &[
    "listen",
    "data_dir",
    "database_url",
    "site_root",
    "secret_key",
    "poll_interval",
    "collector_concurrency",
    "bmc_deadline",
    "log",
    "anonymous_read",
    "session_lifetime",
    "secure_cookies",
    "login_max_failures",
    "login_window",
    "login_lockout",
    "trusted_proxies",
    "sso_user_header",
    "sso_role_header",
    "sso_default_role",
    "metrics_token",
    "admin_password",
    "history_raw_hours",
    "history_hourly_days",
    "retention_interval",
    "connectivity_interval",
    "base_path",
];

impl Config {
    /// Loads defaults, then `file` (if any), then the environment `env` (pass
    /// `std::env::vars()`; injected so tests need not touch the process environment).
    pub fn load(
        file: Option<&Path>,
        env: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Self, ConfigError> {
        let mut config = Config::default();
        if let Some(path) = file {
            config.apply_file(path)?;
        }
        config.apply_env(env.into_iter().collect())?;
        Ok(config)
    }

    fn apply_file(&mut self, path: &Path) -> Result<(), ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::ReadFile {
            path: path.to_owned(),
            source,
        })?;
        let table: toml::Table = toml::from_str(&text).map_err(|e| ConfigError::ParseFile {
            path: path.to_owned(),
            message: e.message().to_owned(),
        })?;
        for (key, value) in &table {
            let text = toml_text(key, value)?;
            if !self.set(key, key, &text)? {
                return Err(ConfigError::ParseFile {
                    path: path.to_owned(),
                    message: format!("unknown key '{key}' (known: {})", SETTINGS.join(", ")),
                });
            }
        }
        Ok(())
    }

    fn apply_env(&mut self, env: BTreeMap<String, String>) -> Result<(), ConfigError> {
        for (name, value) in &env {
            let Some(key) = name.strip_prefix(ENV_PREFIX) else {
                if name == "DATABASE_URL" {
                    self.set("database_url", name, value)?;
                }
                continue;
            };
            if OTHER_OWN_VARS.contains(&name.as_str()) {
                continue;
            }
            if !self.set(&key.to_ascii_lowercase(), name, value)? {
                return Err(ConfigError::UnknownEnv {
                    name: name.clone(),
                    known: known_env_vars().join(", "),
                });
            }
        }
        Ok(())
    }

    /// Sets one setting from its text; `label` names it in errors (the TOML key or the
    /// variable). `Ok(false)` when `key` is not a setting.
    fn set(&mut self, key: &str, label: &str, value: &str) -> Result<bool, ConfigError> {
        match key {
            "listen" => self.listen = parse_listen(label, value)?,
            "data_dir" => self.data_dir = non_empty_path(label, PathBuf::from(value))?,
            "database_url" => self.database_url = Some(database_url(label, value)?),
            "site_root" => self.site_root = non_empty_path(label, PathBuf::from(value))?,
            "secret_key" => self.secret_key = Some(Secret::new(value)),
            "poll_interval" => self.poll_interval = seconds(label, value, 5, 86_400)?,
            "collector_concurrency" => {
                self.collector_concurrency = count(label, parse_number(label, value)?, 1, 4096)?
            }
            "bmc_deadline" => self.bmc_deadline = seconds(label, value, 1, 600)?,
            "log" => self.log = value.to_owned(),
            "anonymous_read" => self.anonymous_read = boolean(label, value)?,
            "session_lifetime" => self.session_lifetime = seconds(label, value, 300, 366 * 86_400)?,
            "secure_cookies" => self.secure_cookies = boolean(label, value)?,
            "login_max_failures" => {
                self.login_max_failures =
                    u32::try_from(in_range(label, parse_number(label, value)?, 1, 1000)?)
                        .unwrap_or(1000)
            }
            "login_window" => self.login_window = seconds(label, value, 1, 86_400)?,
            "login_lockout" => self.login_lockout = seconds(label, value, 1, 30 * 86_400)?,
            "trusted_proxies" => self.trusted_proxies = cidr_list(label, value)?,
            "sso_user_header" => self.sso_user_header = header_name(label, value)?,
            "sso_role_header" => self.sso_role_header = header_name(label, value)?,
            "sso_default_role" => self.sso_default_role = role(label, value)?,
            "metrics_token" => self.metrics_token = non_empty_secret(label, value)?,
            "admin_password" => self.admin_password = non_empty_secret(label, value)?,
            "history_raw_hours" => {
                self.history_raw = Duration::from_secs(
                    in_range(label, parse_number(label, value)?, 1, 8784)? * 3600,
                )
            }
            "history_hourly_days" => {
                self.history_hourly = Duration::from_secs(
                    in_range(label, parse_number(label, value)?, 1, 3660)? * 86_400,
                )
            }
            "retention_interval" => self.retention_interval = seconds(label, value, 10, 86_400)?,
            "connectivity_interval" => self.connectivity_interval = seconds(label, value, 5, 3600)?,
            "base_path" => {
                self.base_path = app::base_path::BasePath::parse(value)
                    .map_err(|err| bad_value(label, format!("'{value}' {err}")))?
            }
            _ => return Ok(false),
        }
        Ok(true)
    }
}

fn known_env_vars() -> Vec<String> {
    SETTINGS
        .iter()
        .map(|k| format!("{ENV_PREFIX}{}", k.to_ascii_uppercase()))
        .chain(OTHER_OWN_VARS.iter().map(|v| (*v).to_owned()))
        .collect()
}

/// A TOML value as the text an environment variable would hold; lists become comma-separated.
fn toml_text(key: &str, value: &toml::Value) -> Result<String, ConfigError> {
    use toml::Value;
    let bad = || ConfigError::BadValue {
        key: key.to_owned(),
        message: "must be a string, a number, true/false or a list of strings".to_owned(),
    };
    Ok(match value {
        Value::String(text) => text.clone(),
        Value::Integer(n) => n.to_string(),
        Value::Boolean(b) => b.to_string(),
        Value::Array(items) => items
            .iter()
            .map(|item| item.as_str().map(str::to_owned).ok_or_else(bad))
            .collect::<Result<Vec<_>, _>>()?
            .join(","),
        _ => return Err(bad()),
    })
}

fn bad_value(key: &str, message: String) -> ConfigError {
    ConfigError::BadValue {
        key: key.to_owned(),
        message,
    }
}

fn parse_listen(key: &str, value: &str) -> Result<SocketAddr, ConfigError> {
    value.trim().parse().map_err(|_| {
        bad_value(
            key,
            format!("'{value}' is not an address:port such as 0.0.0.0:5001 or [::]:5001"),
        )
    })
}

fn parse_number(key: &str, value: &str) -> Result<u64, ConfigError> {
    value
        .trim()
        .parse()
        .map_err(|_| bad_value(key, format!("'{value}' is not a whole number")))
}

fn in_range(key: &str, n: u64, min: u64, max: u64) -> Result<u64, ConfigError> {
    if (min..=max).contains(&n) {
        Ok(n)
    } else {
        Err(bad_value(key, format!("{n} is outside {min}..={max}")))
    }
}

fn seconds(key: &str, value: &str, min: u64, max: u64) -> Result<Duration, ConfigError> {
    in_range(key, parse_number(key, value)?, min, max).map(Duration::from_secs)
}

fn count(key: &str, n: u64, min: u64, max: u64) -> Result<usize, ConfigError> {
    in_range(key, n, min, max)
        .and_then(|n| usize::try_from(n).map_err(|_| bad_value(key, format!("{n} is too large"))))
}

fn boolean(key: &str, value: &str) -> Result<bool, ConfigError> {
    match value.trim().to_ascii_lowercase().as_str() {
        "true" | "yes" | "on" | "1" => Ok(true),
        "false" | "no" | "off" | "0" => Ok(false),
        _ => Err(bad_value(key, format!("'{value}' is not true or false"))),
    }
}

fn non_empty_path(key: &str, path: PathBuf) -> Result<PathBuf, ConfigError> {
    if path.as_os_str().is_empty() {
        return Err(bad_value(key, "must not be empty".to_owned()));
    }
    Ok(path)
}

/// An empty value unsets the secret (so `IPMI_MONITOR_METRICS_TOKEN=` means "no token").
fn non_empty_secret(_key: &str, value: &str) -> Result<Option<Secret>, ConfigError> {
    Ok((!value.is_empty()).then(|| Secret::new(value)))
}

fn cidr_list(key: &str, value: &str) -> Result<Vec<IpNet>, ConfigError> {
    value
        .split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(|item| {
            item.parse::<IpNet>()
                .or_else(|_| item.parse::<std::net::IpAddr>().map(IpNet::from))
                .map_err(|_| {
                    bad_value(
                        key,
                        format!("'{item}' is not an address or CIDR such as 10.0.0.0/8"),
                    )
                })
        })
        .collect()
}

fn header_name(key: &str, value: &str) -> Result<HeaderName, ConfigError> {
    HeaderName::from_bytes(value.trim().as_bytes())
        .map_err(|_| bad_value(key, format!("'{value}' is not an HTTP header name")))
}

fn role(key: &str, value: &str) -> Result<Role, ConfigError> {
    Role::parse(value)
        .ok_or_else(|| bad_value(key, format!("'{value}' is not viewer, operator or admin")))
}

/// Accepts SQLite and PostgreSQL URLs; the value is never echoed (it may hold a password).
fn database_url(key: &str, value: &str) -> Result<Secret, ConfigError> {
    let supported = ["sqlite:", "postgres://", "postgresql://"];
    if supported.iter().any(|p| value.starts_with(p)) {
        Ok(Secret::new(value))
    } else {
        Err(bad_value(
            key,
            "must start with sqlite:, postgres:// or postgresql://".to_owned(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::DatabaseKind;

    fn env(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    fn write_toml(text: &str) -> tempfile::NamedTempFile {
        let mut f = tempfile::NamedTempFile::new().unwrap();
        std::io::Write::write_all(&mut f, text.as_bytes()).unwrap();
        f
    }

    #[test]
    fn defaults_listen_on_5001_with_sqlite_in_data() {
        let c = Config::load(None, env(&[("HOME", "/root")])).unwrap();
        assert_eq!(c.listen.to_string(), "0.0.0.0:5001");
        assert_eq!(
            c.database_url().expose(),
            "sqlite://data/ipmi_events.db?mode=rwc"
        );
        assert_eq!(c.database_kind(), DatabaseKind::Sqlite);
    }

    #[test]
    fn file_then_environment_override_defaults() {
        let f =
            write_toml("listen = \"127.0.0.1:7000\"\ndata_dir = \"/srv/ipmi\"\nlog = \"debug\"\n");
        let c = Config::load(
            Some(f.path()),
            env(&[("IPMI_MONITOR_LISTEN", "127.0.0.1:7001")]),
        )
        .unwrap();
        assert_eq!(
            c.listen.to_string(),
            "127.0.0.1:7001",
            "environment beats the file"
        );
        assert_eq!(
            c.data_dir,
            PathBuf::from("/srv/ipmi"),
            "file beats the default"
        );
        assert_eq!(c.log, "debug");
        assert_eq!(
            c.database_url().expose(),
            "sqlite:///srv/ipmi/ipmi_events.db?mode=rwc"
        );
    }

    #[test]
    fn unknown_file_key_is_refused_by_name() {
        let f = write_toml("listn = \"127.0.0.1:7000\"\n");
        let err = Config::load(Some(f.path()), env(&[]))
            .unwrap_err()
            .to_string();
        assert!(err.contains("listn"), "{err}");
    }

    #[test]
    fn unknown_environment_variable_is_refused_by_name() {
        let err = Config::load(None, env(&[("IPMI_MONITOR_LISTNE", "x")]))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("IPMI_MONITOR_LISTNE") && err.contains("IPMI_MONITOR_LISTEN"),
            "{err}"
        );
    }

    #[test]
    fn bad_values_are_refused_with_the_key() {
        let err = Config::load(None, env(&[("IPMI_MONITOR_LISTEN", "5001")]))
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("IPMI_MONITOR_LISTEN:"), "{err}");
        let err = Config::load(None, env(&[("DATABASE_URL", "mysql://u:secretpw@h/db")]))
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("DATABASE_URL:") && !err.contains("secretpw"),
            "{err}"
        );
        let f = write_toml("listen = 5001\n");
        assert!(Config::load(Some(f.path()), env(&[])).is_err());
    }

    #[test]
    fn collector_settings_are_checked() {
        let c = Config::load(
            None,
            env(&[
                ("IPMI_MONITOR_POLL_INTERVAL", "30"),
                ("IPMI_MONITOR_COLLECTOR_CONCURRENCY", "8"),
            ]),
        )
        .unwrap();
        assert_eq!(c.poll_interval, Duration::from_secs(30));
        assert_eq!(c.collector_concurrency, 8);
        let err = Config::load(None, env(&[("IPMI_MONITOR_POLL_INTERVAL", "1")]))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("IPMI_MONITOR_POLL_INTERVAL") && err.contains("5..="),
            "{err}"
        );
        let err = Config::load(None, env(&[("IPMI_MONITOR_BMC_DEADLINE", "soon")]))
            .unwrap_err()
            .to_string();
        assert!(err.contains("not a whole number"), "{err}");
        let f = write_toml("collector_concurrency = 0\n");
        assert!(Config::load(Some(f.path()), env(&[])).is_err());
    }

    #[test]
    fn database_url_selects_postgres() {
        let c = Config::load(
            None,
            env(&[("DATABASE_URL", "postgres://u:p@127.0.0.1/ipmi")]),
        )
        .unwrap();
        assert_eq!(c.database_kind(), DatabaseKind::Postgres);
        assert_eq!(format!("{:?}", c.database_url), "Some(***)");
    }

    #[test]
    fn base_path_is_checked() {
        let c = Config::load(None, env(&[("IPMI_MONITOR_BASE_PATH", "/ipmi/")])).unwrap();
        assert_eq!(c.base_path.as_str(), "/ipmi");
        assert!(Config::load(None, env(&[])).unwrap().base_path.is_root());
        let err = Config::load(None, env(&[("IPMI_MONITOR_BASE_PATH", "ipmi")]))
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("IPMI_MONITOR_BASE_PATH:") && err.contains("start with '/'"),
            "{err}"
        );
    }

    #[test]
    fn auth_settings_from_file_and_environment() {
        let f = write_toml(
            "trusted_proxies = [\"10.0.0.0/8\", \"::1\"]\nanonymous_read = true\nsso_default_role = \"operator\"\n",
        );
        let c = Config::load(
            Some(f.path()),
            env(&[
                ("IPMI_MONITOR_LOGIN_MAX_FAILURES", "3"),
                ("IPMI_MONITOR_SSO_USER_HEADER", "Remote-User"),
                ("IPMI_MONITOR_METRICS_TOKEN", "scrape-me"),
            ]),
        )
        .unwrap();
        assert_eq!(c.trusted_proxies.len(), 2);
        assert!(c.trusted_proxies[0].contains(&"10.1.2.3".parse::<std::net::IpAddr>().unwrap()));
        assert!(c.anonymous_read);
        assert_eq!(c.sso_default_role, Role::Operator);
        assert_eq!(c.login_max_failures, 3);
        assert_eq!(c.sso_user_header.as_str(), "remote-user");
        assert_eq!(format!("{:?}", c.metrics_token), "Some(***)");
        for (name, value) in [
            ("IPMI_MONITOR_TRUSTED_PROXIES", "10.0.0.0/33"),
            ("IPMI_MONITOR_ANONYMOUS_READ", "maybe"),
            ("IPMI_MONITOR_SSO_DEFAULT_ROLE", "root"),
            ("IPMI_MONITOR_SSO_ROLE_HEADER", "bad header"),
            ("IPMI_MONITOR_SESSION_LIFETIME", "10"),
        ] {
            let err = Config::load(None, env(&[(name, value)]))
                .unwrap_err()
                .to_string();
            assert!(err.starts_with(name), "{err}");
        }
    }

    #[test]
    fn config_file_variable_is_not_an_unknown_setting() {
        assert!(Config::load(None, env(&[(CONFIG_FILE_VAR, "/etc/ipmi-monitor.toml")])).is_ok());
    }
}
