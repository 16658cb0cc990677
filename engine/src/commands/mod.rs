//! Request builders and response decoders, one file per command family. Decoding of SDR,
//! SEL, sensor and FRU contents is `crate::decode`'s job; these frame the commands and
//! decode the small fixed replies that `decode` does not cover.

pub mod chassis;
pub mod completion;
pub mod dcmi;
pub mod device;
pub mod fru;
pub mod lan;
pub mod request;
pub mod sdr;
pub mod sel;
pub mod sensor;

pub use chassis::{ChassisStatus, PowerAction};
pub use device::{DeviceId, SelfTest};
pub use request::{Request, netfn};
