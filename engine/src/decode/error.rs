//! The one error type of the pure decoders.
//!
//! Every decoder takes untrusted bytes from a BMC (or a file), so every failure is a value:
//! no decoder panics, whatever it is fed. Conditions that still leave usable data (a bad
//! FRU area checksum, padding after an SDR record) are reported as flags on the decoded
//! value instead, so the caller can show the data together with a warning.

use serde::Serialize;

/// Why a byte buffer could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DecodeError {
    /// The buffer ended before a field the structure requires.
    #[error("{what}: truncated, need {needed} bytes, got {got}")]
    Truncated {
        what: &'static str,
        needed: usize,
        got: usize,
    },
    /// A zero-sum checksum did not add up and nothing sensible can be decoded without it.
    #[error("{what}: bad checksum (stored {stored:#04x}, expected {expected:#04x})")]
    BadChecksum {
        what: &'static str,
        stored: u8,
        expected: u8,
    },
    /// A well-formed value this decoder does not know how to interpret (e.g. a future
    /// format version).
    #[error("{what}: unsupported {detail}")]
    Unsupported { what: &'static str, detail: String },
    /// A value the specification does not allow.
    #[error("{what}: invalid {detail}")]
    Invalid { what: &'static str, detail: String },
}

/// Result alias used by every decoder.
pub type Result<T> = std::result::Result<T, DecodeError>;

impl DecodeError {
    /// Shorthand for [`DecodeError::Truncated`].
    pub fn truncated(what: &'static str, needed: usize, got: usize) -> Self {
        DecodeError::Truncated { what, needed, got }
    }

    /// Shorthand for [`DecodeError::Invalid`].
    pub fn invalid(what: &'static str, detail: impl Into<String>) -> Self {
        DecodeError::Invalid {
            what,
            detail: detail.into(),
        }
    }

    /// Shorthand for [`DecodeError::Unsupported`].
    pub fn unsupported(what: &'static str, detail: impl Into<String>) -> Self {
        DecodeError::Unsupported {
            what,
            detail: detail.into(),
        }
    }
}
