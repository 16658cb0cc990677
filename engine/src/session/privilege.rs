//! Session privilege levels (IPMI v2.0 section 6.8, table 6-4).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PrivilegeLevel {
    Callback,
    User,
    Operator,
    Administrator,
    Oem,
}

impl PrivilegeLevel {
    pub fn code(self) -> u8 {
        match self {
            PrivilegeLevel::Callback => 1,
            PrivilegeLevel::User => 2,
            PrivilegeLevel::Operator => 3,
            PrivilegeLevel::Administrator => 4,
            PrivilegeLevel::Oem => 5,
        }
    }

    pub fn from_code(code: u8) -> Option<Self> {
        Some(match code & 0x0F {
            1 => PrivilegeLevel::Callback,
            2 => PrivilegeLevel::User,
            3 => PrivilegeLevel::Operator,
            4 => PrivilegeLevel::Administrator,
            5 => PrivilegeLevel::Oem,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            PrivilegeLevel::Callback => "CALLBACK",
            PrivilegeLevel::User => "USER",
            PrivilegeLevel::Operator => "OPERATOR",
            PrivilegeLevel::Administrator => "ADMINISTRATOR",
            PrivilegeLevel::Oem => "OEM",
        }
    }
}

impl fmt::Display for PrivilegeLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for PrivilegeLevel {
    type Err = String;

    /// Accepts ipmitool's names (`ADMINISTRATOR`, `OPERATOR`, `USER`, `CALLBACK`) and short forms.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "callback" => Ok(PrivilegeLevel::Callback),
            "user" => Ok(PrivilegeLevel::User),
            "operator" | "op" => Ok(PrivilegeLevel::Operator),
            "administrator" | "admin" => Ok(PrivilegeLevel::Administrator),
            "oem" => Ok(PrivilegeLevel::Oem),
            _ => Err(format!(
                "unknown privilege level {s:?} (USER, OPERATOR or ADMINISTRATOR)"
            )),
        }
    }
}
