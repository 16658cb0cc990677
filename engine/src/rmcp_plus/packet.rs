//! The IPMI v2.0 / RMCP+ session wrapper (section 13.6, table 13-8):
//! `AuthType=06h PayloadType SessionID SessionSeq PayloadLen Payload [IntegrityPad PadLen
//! NextHeader AuthCode]`, with the payload encrypted and the trailer added per the session's
//! negotiated algorithms.

use std::fmt;

use super::confidentiality::{ConfidentialityAlg, aes_cbc_decrypt, aes_cbc_encrypt};
use super::integrity::IntegrityAlg;
use crate::error::{IpmiError, Result};
use crate::rmcp::{RmcpClass, encode_rmcp_header};

/// AuthType/Format byte that marks an RMCP+ packet.
pub const AUTH_TYPE_RMCP_PLUS: u8 = 0x06;
/// Next Header is always 07h (13.28.4).
const NEXT_HEADER: u8 = 0x07;
/// AuthType through PayloadLength.
const SESSION_HEADER_LEN: usize = 12;

/// Payload types (table 13-16) used by this client.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PayloadType {
    Ipmi,
    OpenSessionRequest,
    OpenSessionResponse,
    Rakp1,
    Rakp2,
    Rakp3,
    Rakp4,
    Other(u8),
}

impl PayloadType {
    pub fn id(self) -> u8 {
        match self {
            PayloadType::Ipmi => 0x00,
            PayloadType::OpenSessionRequest => 0x10,
            PayloadType::OpenSessionResponse => 0x11,
            PayloadType::Rakp1 => 0x12,
            PayloadType::Rakp2 => 0x13,
            PayloadType::Rakp3 => 0x14,
            PayloadType::Rakp4 => 0x15,
            PayloadType::Other(x) => x,
        }
    }

    fn from_id(id: u8) -> Self {
        match id {
            0x00 => PayloadType::Ipmi,
            0x10 => PayloadType::OpenSessionRequest,
            0x11 => PayloadType::OpenSessionResponse,
            0x12 => PayloadType::Rakp1,
            0x13 => PayloadType::Rakp2,
            0x14 => PayloadType::Rakp3,
            0x15 => PayloadType::Rakp4,
            x => PayloadType::Other(x),
        }
    }
}

/// The negotiated algorithms and their keys. Debug never prints the keys.
#[derive(Clone)]
pub struct SessionCrypto {
    pub integrity: IntegrityAlg,
    pub k1: Vec<u8>,
    pub confidentiality: ConfidentialityAlg,
    pub k2: Vec<u8>,
}

impl SessionCrypto {
    /// No integrity, no encryption: pre-session messages and cipher suite 0/1.
    pub fn none() -> Self {
        SessionCrypto {
            integrity: IntegrityAlg::None,
            k1: Vec::new(),
            confidentiality: ConfidentialityAlg::None,
            k2: Vec::new(),
        }
    }
}

impl fmt::Debug for SessionCrypto {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SessionCrypto")
            .field("integrity", &self.integrity)
            .field("confidentiality", &self.confidentiality)
            .field("k1", &"***")
            .field("k2", &"***")
            .finish()
    }
}

/// A full datagram (RMCP header included). Encryption and integrity are applied to IPMI
/// payloads only when the session negotiated them; session-setup payloads travel in clear.
pub fn encode_v2(
    payload_type: PayloadType,
    session_id: u32,
    seq: u32,
    payload: &[u8],
    crypto: &SessionCrypto,
) -> Result<Vec<u8>> {
    let encrypt = crypto.confidentiality != ConfidentialityAlg::None;
    let authenticate = crypto.integrity != IntegrityAlg::None;
    let body = if encrypt {
        aes_cbc_encrypt(&crypto.k2, payload)?
    } else {
        payload.to_vec()
    };
    let len = u16::try_from(body.len())
        .map_err(|_| IpmiError::Protocol("payload longer than 65535 bytes".into()))?;
    let mut out = Vec::with_capacity(4 + SESSION_HEADER_LEN + body.len() + 24);
    encode_rmcp_header(RmcpClass::Ipmi, &mut out);
    let start = out.len();
    out.push(AUTH_TYPE_RMCP_PLUS);
    out.push(
        payload_type.id() | if encrypt { 0x80 } else { 0 } | if authenticate { 0x40 } else { 0 },
    );
    out.extend_from_slice(&session_id.to_le_bytes());
    out.extend_from_slice(&seq.to_le_bytes());
    out.extend_from_slice(&len.to_le_bytes());
    out.extend_from_slice(&body);
    if authenticate {
        // Pad so that AuthType..NextHeader is a whole number of DWORDs (13.28.4).
        let covered = SESSION_HEADER_LEN + body.len() + 2;
        let pad = (4 - covered % 4) % 4;
        out.extend(std::iter::repeat_n(0xFF, pad));
        out.push(pad as u8);
        out.push(NEXT_HEADER);
        let tag = crypto.integrity.tag(&crypto.k1, &out[start..]);
        out.extend_from_slice(&tag);
    }
    Ok(out)
}

