//! The high-level client the collector uses: one session per BMC, reused, serialized, under
//! a deadline per call.

pub mod bmc_client;
pub mod bmc_info;
pub mod credentials;
pub mod fru;
mod open;
pub mod options;
mod ping;
pub(crate) mod sdr_cache;
mod sdr_read;
pub mod sel;
pub mod sensor_value;
mod sensors;

pub use bmc_client::{BmcClient, RawResponse};
pub use bmc_info::DeviceInfo;
pub use credentials::{Credentials, Secret};
pub use fru::FruDevice;
pub use options::{ConnectOptions, Protocol};
pub use ping::presence_ping;
pub use sel::{SelBatch, SelCursor, SelEntry};
pub use sensor_value::{Hysteresis, ReadingStatus, SensorValue, Thresholds};
