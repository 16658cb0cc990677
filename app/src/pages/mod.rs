//! One component per page.

mod account;
mod dashboard;
mod docs;
mod events;
mod login;
mod server;
mod settings;
mod setup;

pub use account::AccountPage;
pub use dashboard::DashboardPage;
pub use docs::DocsPage;
pub use events::EventsPage;
pub use login::LoginPage;
pub use server::ServerPage;
pub use settings::{
    ApiTokensPage, AuditLogPage, BackupPage, CredentialsPage, GeneralSettingsPage,
    ServersSettingsPage, UsersPage,
};
pub use setup::SetupPage;
