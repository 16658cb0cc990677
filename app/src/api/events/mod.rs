//! Events: the SEL and synthetic events of every server.

mod list_events_page;
mod list_server_events;
#[cfg(feature = "ssr")]
pub mod queries;

pub use list_events_page::*;
pub use list_server_events::*;