/// A received RMCP+ packet after integrity check and decryption.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct V2Packet {
    pub payload_type: PayloadType,
    pub session_id: u32,
    pub seq: u32,
    pub authenticated: bool,
    pub payload: Vec<u8>,
}

/// Decodes the bytes after the RMCP header. Packets that claim integrity are verified with
/// `crypto`; a packet without integrity inside a session that negotiated it is rejected (an
/// attacker could otherwise strip the trailer).
pub fn decode_v2(buf: &[u8], crypto: &SessionCrypto) -> Result<V2Packet> {
    if buf.len() < SESSION_HEADER_LEN || buf[0] != AUTH_TYPE_RMCP_PLUS {
        return Err(IpmiError::Protocol("not an RMCP+ packet".into()));
    }
    let ptype = buf[1];
    let encrypted = ptype & 0x80 != 0;
    let authenticated = ptype & 0x40 != 0;
    let payload_type = PayloadType::from_id(ptype & 0x3F);
    let session_id = u32::from_le_bytes([buf[2], buf[3], buf[4], buf[5]]);
    let seq = u32::from_le_bytes([buf[6], buf[7], buf[8], buf[9]]);
    let len = usize::from(u16::from_le_bytes([buf[10], buf[11]]));
    let body = buf
        .get(SESSION_HEADER_LEN..SESSION_HEADER_LEN + len)
        .ok_or_else(|| IpmiError::Protocol("RMCP+ payload length beyond the datagram".into()))?;
    let in_session = session_id != 0;
    if in_session && crypto.integrity != IntegrityAlg::None {
        if !authenticated {
            return Err(IpmiError::Protocol(
                "unauthenticated packet in an authenticated session".into(),
            ));
        }
        let tag_len = crypto.integrity.tag_len();
        let covered_len = buf
            .len()
            .checked_sub(tag_len)
            .filter(|n| *n >= SESSION_HEADER_LEN + len + 2)
            .ok_or_else(|| IpmiError::Protocol("RMCP+ integrity trailer truncated".into()))?;
        let expected = crypto.integrity.tag(&crypto.k1, &buf[..covered_len]);
        if !super::auth_alg::ct_eq(&expected, &buf[covered_len..]) {
            return Err(IpmiError::Protocol("RMCP+ integrity check failed".into()));
        }
    }
    let payload = if encrypted {
        if crypto.confidentiality != ConfidentialityAlg::AesCbc128 {
            return Err(IpmiError::Protocol(
                "encrypted payload but no confidentiality key".into(),
            ));
        }
        aes_cbc_decrypt(&crypto.k2, body)?
    } else if in_session
        && crypto.confidentiality != ConfidentialityAlg::None
        && payload_type == PayloadType::Ipmi
    {
        return Err(IpmiError::Protocol(
            "clear-text payload in an encrypted session".into(),
        ));
    } else {
        body.to_vec()
    };
    Ok(V2Packet {
        payload_type,
        session_id,
        seq,
        authenticated,
        payload,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn suite3() -> SessionCrypto {
        SessionCrypto {
            integrity: IntegrityAlg::HmacSha1_96,
            k1: vec![0x11; 20],
            confidentiality: ConfidentialityAlg::AesCbc128,
            k2: vec![0x22; 20],
        }
    }

    #[test]
    fn clear_packet_layout() {
        let pkt = encode_v2(
            PayloadType::OpenSessionRequest,
            0,
            0,
            &[1, 2, 3],
            &SessionCrypto::none(),
        )
        .unwrap();
        assert_eq!(
            pkt,
            [
                0x06, 0, 0xFF, 0x07, 0x06, 0x10, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 1, 2, 3
            ]
        );
        let p = decode_v2(&pkt[4..], &SessionCrypto::none()).unwrap();
        assert_eq!(p.payload, [1, 2, 3]);
        assert_eq!(p.payload_type, PayloadType::OpenSessionRequest);
    }

    #[test]
    fn suite3_round_trip_and_tamper() {
        let c = suite3();
        let msg = [0x20, 0x18, 0xC8, 0x81, 0x04, 0x01, 0x7A];
        let pkt = encode_v2(PayloadType::Ipmi, 0x1234, 5, &msg, &c).unwrap();
        // AuthType..NextHeader is DWORD aligned; 12-byte tag follows.
        assert_eq!((pkt.len() - 4 - 12) % 4, 0);
        assert_eq!(pkt[5], 0xC0);
        let p = decode_v2(&pkt[4..], &c).unwrap();
        assert_eq!((p.session_id, p.seq), (0x1234, 5));
        assert_eq!(p.payload, msg);
        let mut bad = pkt.clone();
        bad[20] ^= 1;
        assert!(decode_v2(&bad[4..], &c).is_err());
        let mut wrong_key = c.clone();
        wrong_key.k1[0] = 0;
        assert!(decode_v2(&pkt[4..], &wrong_key).is_err());
    }

    #[test]
    fn debug_hides_keys() {
        let s = format!("{:?}", suite3());
        assert!(!s.contains("17") && s.contains("***"));
    }
}
