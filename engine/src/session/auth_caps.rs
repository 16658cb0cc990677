//! Get Channel Authentication Capabilities (IPMI v2.0 section 22.13), sent outside a session
//! in IPMI 1.5 format. Bit 7 of the channel byte asks for the IPMI 2.0 extended data.

use crate::commands::request::{Request, netfn};
use crate::error::{IpmiError, Result};
use crate::session::privilege::PrivilegeLevel;

/// What the channel supports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AuthCapabilities {
    /// The channel number the BMC is answering on (useful for Get LAN Configuration).
    pub channel: u8,
    pub ipmi20: bool,
    pub auth_none: bool,
    pub auth_md5: bool,
    pub auth_password: bool,
    /// K_g is set to something other than the default (all zeros).
    pub kg_set: bool,
    pub anonymous_login: bool,
}

/// Channel 0x0E = "the channel this request arrives on".
pub fn request(privilege: PrivilegeLevel) -> Request {
    Request::new(netfn::APP, 0x38, vec![0x80 | 0x0E, privilege.code()])
}

pub fn parse(data: &[u8]) -> Result<AuthCapabilities> {
    let [channel, auth, status, ext, ..] = data else {
        return Err(IpmiError::Protocol(
            "short Get Channel Auth Capabilities reply".into(),
        ));
    };
    Ok(AuthCapabilities {
        channel: channel & 0x0F,
        ipmi20: auth & 0x80 != 0 && ext & 0x02 != 0,
        auth_none: auth & 0x01 != 0,
        auth_md5: auth & 0x04 != 0,
        auth_password: auth & 0x10 != 0,
        kg_set: status & 0x20 != 0,
        anonymous_login: status & 0x01 != 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_ipmi_sim_reply() {
        let caps = parse(&[0x01, 0x97, 0x04, 0x03, 0, 0, 0, 0]).unwrap();
        assert!(caps.ipmi20 && caps.auth_md5 && caps.auth_password && caps.auth_none);
        assert_eq!(caps.channel, 1);
        assert!(parse(&[1, 2]).is_err());
    }
}
