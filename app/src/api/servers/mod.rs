//! Servers: what the dashboard lists and the server page shows.

mod get_fleet_stats;
mod get_server_detail;
mod get_server_inventory;
mod list_server_sensors;
mod list_servers;
#[cfg(feature = "ssr")]
pub mod queries;
#[cfg(feature = "ssr")]
mod stats;

pub use get_fleet_stats::*;
pub use get_server_detail::*;
pub use get_server_inventory::*;
pub use list_server_sensors::*;
pub use list_servers::*;
