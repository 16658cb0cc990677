//! RMCP+ Open Session Request / Response (IPMI v2.0 sections 13.17–13.18).

use crate::error::{IpmiError, Result};
use crate::session::cipher_suite::CipherSuite;
use crate::session::privilege::PrivilegeLevel;

/// Builds the request payload. The privilege is always explicit: a request for 0 ("highest
/// the user has") gets a session at privilege 0 from some BMCs (ipmi_sim among them).
pub fn encode_open_session(
    tag: u8,
    privilege: PrivilegeLevel,
    console_session_id: u32,
    suite: &CipherSuite,
) -> Vec<u8> {
    let mut p = Vec::with_capacity(32);
    p.extend_from_slice(&[tag, privilege.code(), 0, 0]);
    p.extend_from_slice(&console_session_id.to_le_bytes());
    for (payload_type, alg) in [
        (0x00, suite.auth.id()),
        (0x01, suite.integrity.id()),
        (0x02, suite.confidentiality.id()),
    ] {
        p.extend_from_slice(&[payload_type, 0, 0, 0x08, alg, 0, 0, 0]);
    }
    p
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenSessionResponse {
    pub tag: u8,
    pub status: u8,
    pub max_privilege: u8,
    pub console_session_id: u32,
    pub bmc_session_id: u32,
}

pub fn decode_open_session(p: &[u8]) -> Result<OpenSessionResponse> {
    // On error a BMC may send only the tag and status (ipmi_sim does, for suite 17).
    if p.len() < 2 || (p[1] == 0 && p.len() < 12) {
        return Err(IpmiError::Protocol("short Open Session Response".into()));
    }
    let le32 = |at: usize| {
        p.get(at..at + 4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .unwrap_or(0)
    };
    Ok(OpenSessionResponse {
        tag: p[0],
        status: p[1],
        max_privilege: p.get(2).copied().unwrap_or(0) & 0x0F,
        console_session_id: le32(4),
        bmc_session_id: le32(8),
    })
}

/// RMCP+ and RAKP message status codes (table 13-15).
pub fn rakp_status_name(code: u8) -> &'static str {
    match code {
        0x00 => "no errors",
        0x01 => "insufficient resources to create a session",
        0x02 => "invalid session ID",
        0x03 => "invalid payload type",
        0x04 => "invalid authentication algorithm",
        0x05 => "invalid integrity algorithm",
        0x06 => "no matching authentication payload",
        0x07 => "no matching integrity payload",
        0x08 => "inactive session ID",
        0x09 => "invalid role",
        0x0A => "unauthorized role or privilege level requested",
        0x0B => "insufficient resources to create a session at the requested role",
        0x0C => "invalid name length",
        0x0D => "unauthorized name",
        0x0E => "unauthorized GUID",
        0x0F => "invalid integrity check value",
        0x10 => "invalid confidentiality algorithm",
        0x11 => "no cipher suite match with proposed security algorithms",
        0x12 => "illegal or unrecognized parameter",
        _ => "reserved status code",
    }
}

/// Statuses that mean "this BMC does not do that cipher suite": try the next one.
pub fn is_suite_rejection(status: u8) -> bool {
    matches!(status, 0x03..=0x07 | 0x10 | 0x11)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_layout_suite3() {
        let s = CipherSuite::from_id(3).unwrap();
        let p = encode_open_session(1, PrivilegeLevel::Administrator, 0xA0A2A3A4, &s);
        assert_eq!(&p[..8], &[1, 4, 0, 0, 0xA4, 0xA3, 0xA2, 0xA0]);
        assert_eq!(&p[8..16], &[0, 0, 0, 8, 1, 0, 0, 0]);
        assert_eq!(&p[16..24], &[1, 0, 0, 8, 1, 0, 0, 0]);
        assert_eq!(&p[24..32], &[2, 0, 0, 8, 1, 0, 0, 0]);
    }

    #[test]
    fn response_decodes() {
        let mut r = vec![1, 0, 4, 0, 0xA4, 0xA3, 0xA2, 0xA0, 0x01, 0x02, 0x03, 0x04];
        r.extend_from_slice(&[0; 24]);
        let o = decode_open_session(&r).unwrap();
        assert_eq!((o.status, o.bmc_session_id), (0, 0x04030201));
        assert!(decode_open_session(&r[..4]).is_err());
        assert_eq!(decode_open_session(&[1, 0x11]).unwrap().status, 0x11);
    }
}
