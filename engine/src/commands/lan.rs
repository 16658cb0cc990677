//! Get LAN Configuration Parameters (IPMI v2.0 section 23.2, table 23-4): the BMC's own IP
//! and MAC address.

use std::net::Ipv4Addr;

use serde::Serialize;

use super::request::{Request, netfn};
use crate::error::{IpmiError, Result};

pub const PARAM_IP_ADDRESS: u8 = 3;
pub const PARAM_IP_SOURCE: u8 = 4;
pub const PARAM_MAC_ADDRESS: u8 = 5;
pub const PARAM_SUBNET_MASK: u8 = 6;
pub const PARAM_DEFAULT_GATEWAY: u8 = 12;

pub fn get_lan_config(channel: u8, param: u8) -> Request {
    Request::new(netfn::TRANSPORT, 0x02, vec![channel & 0x0F, param, 0, 0])
}

/// Strips the parameter revision byte and checks the length.
pub fn parse_param(d: &[u8], len: usize) -> Result<&[u8]> {
    d.get(1..1 + len)
        .ok_or_else(|| IpmiError::Protocol("short Get LAN Configuration Parameters reply".into()))
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LanInfo {
    pub channel: u8,
    pub ip_address: Option<Ipv4Addr>,
    pub subnet_mask: Option<Ipv4Addr>,
    pub default_gateway: Option<Ipv4Addr>,
    /// "static", "dhcp", "bios", "other" or None.
    pub ip_source: Option<&'static str>,
    /// "aa:bb:cc:dd:ee:ff".
    pub mac_address: Option<String>,
}

pub fn ipv4(d: &[u8]) -> Result<Ipv4Addr> {
    let b = parse_param(d, 4)?;
    Ok(Ipv4Addr::new(b[0], b[1], b[2], b[3]))
}

pub fn mac(d: &[u8]) -> Result<String> {
    let b = parse_param(d, 6)?;
    Ok(b.iter()
        .map(|x| format!("{x:02x}"))
        .collect::<Vec<_>>()
        .join(":"))
}

pub fn ip_source(d: &[u8]) -> Result<&'static str> {
    let b = parse_param(d, 1)?;
    Ok(match b[0] & 0x0F {
        1 => "static",
        2 => "dhcp",
        3 => "bios",
        _ => "other",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_params() {
        assert_eq!(ipv4(&[0x11, 127, 0, 0, 1]).unwrap(), Ipv4Addr::LOCALHOST);
        assert_eq!(
            mac(&[0x11, 0, 0x11, 0x22, 0x33, 0x44, 0xab]).unwrap(),
            "00:11:22:33:44:ab"
        );
        assert!(mac(&[0x11, 1]).is_err());
        assert_eq!(ip_source(&[0x11, 2]).unwrap(), "dhcp");
    }
}
