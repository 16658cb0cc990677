//! IPMI-over-LAN packets: the IPMI message inside (13.8), the RMCP+ session wrapper with
//! integrity and confidentiality (13.6, 13.28–13.29) and the IPMI 1.5 session wrapper (13.6,
//! 22.17) for old BMCs.

pub mod auth_alg;
pub mod confidentiality;
pub mod integrity;
pub mod ipmi_message;
pub mod packet;
pub mod v15_packet;

pub use auth_alg::AuthAlg;
pub use confidentiality::ConfidentialityAlg;
pub use integrity::IntegrityAlg;
pub use ipmi_message::{IpmiResponse, decode_response, encode_request};
pub use packet::{PayloadType, SessionCrypto, V2Packet, decode_v2, encode_v2};
pub use v15_packet::{AuthType, V15Packet, decode_v15, encode_v15};
