//! SDR repository commands (IPMI v2.0 section 33): Get SDR Repository Info, Reserve SDR
//! Repository, Get SDR. Record contents are decoded by `crate::decode::sdr`.

use serde::Serialize;

use super::request::{Request, netfn};
use crate::error::{IpmiError, Result};

/// Get SDR Repository Info (33.9).
pub fn get_repository_info() -> Request {
    Request::new(netfn::STORAGE, 0x20, Vec::new())
}

/// What the cache is keyed by: a change to either timestamp (or the count) means the SDRs
/// changed and must be read again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SdrRepositoryInfo {
    pub version: u8,
    pub record_count: u16,
    pub free_bytes: u16,
    pub most_recent_addition: u32,
    pub most_recent_erase: u32,
    pub support: u8,
}

pub fn parse_repository_info(d: &[u8]) -> Result<SdrRepositoryInfo> {
    if d.len() < 14 {
        return Err(IpmiError::Protocol(
            "short Get SDR Repository Info reply".into(),
        ));
    }
    let u32le = |i: usize| u32::from_le_bytes([d[i], d[i + 1], d[i + 2], d[i + 3]]);
    Ok(SdrRepositoryInfo {
        version: d[0],
        record_count: u16::from_le_bytes([d[1], d[2]]),
        free_bytes: u16::from_le_bytes([d[3], d[4]]),
        most_recent_addition: u32le(5),
        most_recent_erase: u32le(9),
        support: d[13],
    })
}

/// Reserve SDR Repository (33.11).
pub fn reserve_repository() -> Request {
    Request::new(netfn::STORAGE, 0x22, Vec::new())
}

/// The 2-byte reservation ID of Reserve SDR Repository / Reserve SEL.
pub fn parse_reservation(d: &[u8]) -> Result<u16> {
    match d {
        [lo, hi, ..] => Ok(u16::from_le_bytes([*lo, *hi])),
        _ => Err(IpmiError::Protocol("short reservation reply".into())),
    }
}

/// Get SDR (33.12): `count` bytes of record `record_id` from `offset` (0xFF = whole record,
/// which many BMCs refuse with 0xCA for long records).
pub fn get_sdr(reservation: u16, record_id: u16, offset: u8, count: u8) -> Request {
    let mut d = Vec::with_capacity(6);
    d.extend_from_slice(&reservation.to_le_bytes());
    d.extend_from_slice(&record_id.to_le_bytes());
    d.push(offset);
    d.push(count);
    Request::new(netfn::STORAGE, 0x23, d)
}

/// Splits a Get SDR reply into the next record ID and the bytes read.
pub fn parse_get_sdr(d: &[u8]) -> Result<(u16, &[u8])> {
    match d {
        [lo, hi, rest @ ..] => Ok((u16::from_le_bytes([*lo, *hi]), rest)),
        _ => Err(IpmiError::Protocol("short Get SDR reply".into())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn framing() {
        assert_eq!(get_sdr(0x0102, 0x0304, 5, 16).data, [2, 1, 4, 3, 5, 16]);
        assert_eq!(
            parse_get_sdr(&[0x10, 0, 1, 2]).unwrap(),
            (0x10, &[1u8, 2][..])
        );
        assert!(parse_get_sdr(&[1]).is_err());
        let info =
            parse_repository_info(&[0x51, 30, 0, 0, 8, 1, 0, 0, 0, 2, 0, 0, 0, 0x02]).unwrap();
        assert_eq!(
            (
                info.record_count,
                info.most_recent_addition,
                info.most_recent_erase
            ),
            (30, 1, 2)
        );
    }
}
