//! Settings, one page per tab.

mod audit;
mod backup;
mod credentials;
mod general;
mod nav;
mod servers;
mod tokens;
mod users;

pub use audit::AuditLogPage;
pub use backup::BackupPage;
pub use credentials::CredentialsPage;
pub use general::GeneralSettingsPage;
pub use nav::SettingsNav;
pub use servers::ServersSettingsPage;
pub use tokens::ApiTokensPage;
pub use users::UsersPage;
