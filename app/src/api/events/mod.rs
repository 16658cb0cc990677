//! Events: the SEL and synthetic events of every server.

mod list_recent_events;
#[cfg(feature = "ssr")]
pub mod queries;

pub use list_recent_events::*;
