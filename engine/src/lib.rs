//! The IPMI collection engine. No web or database dependency: pure decoders in `decode`,
//! thin async I/O on top (`transport`, `rmcp`, `rmcp_plus`, `session`, `commands`), and the
//! high-level `client::BmcClient` and `cli` for people and scripts.

pub mod cli;
pub mod client;
pub mod commands;
pub mod decode;
pub mod error;
pub mod rmcp;
pub mod rmcp_plus;
pub mod session;
pub mod transport;

pub use error::{AuthError, IpmiError, Result};
