//! The IPMI 1.5 session wrapper (section 13.6, table 13-7): used session-less for Get Channel
//! Authentication Capabilities, and for whole sessions with old BMCs that only speak 1.5.

use md5::{Digest, Md5};

use crate::error::{IpmiError, Result};
use crate::rmcp::{RmcpClass, encode_rmcp_header};

/// IPMI 1.5 authentication types (section 13.6, table 13-7 / 22.13).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthType {
    None,
    Md5,
    /// The password in clear ("straight password / key").
    Password,
}

impl AuthType {
    pub fn id(self) -> u8 {
        match self {
            AuthType::None => 0x00,
            AuthType::Md5 => 0x02,
            AuthType::Password => 0x04,
        }
    }
}

/// The 16-byte AuthCode of a 1.5 session packet (22.17.1): MD5(password ‖ session id ‖
/// message ‖ session seq ‖ password), or the padded password itself.
pub fn v15_auth_code(
    auth: AuthType,
    password16: &[u8; 16],
    session_id: u32,
    seq: u32,
    msg: &[u8],
) -> Option<[u8; 16]> {
    match auth {
        AuthType::None => None,
        AuthType::Password => Some(*password16),
        AuthType::Md5 => {
            let mut h = Md5::new();
            h.update(password16);
            h.update(session_id.to_le_bytes());
            h.update(msg);
            h.update(seq.to_le_bytes());
            h.update(password16);
            let mut out = [0u8; 16];
            out.copy_from_slice(&h.finalize());
            Some(out)
        }
    }
}

/// A full datagram for an IPMI 1.5 session packet carrying `msg`.
pub fn encode_v15(
    auth: AuthType,
    seq: u32,
    session_id: u32,
    password16: &[u8; 16],
    msg: &[u8],
) -> Vec<u8> {
    let mut out = Vec::with_capacity(4 + 10 + 16 + msg.len() + 1);
    encode_rmcp_header(RmcpClass::Ipmi, &mut out);
    out.push(auth.id());
    out.extend_from_slice(&seq.to_le_bytes());
    out.extend_from_slice(&session_id.to_le_bytes());
    if let Some(code) = v15_auth_code(auth, password16, session_id, seq, msg) {
        out.extend_from_slice(&code);
    }
    out.push(msg.len() as u8);
    out.extend_from_slice(msg);
    out
}

/// A received IPMI 1.5 packet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct V15Packet {
    pub auth_type: u8,
    pub seq: u32,
    pub session_id: u32,
    pub auth_code: Option<[u8; 16]>,
    pub msg: Vec<u8>,
}

/// Decodes the bytes after the RMCP header of a 1.5 packet.
pub fn decode_v15(buf: &[u8]) -> Result<V15Packet> {
    let short = || IpmiError::Protocol("IPMI 1.5 packet truncated".into());
    let auth_type = *buf.first().ok_or_else(short)?;
    if auth_type == 0x06 {
        return Err(IpmiError::Protocol(
            "RMCP+ packet where IPMI 1.5 was expected".into(),
        ));
    }
    let head = buf.get(1..9).ok_or_else(short)?;
    let seq = u32::from_le_bytes([head[0], head[1], head[2], head[3]]);
    let session_id = u32::from_le_bytes([head[4], head[5], head[6], head[7]]);
    let mut pos = 9;
    let auth_code = if auth_type != 0 {
        let mut code = [0u8; 16];
        code.copy_from_slice(buf.get(pos..pos + 16).ok_or_else(short)?);
        pos += 16;
        Some(code)
    } else {
        None
    };
    let len = usize::from(*buf.get(pos).ok_or_else(short)?);
    let msg = buf.get(pos + 1..pos + 1 + len).ok_or_else(short)?.to_vec();
    Ok(V15Packet {
        auth_type,
        seq,
        session_id,
        auth_code,
        msg,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sessionless_auth_caps_matches_ipmitool() {
        // ipmitool -I lanplus: 06 00 ff 07 00 00000000 00000000 09 20 18 c8 81 00 38 8e 04 b5
        let msg = [0x20, 0x18, 0xC8, 0x81, 0x00, 0x38, 0x8E, 0x04, 0xB5];
        let pkt = encode_v15(AuthType::None, 0, 0, &[0; 16], &msg);
        assert_eq!(
            &pkt[..14],
            &[0x06, 0, 0xFF, 0x07, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9]
        );
        let p = decode_v15(&pkt[4..]).unwrap();
        assert_eq!(p.msg, msg);
    }

    #[test]
    fn md5_packet_round_trip() {
        let pw = *b"password\0\0\0\0\0\0\0\0";
        let pkt = encode_v15(AuthType::Md5, 9, 0xAABB, &pw, &[1, 2, 3]);
        let p = decode_v15(&pkt[4..]).unwrap();
        assert_eq!(
            p.auth_code,
            v15_auth_code(AuthType::Md5, &pw, 0xAABB, 9, &[1, 2, 3])
        );
        assert!(decode_v15(&pkt[4..20]).is_err());
    }
}
