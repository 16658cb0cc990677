//! Backup and restore (admins only).

mod create_backup;
mod restore_backup;

pub use create_backup::{CreateBackup, create_backup};
pub use restore_backup::{RestoreBackup, restore_backup};
