//! Chassis commands (IPMI v2.0 section 28): Get Chassis Status, Chassis Control, Identify.

use std::str::FromStr;

use serde::Serialize;

use super::request::{Request, netfn};
use crate::error::{IpmiError, Result};

/// Get Chassis Status (28.2).
pub fn get_chassis_status() -> Request {
    Request::new(netfn::CHASSIS, 0x01, Vec::new())
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChassisStatus {
    pub power_on: bool,
    pub power_overload: bool,
    pub power_interlock: bool,
    pub main_power_fault: bool,
    pub power_control_fault: bool,
    /// "always-off", "previous", "always-on" or "unknown".
    pub power_restore_policy: &'static str,
    /// Last power event bits (byte 2).
    pub last_power_event: u8,
    pub intrusion: bool,
    pub front_panel_lockout: bool,
    pub drive_fault: bool,
    pub cooling_fault: bool,
    /// "off", "timed", "indefinite" or None when the BMC does not report it.
    pub identify_state: Option<&'static str>,
}

pub fn parse_chassis_status(d: &[u8]) -> Result<ChassisStatus> {
    let [cur, last, misc, ..] = d else {
        return Err(IpmiError::Protocol("short Get Chassis Status reply".into()));
    };
    Ok(ChassisStatus {
        power_on: cur & 0x01 != 0,
        power_overload: cur & 0x02 != 0,
        power_interlock: cur & 0x04 != 0,
        main_power_fault: cur & 0x08 != 0,
        power_control_fault: cur & 0x10 != 0,
        power_restore_policy: match (cur >> 5) & 0x03 {
            0 => "always-off",
            1 => "previous",
            2 => "always-on",
            _ => "unknown",
        },
        last_power_event: *last,
        intrusion: misc & 0x01 != 0,
        front_panel_lockout: misc & 0x02 != 0,
        drive_fault: misc & 0x04 != 0,
        cooling_fault: misc & 0x08 != 0,
        identify_state: (misc & 0x40 != 0).then(|| match (misc >> 4) & 0x03 {
            0 => "off",
            1 => "timed",
            2 => "indefinite",
            _ => "reserved",
        }),
    })
}

/// Chassis Control actions (28.3, table 28-4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PowerAction {
    Off,
    On,
    Cycle,
    /// Hard reset.
    Reset,
    /// Soft shutdown via ACPI.
    Soft,
    /// Pulse diagnostic interrupt (NMI).
    Diag,
}

impl PowerAction {
    pub fn code(self) -> u8 {
        match self {
            PowerAction::Off => 0,
            PowerAction::On => 1,
            PowerAction::Cycle => 2,
            PowerAction::Reset => 3,
            PowerAction::Diag => 4,
            PowerAction::Soft => 5,
        }
    }
}

impl FromStr for PowerAction {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "off" | "down" => Ok(PowerAction::Off),
            "on" | "up" => Ok(PowerAction::On),
            "cycle" => Ok(PowerAction::Cycle),
            "reset" | "hard-reset" => Ok(PowerAction::Reset),
            "soft" => Ok(PowerAction::Soft),
            "diag" => Ok(PowerAction::Diag),
            _ => Err(format!(
                "unknown power action {s:?} (on, off, cycle, reset, soft)"
            )),
        }
    }
}

/// Chassis Control (28.3). Never retried: a lost reply must not power-cycle twice.
pub fn chassis_control(action: PowerAction) -> Request {
    Request::new(netfn::CHASSIS, 0x02, vec![action.code()]).not_idempotent()
}

/// Chassis Identify (28.5): `seconds` = 0 turns it off; `force` = on until turned off.
pub fn chassis_identify(seconds: u8, force: bool) -> Request {
    Request::new(netfn::CHASSIS, 0x04, vec![seconds, u8::from(force)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_status() {
        let s = parse_chassis_status(&[0x21, 0, 0x01]).unwrap();
        assert!(s.power_on && s.intrusion);
        assert_eq!(s.power_restore_policy, "previous");
        assert_eq!(s.identify_state, None);
        assert!(parse_chassis_status(&[1]).is_err());
        assert_eq!(chassis_control(PowerAction::Soft).data, [5]);
        assert!(!chassis_control(PowerAction::Off).idempotent);
        assert_eq!("cycle".parse::<PowerAction>().unwrap(), PowerAction::Cycle);
    }
}
