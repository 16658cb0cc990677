//! Facts about this installation shown on the Settings page.

use serde::{Deserialize, Serialize};

/// Read-only facts about the running instance. Never contains secrets.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SystemInfo {
    pub version: String,
    pub git_commit: String,
    pub build_time: String,
    /// "sqlite" or "postgres"; the URL itself may hold a password and is never sent.
    pub database_kind: String,
    pub data_dir: String,
    pub listen: String,
}
