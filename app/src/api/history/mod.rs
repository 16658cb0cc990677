//! Stored readings for the charts: a sensor's history, a server's power draw, and the
//! sparklines of a server's sensors.

mod get_history;
#[cfg(feature = "ssr")]
pub mod queries;

pub use get_history::*;
