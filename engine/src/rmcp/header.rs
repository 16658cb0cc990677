//! The 4-byte RMCP header that starts every IPMI-over-LAN datagram (section 13.1.3).

use crate::error::{IpmiError, Result};

/// RMCP version 1.0 (the only one).
const RMCP_VERSION: u8 = 0x06;
/// Sequence number 0xFF: "no RMCP ACK" — IPMI messages are never RMCP-acked (13.1.3).
const RMCP_SEQ_NO_ACK: u8 = 0xFF;

/// The message class byte (bit 7 would mark an RMCP ACK, which IPMI never uses).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RmcpClass {
    /// ASF (presence ping/pong).
    Asf,
    /// IPMI (1.5 and 2.0 sessions).
    Ipmi,
}

impl RmcpClass {
    fn byte(self) -> u8 {
        match self {
            RmcpClass::Asf => 0x06,
            RmcpClass::Ipmi => 0x07,
        }
    }
}

/// Appends the RMCP header for `class` to `out`.
pub fn encode_rmcp_header(class: RmcpClass, out: &mut Vec<u8>) {
    out.extend_from_slice(&[RMCP_VERSION, 0x00, RMCP_SEQ_NO_ACK, class.byte()]);
}

/// Splits an incoming datagram into its class and the bytes after the RMCP header.
pub fn decode_rmcp_header(buf: &[u8]) -> Result<(RmcpClass, &[u8])> {
    let [version, _, _, class, rest @ ..] = buf else {
        return Err(IpmiError::Protocol(
            "datagram shorter than the RMCP header".into(),
        ));
    };
    if *version != RMCP_VERSION {
        return Err(IpmiError::Protocol(format!("RMCP version {version:#04x}")));
    }
    match class & 0x7F {
        0x06 => Ok((RmcpClass::Asf, rest)),
        0x07 => Ok((RmcpClass::Ipmi, rest)),
        other => Err(IpmiError::Protocol(format!("RMCP class {other:#04x}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let mut buf = Vec::new();
        encode_rmcp_header(RmcpClass::Ipmi, &mut buf);
        buf.push(0xAA);
        assert_eq!(buf, [0x06, 0x00, 0xFF, 0x07, 0xAA]);
        let (class, rest) = decode_rmcp_header(&buf).unwrap();
        assert_eq!(class, RmcpClass::Ipmi);
        assert_eq!(rest, [0xAA]);
        assert!(decode_rmcp_header(&[0x06, 0, 0xFF]).is_err());
    }
}
