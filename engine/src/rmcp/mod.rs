//! RMCP framing (IPMI v2.0 section 13.1) and the ASF Presence Ping (13.2).

pub mod asf_ping;
pub mod header;

pub use asf_ping::{PresencePong, decode_presence_pong, encode_presence_ping};
pub use header::{RmcpClass, decode_rmcp_header, encode_rmcp_header};
