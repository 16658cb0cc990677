//! One error type for the engine's I/O layer. Callers match on the variant; the `Display`
//! text is written for a person (it never contains a password or key).

use std::time::Duration;

use crate::commands::completion::completion_code_name;

/// Why an authentication step failed, as far as the BMC lets us know (RAKP status codes,
/// IPMI v2.0 table 13-15, and the RAKP 2 key exchange authentication code check).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AuthError {
    /// RAKP 2's HMAC did not verify with our key: the password (or K_g) is wrong.
    #[error("wrong password (the BMC did not accept our authentication code)")]
    WrongPassword,
    /// RAKP status 0x0D "unauthorized name" or IPMI 1.5 "invalid user name".
    #[error("unknown user name")]
    UnknownUser,
    /// The BMC refused the requested privilege level (RAKP status 0x09 or Set Session
    /// Privilege Level completion code 0x80/0x81).
    #[error("privilege level {requested} refused by the BMC{}", granted.map(|g| format!(" (it grants at most {g})")).unwrap_or_default())]
    PrivilegeRefused {
        requested: &'static str,
        granted: Option<&'static str>,
    },
    /// None of the configured cipher suites was accepted by the BMC.
    #[error("no cipher suite accepted by the BMC (tried {tried:?})")]
    NoCipherSuite { tried: Vec<u8> },
    /// Any other RMCP+ status code from Open Session or RAKP 2/4.
    #[error("session setup refused: RMCP+ status {code:#04x} ({name})")]
    Rakp { code: u8, name: &'static str },
    /// RAKP 4's integrity check value did not verify: the BMC key K_g is wrong, or the BMC
    /// computes the session key differently.
    #[error("the BMC's RAKP 4 integrity check value does not match (wrong K_g?)")]
    Rakp4Mismatch,
    /// The BMC refused this cipher suite in Open Session (status 0x03–0x07, 0x10, 0x11); the
    /// client then tries the next configured suite.
    #[error("cipher suite {suite} refused: RMCP+ status {code:#04x}")]
    SuiteRejected { suite: u8, code: u8 },
    /// User name longer than 16 bytes or password longer than 20 (13.20, 22.29).
    #[error("{0}")]
    BadCredentials(&'static str),
    /// IPMI 1.5 session activation failed.
    #[error("IPMI 1.5 session activation refused: completion code {code:#04x} ({name})")]
    Activation { code: u8, name: &'static str },
}

/// Errors from talking to a BMC.
#[derive(Debug, thiserror::Error)]
pub enum IpmiError {
    /// No (matching) reply before the deadline.
    #[error("no reply from the BMC within {0:?}")]
    Timeout(Duration),
    /// The BMC's port is closed (ICMP port unreachable on the connected socket) or the
    /// address cannot be reached at all.
    #[error("BMC unreachable: {0}")]
    Unreachable(String),
    /// The target string could not be parsed or resolved.
    #[error("bad BMC address {0:?}")]
    BadTarget(String),
    /// The BMC answered with a non-zero completion code (IPMI v2.0 table 5-2).
    #[error("BMC returned completion code {0:#04x} ({name})", name = completion_code_name(*.0))]
    CompletionCode(u8),
    /// Authentication or session setup failed.
    #[error("authentication failed: {0}")]
    Auth(#[from] AuthError),
    /// The BMC sent something that does not follow the protocol.
    #[error("protocol error: {0}")]
    Protocol(String),
    /// A reply decoded by `crate::decode` was malformed.
    #[error("decode error: {0}")]
    Decode(#[from] crate::decode::DecodeError),
    /// The operation is not supported by this BMC or this client.
    #[error("unsupported: {0}")]
    Unsupported(String),
    /// Socket error other than "unreachable".
    #[error("I/O error: {0}")]
    Io(#[from] std::io::Error),
}

impl IpmiError {
    /// Errors that mean the session itself is gone (BMC restarted, idle timeout, session
    /// table flushed): the client re-opens the session and tries again once.
    /// A closed port (`Unreachable`) counts too: the BMC process died, and with it the
    /// session, so a restarted BMC gets a fresh session at once instead of after a timeout.
    pub fn is_session_error(&self) -> bool {
        matches!(self, IpmiError::Timeout(_) | IpmiError::Unreachable(_))
            // 0x87/0x88 are returned by some BMCs for an invalid session id / handle.
            || matches!(self, IpmiError::CompletionCode(0x87 | 0x88))
    }
}

/// Result alias for the engine's I/O layer.
pub type Result<T> = std::result::Result<T, IpmiError>;
