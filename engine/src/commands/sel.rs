//! SEL commands (IPMI v2.0 section 31). Record and info contents are decoded by
//! `crate::decode::sel`.

use super::request::{Request, netfn};
use crate::error::{IpmiError, Result};

/// Get SEL Info (31.2).
pub fn get_sel_info() -> Request {
    Request::new(netfn::STORAGE, 0x40, Vec::new())
}

/// Reserve SEL (31.4).
pub fn reserve_sel() -> Request {
    Request::new(netfn::STORAGE, 0x42, Vec::new())
}

/// Get SEL Entry (31.5), whole record. Reservation 0 is allowed for whole-record reads.
pub fn get_sel_entry(reservation: u16, record_id: u16) -> Request {
    let mut d = Vec::with_capacity(6);
    d.extend_from_slice(&reservation.to_le_bytes());
    d.extend_from_slice(&record_id.to_le_bytes());
    d.extend_from_slice(&[0x00, 0xFF]);
    Request::new(netfn::STORAGE, 0x43, d)
}

/// Clear SEL (31.9): 'C' 'L' 'R' then 0xAA = initiate erase, 0x00 = get status.
pub fn clear_sel(reservation: u16, initiate: bool) -> Request {
    let mut d = Vec::with_capacity(6);
    d.extend_from_slice(&reservation.to_le_bytes());
    d.extend_from_slice(b"CLR");
    d.push(if initiate { 0xAA } else { 0x00 });
    let r = Request::new(netfn::STORAGE, 0x47, d);
    if initiate { r.not_idempotent() } else { r }
}

/// Clear SEL reply: erasure completed?
pub fn parse_clear_sel(d: &[u8]) -> Result<bool> {
    d.first()
        .map(|b| b & 0x0F == 0x01)
        .ok_or_else(|| IpmiError::Protocol("short Clear SEL reply".into()))
}

/// Get SEL Time (31.10).
pub fn get_sel_time() -> Request {
    Request::new(netfn::STORAGE, 0x48, Vec::new())
}

pub fn parse_sel_time(d: &[u8]) -> Result<u32> {
    match d {
        [a, b, c, e, ..] => Ok(u32::from_le_bytes([*a, *b, *c, *e])),
        _ => Err(IpmiError::Protocol("short Get SEL Time reply".into())),
    }
}

/// Set SEL Time (31.11), seconds since 1970-01-01 UTC.
pub fn set_sel_time(unix_seconds: u32) -> Request {
    Request::new(netfn::STORAGE, 0x49, unix_seconds.to_le_bytes().to_vec()).not_idempotent()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn framing() {
        assert_eq!(get_sel_entry(0, 0xFFFF).data, [0, 0, 0xFF, 0xFF, 0, 0xFF]);
        assert_eq!(
            clear_sel(0x1234, true).data,
            [0x34, 0x12, b'C', b'L', b'R', 0xAA]
        );
        assert!(parse_clear_sel(&[0x01]).unwrap());
        assert_eq!(parse_sel_time(&[1, 0, 0, 0]).unwrap(), 1);
    }
}
