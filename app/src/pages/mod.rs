//! One component per page.

mod dashboard;
mod docs;
mod events;
mod settings;

pub use dashboard::DashboardPage;
pub use docs::DocsPage;
pub use events::EventsPage;
pub use settings::SettingsPage;
