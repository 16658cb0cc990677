//! IPMI sessions: capabilities, RMCP+ Open Session and RAKP (13.14–13.31), IPMI 1.5
//! activation (22.15–22.17), privilege, close, and the exchange loop that matches replies.

pub mod active;
pub mod auth_caps;
pub mod cipher_suite;
pub mod establish;
pub mod establish_v15;
pub mod open_session;
pub mod privilege;
pub mod rakp;
pub mod seq_window;

pub use active::{IpmiVersion, Session, SessionInfo, Timing};
pub use cipher_suite::CipherSuite;
pub use establish::Login;
pub use privilege::PrivilegeLevel;
