//! Dashboard pieces.

mod fleet_summary;
mod server_card;

pub use fleet_summary::FleetSummary;
pub use server_card::ServerCard;
