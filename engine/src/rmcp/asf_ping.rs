//! ASF Presence Ping / Pong (IPMI v2.0 section 13.2.3, ASF 2.0 section 3.2.4.3): a cheap
//! liveness probe that needs no session and tells whether the device supports IPMI.

use super::header::{RmcpClass, decode_rmcp_header, encode_rmcp_header};
use crate::error::{IpmiError, Result};

/// The ASF IANA enterprise number (4542), big-endian on the wire.
const ASF_IANA: [u8; 4] = [0x00, 0x00, 0x11, 0xBE];
const PRESENCE_PING: u8 = 0x80;
const PRESENCE_PONG: u8 = 0x40;

/// What a Presence Pong says about the device.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PresencePong {
    /// The tag we sent in the ping.
    pub tag: u8,
    /// IANA enterprise number of the OEM (4542 = none).
    pub oem_iana: u32,
    /// Supported-entities bit 7: the device speaks IPMI.
    pub ipmi_supported: bool,
}

/// A full datagram (RMCP header included) for a Presence Ping with `tag`.
pub fn encode_presence_ping(tag: u8) -> Vec<u8> {
    let mut out = Vec::with_capacity(12);
    encode_rmcp_header(RmcpClass::Asf, &mut out);
    out.extend_from_slice(&ASF_IANA);
    out.extend_from_slice(&[PRESENCE_PING, tag, 0x00, 0x00]);
    out
}

/// Decodes a Presence Pong datagram.
pub fn decode_presence_pong(buf: &[u8]) -> Result<PresencePong> {
    let (class, body) = decode_rmcp_header(buf)?;
    if class != RmcpClass::Asf {
        return Err(IpmiError::Protocol("expected an ASF message".into()));
    }
    // IANA(4) type(1) tag(1) reserved(1) length(1) then 16 data bytes.
    if body.len() < 8 + 16 || body[4] != PRESENCE_PONG {
        return Err(IpmiError::Protocol("not an ASF Presence Pong".into()));
    }
    let data = &body[8..];
    Ok(PresencePong {
        tag: body[5],
        oem_iana: u32::from_be_bytes([data[0], data[1], data[2], data[3]]),
        ipmi_supported: data[8] & 0x80 != 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ping_layout() {
        assert_eq!(
            encode_presence_ping(7),
            [0x06, 0, 0xFF, 0x06, 0, 0, 0x11, 0xBE, 0x80, 7, 0, 0]
        );
    }

    #[test]
    fn pong_decodes() {
        let mut pong = vec![0x06, 0, 0xFF, 0x06, 0, 0, 0x11, 0xBE, 0x40, 7, 0, 0x10];
        pong.extend_from_slice(&[0, 0, 0x11, 0xBE, 0, 0, 0, 0, 0x81, 0, 0, 0, 0, 0, 0, 0]);
        let p = decode_presence_pong(&pong).unwrap();
        assert_eq!(p.tag, 7);
        assert_eq!(p.oem_iana, 4542);
        assert!(p.ipmi_supported);
        assert!(decode_presence_pong(&pong[..20]).is_err());
    }
}
