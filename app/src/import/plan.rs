//! What parsing produces: valid rows, and errors and warnings tied to source lines.

use serde::{Deserialize, Serialize};

use super::password::Password;

/// The outcome of parsing one file. `errors` is empty when every row is usable; an import
/// with any error writes nothing. `warnings` name settings that were read but ignored (the
/// Python tool's SSH and NVIDIA options), so the operator knows they did not carry over.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportPlan {
    pub rows: Vec<ImportRow>,
    pub errors: Vec<RowError>,
    pub warnings: Vec<RowError>,
}

impl ImportPlan {
    pub fn is_ok(&self) -> bool {
        self.errors.is_empty()
    }

    /// The plan as the browser may see it: no passwords.
    pub fn previews(&self) -> Vec<RowPreview> {
        self.rows.iter().map(ImportRow::preview).collect()
    }
}

/// A problem on one line of the source file. Expected outcome, not an error type: the import
/// preview lists these next to the rows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowError {
    /// 1-based line in the source file (for pasted text, in the pasted text).
    pub line: usize,
    /// The column or key as written in the file, when the problem is with one.
    pub field: Option<String>,
    pub message: String,
}

impl RowError {
    pub fn new(line: usize, field: Option<&str>, message: impl Into<String>) -> Self {
        Self {
            line,
            field: field.map(str::to_owned),
            message: message.into(),
        }
    }
}

/// `LINE: field: message`, the tail of the CLI's `FILE:LINE: field: message`.
impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.field {
            Some(field) => write!(f, "{}: {field}: {}", self.line, self.message),
            None => write!(f, "{}: {}", self.line, self.message),
        }
    }
}

/// How the server's BMC is spoken to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Protocol {
    Auto,
    Ipmi,
    Redfish,
}

impl Protocol {
    /// The value stored in `servers.protocol`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Auto => "auto",
            Self::Ipmi => "ipmi",
            Self::Redfish => "redfish",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "auto" => Some(Self::Auto),
            "ipmi" => Some(Self::Ipmi),
            "redfish" => Some(Self::Redfish),
            _ => None,
        }
    }
}

/// IPMI session privilege level to request.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Privilege {
    User,
    Operator,
    Administrator,
}

impl Privilege {
    /// The value stored in `servers.privilege`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::User => "user",
            Self::Operator => "operator",
            Self::Administrator => "administrator",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "user" => Some(Self::User),
            "operator" => Some(Self::Operator),
            "administrator" | "admin" => Some(Self::Administrator),
            _ => None,
        }
    }
}

/// One valid server from the file. `None` means "not in the file": a new server gets the
/// default, an updated one keeps what it has, so re-importing a file that never mentioned
/// (say) the protocol does not undo a change made in the UI.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportRow {
    /// 1-based line where the row starts.
    pub line: usize,
    pub name: String,
    /// IPv4, IPv6 (without brackets) or DNS name, normalised (lower case, compressed IPv6).
    pub bmc_address: String,
    pub bmc_port: Option<u16>,
    pub os_address: Option<String>,
    pub protocol: Option<Protocol>,
    pub cipher_suite: Option<u8>,
    pub privilege: Option<Privilege>,
    pub tags: Option<Vec<String>>,
    pub notes: Option<String>,
    pub enabled: Option<bool>,
    pub username: Option<String>,
    pub password: Option<Password>,
}

/// IPMI limits on a login (RAKP, IPMI v2.0 13.20 and 22.29): a longer one can never work.
pub const MAX_BMC_USERNAME_BYTES: usize = 16;
pub const MAX_BMC_PASSWORD_BYTES: usize = 20;

/// The BMC port when none is given (RMCP/RMCP+).
pub const DEFAULT_BMC_PORT: u16 = 623;

impl ImportRow {
    /// The port this row will use.
    pub fn effective_port(&self) -> u16 {
        self.bmc_port.unwrap_or(DEFAULT_BMC_PORT)
    }

    /// The row without its password, for the browser.
    pub fn preview(&self) -> RowPreview {
        RowPreview {
            line: self.line,
            name: self.name.clone(),
            bmc_address: self.bmc_address.clone(),
            bmc_port: self.effective_port(),
            os_address: self.os_address.clone(),
            protocol: self.protocol,
            tags: self.tags.clone().unwrap_or_default(),
            username: self.username.clone(),
            password_set: self.password.is_some(),
        }
    }
}

/// A row as the import preview shows it. Passwords are write-only: only whether one is set.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowPreview {
    pub line: usize,
    pub name: String,
    pub bmc_address: String,
    pub bmc_port: u16,
    pub os_address: Option<String>,
    pub protocol: Option<Protocol>,
    pub tags: Vec<String>,
    pub username: Option<String>,
    pub password_set: bool,
}
