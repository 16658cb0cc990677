//! Events: the SEL and synthetic events of every server.

mod list_recent_events;
mod list_server_events;
#[cfg(feature = "ssr")]
pub mod queries;

pub use list_recent_events::*;
pub use list_server_events::*;
