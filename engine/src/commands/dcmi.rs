//! DCMI Get Power Reading (DCMI 1.5 section 6.6.1): group extension netFn 0x2C, group 0xDC.

use serde::Serialize;

use super::request::{Request, netfn};
use crate::error::{IpmiError, Result};

const DCMI_GROUP: u8 = 0xDC;

/// Mode 1 = system power statistics.
pub fn get_power_reading() -> Request {
    Request::new(netfn::GROUP_EXT, 0x02, vec![DCMI_GROUP, 0x01, 0x00, 0x00])
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PowerReading {
    pub current_watts: u16,
    pub minimum_watts: u16,
    pub maximum_watts: u16,
    pub average_watts: u16,
    /// BMC time of the reading (seconds since 1970).
    pub timestamp: u32,
    pub period_ms: u32,
    pub active: bool,
}

pub fn parse_power_reading(d: &[u8]) -> Result<PowerReading> {
    if d.len() < 18 || d[0] != DCMI_GROUP {
        return Err(IpmiError::Protocol(
            "bad DCMI Get Power Reading reply".into(),
        ));
    }
    let u16le = |i: usize| u16::from_le_bytes([d[i], d[i + 1]]);
    let u32le = |i: usize| u32::from_le_bytes([d[i], d[i + 1], d[i + 2], d[i + 3]]);
    Ok(PowerReading {
        current_watts: u16le(1),
        minimum_watts: u16le(3),
        maximum_watts: u16le(5),
        average_watts: u16le(7),
        timestamp: u32le(9),
        period_ms: u32le(13),
        active: d[17] & 0x40 != 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses() {
        let mut d = vec![0xDC, 200, 0, 100, 0, 250, 0, 180, 0];
        d.extend_from_slice(&[1, 0, 0, 0, 0xE8, 3, 0, 0, 0x40]);
        let p = parse_power_reading(&d).unwrap();
        assert_eq!((p.current_watts, p.period_ms, p.active), (200, 1000, true));
        assert!(parse_power_reading(&d[..5]).is_err());
    }
}
