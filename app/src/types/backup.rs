//! Restore previews and results, shown on the backup page and printed by the CLI.

use serde::{Deserialize, Serialize};

/// What happens to rows the backup does not mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RestoreMode {
    /// Keep them: the backup adds and updates.
    Merge,
    /// Remove them: afterwards the database holds exactly the backup.
    Replace,
}

impl RestoreMode {
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "merge" => Some(Self::Merge),
            "replace" => Some(Self::Replace),
            _ => None,
        }
    }
}

/// What a restore changes (or, in a preview, would change).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RestorePlan {
    pub servers_added: usize,
    pub servers_updated: usize,
    pub servers_unchanged: usize,
    pub servers_removed: usize,
    pub users_added: usize,
    pub users_updated: usize,
    pub users_removed: usize,
    pub tokens_added: usize,
    pub tokens_removed: usize,
    /// Credentials written (0 when the backup has none or they were not opened).
    pub credentials_set: usize,
    pub warnings: Vec<String>,
}

impl RestorePlan {
    /// One line for the CLI and the audit log.
    pub fn summary(&self) -> String {
        format!(
            "servers: {} added, {} updated, {} unchanged, {} removed; users: {} added, {} updated, {} removed; tokens: {} added, {} removed; {} credential(s) set",
            self.servers_added,
            self.servers_updated,
            self.servers_unchanged,
            self.servers_removed,
            self.users_added,
            self.users_updated,
            self.users_removed,
            self.tokens_added,
            self.tokens_removed,
            self.credentials_set
        )
    }
}
