//! The backup file: JSON, versioned, with everything secret in one sealed field.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// `format` of every backup file, so a wrong file is refused with a clear message.
pub const BACKUP_FORMAT: &str = "ipmi-monitor-backup";
/// Bumped when the layout changes incompatibly.
pub const BACKUP_VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Backup {
    pub format: String,
    pub version: u32,
    pub created_at: DateTime<Utc>,
    /// The app version that wrote it.
    pub app_version: String,
    pub servers: Vec<BackupServer>,
    pub users: Vec<BackupUser>,
    pub api_tokens: Vec<BackupToken>,
    /// The BMC credentials, sealed with the passphrase (see `passphrase.rs`); `None` when the
    /// backup was made without secrets.
    pub sealed_credentials: Option<String>,
}

impl Backup {
    /// One line for the audit log: what the backup holds.
    pub fn summary(&self) -> String {
        format!(
            "{} server(s), {} user(s), {} token(s), {}",
            self.servers.len(),
            self.users.len(),
            self.api_tokens.len(),
            if self.sealed_credentials.is_some() {
                "with sealed credentials"
            } else {
                "without secrets"
            }
        )
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BackupServer {
    pub name: String,
    pub bmc_address: String,
    pub bmc_port: i32,
    pub os_address: Option<String>,
    pub protocol: String,
    pub cipher_suite: Option<i32>,
    pub privilege: String,
    pub tags: String,
    pub notes: String,
    pub enabled: bool,
    pub lifecycle: String,
    pub deprecated_reason: Option<String>,
    pub deprecated_at: Option<DateTime<Utc>>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BackupUser {
    pub username: String,
    /// argon2id PHC string; the password itself is never in a backup.
    pub password_hash: String,
    pub role: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BackupToken {
    pub name: String,
    pub token_hash: String,
    pub role: String,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
    pub expires_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

/// One BMC login inside the sealed field. `server: None` is the default credential.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BackupCredential {
    pub server: Option<String>,
    pub username: String,
    pub password: String,
    pub kg: Option<String>,
}
