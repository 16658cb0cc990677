//! Servers as Settings → Servers manages them.

use serde::{Deserialize, Serialize};

use super::ServerId;

/// Every setting of a server, and whether it has its own BMC login. The password itself is
/// write-only: it never leaves the server.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManagedServer {
    pub id: ServerId,
    pub name: String,
    pub bmc_address: String,
    pub bmc_port: i32,
    pub os_address: Option<String>,
    pub protocol: String,
    pub cipher_suite: Option<i32>,
    pub privilege: String,
    pub tags: Vec<String>,
    pub notes: String,
    pub enabled: bool,
    /// "active" or "deprecated".
    pub lifecycle: String,
    pub deprecated_reason: Option<String>,
    /// The user name of the server's own login; `None` means it uses the default login.
    pub login_override: Option<String>,
}

impl ManagedServer {
    pub fn is_deprecated(&self) -> bool {
        self.lifecycle == "deprecated"
    }
}

/// What an import did, or (dry run) would do.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportSummary {
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub credentials_set: usize,
}

/// The import preview: rows as they would be written, problems tied to lines, and (when there
/// are no problems) what the import would change.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportPreview {
    /// "csv", "json", "yaml" or "ini": the format the text was read as.
    pub format: String,
    pub rows: Vec<crate::import::RowPreview>,
    pub errors: Vec<crate::import::RowError>,
    pub warnings: Vec<crate::import::RowError>,
    pub outcome: Option<ImportSummary>,
}

/// A server's settings as a form or the REST API sends them. Every value is text, checked by
/// the import rules; an absent or empty value takes its default. The password is write-only
/// and hidden from `Debug`.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ServerFields {
    pub name: Option<String>,
    pub bmc_address: Option<String>,
    pub bmc_port: Option<String>,
    pub os_address: Option<String>,
    pub protocol: Option<String>,
    pub cipher_suite: Option<String>,
    pub privilege: Option<String>,
    pub tags: Option<String>,
    pub notes: Option<String>,
    pub enabled: Option<String>,
    pub username: Option<String>,
    pub password: Option<String>,
}

impl ServerFields {
    /// `(key, value)` pairs of the values given, keyed as in an import file.
    pub fn pairs(&self) -> Vec<(&'static str, &str)> {
        [
            ("name", &self.name),
            ("bmc_address", &self.bmc_address),
            ("bmc_port", &self.bmc_port),
            ("os_address", &self.os_address),
            ("protocol", &self.protocol),
            ("cipher_suite", &self.cipher_suite),
            ("privilege", &self.privilege),
            ("tags", &self.tags),
            ("notes", &self.notes),
            ("enabled", &self.enabled),
            ("username", &self.username),
            ("password", &self.password),
        ]
        .into_iter()
        .filter_map(|(key, value)| value.as_deref().map(|v| (key, v)))
        .collect()
    }
}

impl std::fmt::Debug for ServerFields {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ServerFields")
            .field("name", &self.name)
            .field("bmc_address", &self.bmc_address)
            .field("username", &self.username)
            .field("password", &self.password.as_ref().map(|_| "<hidden>"))
            .finish_non_exhaustive()
    }
}

/// The default BMC login, as the browser may see it: the user name and whether a password
/// is stored, never the password.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DefaultLogin {
    pub username: Option<String>,
    pub password_set: bool,
}

/// What a bulk login change did to one server.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoginChange {
    pub server_id: ServerId,
    pub server_name: String,
    /// "set", "replaced", "kept" (it has its own login and overwrite was off) or "not found".
    pub outcome: String,
}
