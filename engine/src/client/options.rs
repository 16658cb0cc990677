//! Connection options, with defaults in one place.

use std::time::Duration;

use crate::rmcp_plus::AuthType;
use crate::session::PrivilegeLevel;

/// Which IPMI protocol to speak.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Protocol {
    /// RMCP+ with the cipher suites in `ConnectOptions::cipher_suites`.
    V20,
    /// IPMI 1.5 with MD5 or straight-password authentication, for old BMCs.
    V15(AuthType),
}

#[derive(Debug, Clone)]
pub struct ConnectOptions {
    pub protocol: Protocol,
    /// Suites to try in order; the first one the BMC accepts is used and reported
    /// (`BmcClient::session_info`). A BMC that refuses a suite answers Open Session with a
    /// status, so falling back costs one round trip.
    pub cipher_suites: Vec<u8>,
    /// Privilege requested and then set with Set Session Privilege Level.
    pub privilege: PrivilegeLevel,
    /// RAKP 1 name-only lookup (13.20): find the user by name, not by name + privilege.
    pub name_only_lookup: bool,
    /// Wait per attempt of one request.
    pub timeout: Duration,
    /// Extra attempts for idempotent requests (never for power control, clear, raw).
    pub retries: u32,
    /// Upper bound for one high-level call (`poll_sensors`, `fru`, …), session setup included.
    pub deadline: Duration,
    /// Send a Get Device ID when the session has been idle this long, so the BMC's idle
    /// timeout (often 30–60 s; ipmi_sim uses 30 s) never closes it. `None` = no keepalive.
    pub keepalive: Option<Duration>,
    /// Bytes per Get SDR / Read FRU Data chunk to start with (shrunk on 0xCA).
    pub chunk_size: u8,
}

impl Default for ConnectOptions {
    fn default() -> Self {
        ConnectOptions {
            protocol: Protocol::V20,
            cipher_suites: vec![17, 3],
            privilege: PrivilegeLevel::Administrator,
            name_only_lookup: true,
            timeout: Duration::from_millis(1000),
            retries: 3,
            deadline: Duration::from_secs(30),
            keepalive: Some(Duration::from_secs(25)),
            chunk_size: 32,
        }
    }
}
