//! Servers: what the dashboard lists.

mod list_servers;
#[cfg(feature = "ssr")]
pub mod queries;

pub use list_servers::*;
