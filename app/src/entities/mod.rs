//! SeaORM entities, one file per table. The schema itself lives in the `migration` crate.

pub mod api_token;
pub mod audit_log;
pub mod bmc_credential;
pub mod power_reading;
pub mod power_reading_hourly;
pub mod sel_event;
pub mod sensor;
pub mod sensor_reading;
pub mod sensor_reading_hourly;
pub mod server;
pub mod server_inventory;
pub mod server_status;
pub mod user;
pub mod user_session;
