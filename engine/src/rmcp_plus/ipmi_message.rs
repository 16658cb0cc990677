//! The IPMI LAN message format carried in a session payload (section 13.8, figure 13-4):
//! `rsAddr netFn/rsLUN chk1 rqAddr rqSeq/rqLUN cmd data… chk2`.

use crate::error::{IpmiError, Result};

/// The BMC's slave address (section 5.4).
pub const BMC_SLAVE_ADDR: u8 = 0x20;
/// Our requester address: software ID 0x40 ("remote console"), shifted to 8-bit form 0x81.
pub const CONSOLE_SWID: u8 = 0x81;

/// Two's complement checksum: the bytes plus the checksum sum to zero mod 256 (13.8).
pub fn checksum(bytes: &[u8]) -> u8 {
    bytes
        .iter()
        .fold(0u8, |acc, b| acc.wrapping_add(*b))
        .wrapping_neg()
}

/// Encodes a request. `rq_seq` is 6 bits and is what replies are matched by; `lun` is the
/// responder LUN (sensors behind LUN 1–3 need it, 35.2).
pub fn encode_request(netfn: u8, lun: u8, cmd: u8, data: &[u8], rq_seq: u8) -> Vec<u8> {
    let mut out = Vec::with_capacity(7 + data.len());
    out.push(BMC_SLAVE_ADDR);
    out.push((netfn << 2) | (lun & 0x03));
    out.push(checksum(&out[0..2]));
    out.push(CONSOLE_SWID);
    out.push((rq_seq << 2) & 0xFC);
    out.push(cmd);
    out.extend_from_slice(data);
    out.push(checksum(&out[3..]));
    out
}

/// A decoded response message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IpmiResponse {
    /// Response netFn (the request's netFn + 1).
    pub netfn: u8,
    pub cmd: u8,
    /// The 6-bit sequence copied from the request.
    pub rq_seq: u8,
    pub completion_code: u8,
    /// Bytes after the completion code, checksum removed.
    pub data: Vec<u8>,
}

/// Decodes a response message and checks both checksums.
pub fn decode_response(buf: &[u8]) -> Result<IpmiResponse> {
    // rqAddr netFn chk1 rsAddr rqSeq cmd cc chk2 = 8 bytes minimum.
    if buf.len() < 8 {
        return Err(IpmiError::Protocol(format!(
            "IPMI response of {} bytes is too short",
            buf.len()
        )));
    }
    if checksum(&buf[0..2]) != buf[2] || checksum(&buf[3..buf.len() - 1]) != buf[buf.len() - 1] {
        return Err(IpmiError::Protocol("IPMI message checksum mismatch".into()));
    }
    Ok(IpmiResponse {
        netfn: buf[1] >> 2,
        cmd: buf[5],
        rq_seq: buf[4] >> 2,
        completion_code: buf[6],
        data: buf[7..buf.len() - 1].to_vec(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn get_device_id_request_matches_ipmitool() {
        // ipmitool's Get Device ID with rqSeq 1: 20 18 c8 81 04 01 7a
        assert_eq!(
            encode_request(0x06, 0, 0x01, &[], 1),
            [0x20, 0x18, 0xC8, 0x81, 0x04, 0x01, 0x7A]
        );
    }

    #[test]
    fn response_round_trip_and_bad_checksum() {
        let mut msg = vec![0x81, 0x1C, 0x63, 0x20, 0x04, 0x01, 0x00, 0x20, 0x01];
        let c = checksum(&msg[3..]);
        msg.push(c);
        let r = decode_response(&msg).unwrap();
        assert_eq!(
            (r.netfn, r.cmd, r.rq_seq, r.completion_code),
            (0x07, 0x01, 1, 0)
        );
        assert_eq!(r.data, [0x20, 0x01]);
        msg[8] ^= 1;
        assert!(decode_response(&msg).is_err());
        assert!(decode_response(&msg[..5]).is_err());
    }
}
