//! BMC device commands (IPMI v2.0 section 20): Get Device ID, Get Self Test Results, cold and
//! warm reset.

use serde::Serialize;

use super::request::{Request, netfn};
use crate::error::{IpmiError, Result};

/// Get Device ID (20.1).
pub fn get_device_id() -> Request {
    Request::new(netfn::APP, 0x01, Vec::new())
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeviceId {
    pub device_id: u8,
    pub device_revision: u8,
    /// "major.minor", minor in BCD as ipmitool prints it (e.g. "2.09").
    pub firmware_version: String,
    /// "2.0" for IPMI 2.0.
    pub ipmi_version: String,
    /// IANA enterprise number.
    pub manufacturer_id: u32,
    pub product_id: u16,
    pub device_available: bool,
    pub provides_sdrs: bool,
    pub additional_support: u8,
    pub aux_firmware_revision: Option<[u8; 4]>,
}

pub fn parse_device_id(d: &[u8]) -> Result<DeviceId> {
    if d.len() < 11 {
        return Err(IpmiError::Protocol("short Get Device ID reply".into()));
    }
    Ok(DeviceId {
        device_id: d[0],
        device_revision: d[1] & 0x0F,
        provides_sdrs: d[1] & 0x80 != 0,
        device_available: d[2] & 0x80 == 0,
        firmware_version: format!("{}.{:02x}", d[2] & 0x7F, d[3]),
        ipmi_version: format!("{}.{}", d[4] & 0x0F, d[4] >> 4),
        additional_support: d[5],
        manufacturer_id: u32::from_le_bytes([d[6], d[7], d[8] & 0x0F, 0]),
        product_id: u16::from_le_bytes([d[9], d[10]]),
        aux_firmware_revision: d.get(11..15).map(|a| [a[0], a[1], a[2], a[3]]),
    })
}

/// Get Self Test Results (20.4).
pub fn get_self_test_results() -> Request {
    Request::new(netfn::APP, 0x04, Vec::new())
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SelfTest {
    /// 0x55 = no error, 0x56 = not implemented, 0x57 = corrupted/inaccessible data or
    /// devices (see `detail` bits), 0x58 = fatal hardware error.
    pub code: u8,
    pub detail: u8,
    pub passed: bool,
    pub text: &'static str,
}

pub fn parse_self_test(d: &[u8]) -> Result<SelfTest> {
    let [code, detail, ..] = d else {
        return Err(IpmiError::Protocol(
            "short Get Self Test Results reply".into(),
        ));
    };
    Ok(SelfTest {
        code: *code,
        detail: *detail,
        passed: *code == 0x55,
        text: match code {
            0x55 => "passed",
            0x56 => "self test not implemented",
            0x57 => "corrupted or inaccessible data or devices",
            0x58 => "fatal hardware error",
            _ => "device-specific failure",
        },
    })
}

/// BMC Cold Reset (20.2). Never retried.
pub fn cold_reset() -> Request {
    Request::new(netfn::APP, 0x02, Vec::new()).not_idempotent()
}

/// BMC Warm Reset (20.3). Never retried.
pub fn warm_reset() -> Request {
    Request::new(netfn::APP, 0x03, Vec::new()).not_idempotent()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_lab_device_id() {
        let d = parse_device_id(&[32, 1, 3, 69, 2, 159, 217, 126, 0, 66, 76, 0, 0, 0, 0]).unwrap();
        assert_eq!(d.firmware_version, "3.45");
        assert_eq!(d.ipmi_version, "2.0");
        assert_eq!(d.manufacturer_id, 0x7ED9);
        assert_eq!(d.product_id, 0x4C42);
        assert!(parse_device_id(&[1, 2]).is_err());
        assert!(parse_self_test(&[0x55, 0]).unwrap().passed);
    }
}
