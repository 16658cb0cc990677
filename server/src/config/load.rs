use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;

use super::{Config, ConfigError, Secret};

/// Every environment variable we read starts with this.
pub const ENV_PREFIX: &str = "IPMI_MONITOR_";
/// Names the TOML file (the `--config` flag wins).
pub const CONFIG_FILE_VAR: &str = "IPMI_MONITOR_CONFIG";

/// Environment variables with the prefix that are not settings but still ours.
const OTHER_OWN_VARS: &[&str] = &[CONFIG_FILE_VAR];

/// The TOML file: every key optional, unknown keys rejected.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    listen: Option<String>,
    data_dir: Option<PathBuf>,
    database_url: Option<Secret>,
    site_root: Option<PathBuf>,
    secret_key: Option<Secret>,
    poll_interval: Option<u64>,
    collector_concurrency: Option<u64>,
    bmc_deadline: Option<u64>,
    log: Option<String>,
}

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
        let file: FileConfig = toml::from_str(&text).map_err(|e| ConfigError::ParseFile {
            path: path.to_owned(),
            message: e.message().to_owned(),
        })?;
        if let Some(listen) = file.listen {
            self.listen = parse_listen("listen", &listen)?;
        }
        if let Some(dir) = file.data_dir {
            self.data_dir = non_empty_path("data_dir", dir)?;
        }
        if let Some(url) = file.database_url {
            self.database_url = Some(database_url("database_url", url.expose())?);
        }
        if let Some(dir) = file.site_root {
            self.site_root = non_empty_path("site_root", dir)?;
        }
        if let Some(key) = file.secret_key {
            self.secret_key = Some(key);
        }
        if let Some(secs) = file.poll_interval {
            self.poll_interval = seconds("poll_interval", secs, 5, 86_400)?;
        }
        if let Some(n) = file.collector_concurrency {
            self.collector_concurrency = count("collector_concurrency", n, 1, 4096)?;
        }
        if let Some(secs) = file.bmc_deadline {
            self.bmc_deadline = seconds("bmc_deadline", secs, 1, 600)?;
        }
        if let Some(log) = file.log {
            self.log = log;
        }
        Ok(())
    }

    fn apply_env(&mut self, env: BTreeMap<String, String>) -> Result<(), ConfigError> {
        for (name, value) in &env {
            let Some(key) = name.strip_prefix(ENV_PREFIX) else {
                if name == "DATABASE_URL" {
                    self.database_url = Some(database_url(name, value)?);
                }
                continue;
            };
            match key {
                "LISTEN" => self.listen = parse_listen(name, value)?,
                "DATA_DIR" => self.data_dir = non_empty_path(name, PathBuf::from(value))?,
                "DATABASE_URL" => self.database_url = Some(database_url(name, value)?),
                "SITE_ROOT" => self.site_root = non_empty_path(name, PathBuf::from(value))?,
                "SECRET_KEY" => self.secret_key = Some(Secret::new(value.clone())),
                "POLL_INTERVAL" => {
                    self.poll_interval = seconds(name, parse_number(name, value)?, 5, 86_400)?
                }
                "COLLECTOR_CONCURRENCY" => {
                    self.collector_concurrency = count(name, parse_number(name, value)?, 1, 4096)?
                }
                "BMC_DEADLINE" => {
                    self.bmc_deadline = seconds(name, parse_number(name, value)?, 1, 600)?
                }
                "LOG" => self.log = value.clone(),
                _ if OTHER_OWN_VARS.contains(&name.as_str()) => {}
                _ => {
                    return Err(ConfigError::UnknownEnv {
                        name: name.clone(),
                        known: known_env_vars().join(", "),
                    });
                }
            }
        }
        Ok(())
    }
}

fn known_env_vars() -> Vec<String> {
    [
        "LISTEN",
        "DATA_DIR",
        "DATABASE_URL",
        "SITE_ROOT",
        "SECRET_KEY",
        "POLL_INTERVAL",
        "COLLECTOR_CONCURRENCY",
        "BMC_DEADLINE",
        "LOG",
    ]
    .iter()
    .map(|k| format!("{ENV_PREFIX}{k}"))
    .chain(OTHER_OWN_VARS.iter().map(|v| (*v).to_owned()))
    .collect()
}

fn parse_listen(key: &str, value: &str) -> Result<SocketAddr, ConfigError> {
    value.trim().parse().map_err(|_| ConfigError::BadValue {
        key: key.to_owned(),
        message: format!("'{value}' is not an address:port such as 0.0.0.0:5001 or [::]:5001"),
    })
}

fn parse_number(key: &str, value: &str) -> Result<u64, ConfigError> {
    value.trim().parse().map_err(|_| ConfigError::BadValue {
        key: key.to_owned(),
        message: format!("'{value}' is not a whole number"),
    })
}

fn in_range(key: &str, n: u64, min: u64, max: u64) -> Result<u64, ConfigError> {
    if (min..=max).contains(&n) {
        Ok(n)
    } else {
        Err(ConfigError::BadValue {
            key: key.to_owned(),
            message: format!("{n} is outside {min}..={max}"),
        })
    }
}

fn seconds(key: &str, n: u64, min: u64, max: u64) -> Result<Duration, ConfigError> {
    in_range(key, n, min, max).map(Duration::from_secs)
}

fn count(key: &str, n: u64, min: u64, max: u64) -> Result<usize, ConfigError> {
    in_range(key, n, min, max).and_then(|n| {
        usize::try_from(n).map_err(|_| ConfigError::BadValue {
            key: key.to_owned(),
            message: format!("{n} is too large"),
        })
    })
}

fn non_empty_path(key: &str, path: PathBuf) -> Result<PathBuf, ConfigError> {
    if path.as_os_str().is_empty() {
        return Err(ConfigError::BadValue {
            key: key.to_owned(),
            message: "must not be empty".to_owned(),
        });
    }
    Ok(path)
}

/// Accepts SQLite and PostgreSQL URLs; the value is never echoed (it may hold a password).
fn database_url(key: &str, value: &str) -> Result<Secret, ConfigError> {
    let supported = ["sqlite:", "postgres://", "postgresql://"];
    if supported.iter().any(|p| value.starts_with(p)) {
        Ok(Secret::new(value))
    } else {
        Err(ConfigError::BadValue {
            key: key.to_owned(),
            message: "must start with sqlite:, postgres:// or postgresql://".to_owned(),
        })
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
    fn config_file_variable_is_not_an_unknown_setting() {
        assert!(Config::load(None, env(&[(CONFIG_FILE_VAR, "/etc/ipmi-monitor.toml")])).is_ok());
    }
}
