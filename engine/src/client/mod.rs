//! The high-level client the collector uses: one session per BMC, reused, serialized, under
//! a deadline per call.

pub mod bmc_client;
pub mod credentials;
mod open;
pub mod options;
pub(crate) mod sdr_cache;
mod sdr_read;
pub mod sensor_value;
mod sensors;

pub use bmc_client::{BmcClient, RawResponse};
pub use credentials::{Credentials, Secret};
pub use options::{ConnectOptions, Protocol};
pub use sensor_value::{ReadingStatus, SensorValue, Thresholds};
