//! The key for secrets at rest: `IPMI_MONITOR_SECRET_KEY` if given, else `secret.key` in the
//! data dir, created (mode 0600) on first start. Losing the key makes stored BMC passwords
//! unreadable, so it is never regenerated over an existing file.

use std::path::{Path, PathBuf};

use app::ssr::secrets::{KEY_LEN, SecretBox};

use crate::config::Config;
use crate::private_file::{Existing, key_file_text, write_private};

/// Name of the key file in the data dir.
pub const KEY_FILE: &str = "secret.key";

#[derive(Debug, thiserror::Error)]
pub enum SecretKeyError {
    #[error("IPMI_MONITOR_SECRET_KEY: {0}")]
    BadSetting(app::ssr::secrets::SecretError),
    #[error("key file {path}: {message}")]
    BadFile { path: PathBuf, message: String },
    #[error("key file {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Opens (or on first start creates) the key and returns the box that uses it.
pub fn load_or_create(config: &Config) -> Result<SecretBox, SecretKeyError> {
    if let Some(key) = &config.secret_key {
        let key = SecretBox::parse_key(key.expose()).map_err(SecretKeyError::BadSetting)?;
        return Ok(SecretBox::new(&key));
    }
    let path = config.data_dir.join(KEY_FILE);
    let key = match std::fs::read_to_string(&path) {
        Ok(text) => SecretBox::parse_key(&text).map_err(|e| SecretKeyError::BadFile {
            path: path.clone(),
            message: e.to_string(),
        })?,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => create_key_file(&path)?,
        Err(source) => return Err(SecretKeyError::Io { path, source }),
    };
    Ok(SecretBox::new(&key))
}

fn create_key_file(path: &Path) -> Result<[u8; KEY_LEN], SecretKeyError> {
    let io = |source| SecretKeyError::Io {
        path: path.to_owned(),
        source,
    };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(io)?;
    }
    let key = SecretBox::generate_key();
    // Keep: never overwrite a key that another process just wrote.
    write_private(path, key_file_text(&key).as_bytes(), Existing::Keep).map_err(io)?;
    tracing::info!(path = %path.display(), "generated a new secret key; back it up with the database");
    Ok(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config_in(dir: &Path) -> Config {
        Config::load(
            None,
            [(
                "IPMI_MONITOR_DATA_DIR".to_owned(),
                dir.display().to_string(),
            )],
        )
        .unwrap()
    }

    #[test]
    fn key_file_is_created_private_and_reused() {
        let dir = tempfile::tempdir().unwrap();
        let config = config_in(dir.path());
        let first = load_or_create(&config).unwrap();
        let stored = first.encrypt("pw");
        let path = dir.path().join(KEY_FILE);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
        let second = load_or_create(&config).unwrap();
        assert_eq!(second.decrypt(&stored).unwrap().expose(), "pw");
    }

    #[test]
    fn configured_key_wins_and_bad_keys_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let mut config = config_in(dir.path());
        config.secret_key = Some(crate::config::Secret::new("ab".repeat(32)));
        load_or_create(&config).unwrap();
        assert!(!dir.path().join(KEY_FILE).exists());
        config.secret_key = Some(crate::config::Secret::new("nope"));
        assert!(load_or_create(&config).is_err());
        std::fs::write(dir.path().join(KEY_FILE), "garbage").unwrap();
        config.secret_key = None;
        assert!(matches!(
            load_or_create(&config),
            Err(SecretKeyError::BadFile { .. })
        ));
    }
}
