//! Backup and restore: servers, users (password hashes only), API tokens (hashes only) and,
//! only when asked for, the BMC credentials, encrypted with a passphrase the operator chooses
//! (so a backup file is safe to store anywhere the secret key file is not).
//!
//! A restore is planned first (what would be added, updated, removed) and applied in one
//! transaction, merging into what exists or replacing it.

mod document;
mod export;
mod passphrase;
mod restore;

pub use document::{
    BACKUP_FORMAT, BACKUP_VERSION, Backup, BackupCredential, BackupServer, BackupToken, BackupUser,
};
pub use export::{BackupError, create_backup};
pub use passphrase::{PassphraseError, open_secrets, seal_secrets};
pub use restore::{
    RestoreError, RestoreMode, RestorePlan, apply_restore, parse_backup, plan_restore,
};
