//! Completion code names (IPMI v2.0 section 5.2, table 5-2), so errors read like ipmitool's.

/// The spec's name for a completion code; command-specific codes (0x80–0xBE) and OEM codes
/// get a generic name.
pub fn completion_code_name(code: u8) -> &'static str {
    match code {
        0x00 => "command completed normally",
        0xC0 => "node busy",
        0xC1 => "invalid command",
        0xC2 => "command invalid for given LUN",
        0xC3 => "timeout while processing command",
        0xC4 => "out of space",
        0xC5 => "reservation canceled or invalid reservation ID",
        0xC6 => "request data truncated",
        0xC7 => "request data length invalid",
        0xC8 => "request data field length limit exceeded",
        0xC9 => "parameter out of range",
        0xCA => "cannot return number of requested data bytes",
        0xCB => "requested sensor, data, or record not present",
        0xCC => "invalid data field in request",
        0xCD => "command illegal for specified sensor or record type",
        0xCE => "command response could not be provided",
        0xCF => "cannot execute duplicated request",
        0xD0 => "SDR repository in update mode",
        0xD1 => "device in firmware update mode",
        0xD2 => "BMC initialization in progress",
        0xD3 => "destination unavailable",
        0xD4 => "insufficient privilege level",
        0xD5 => "command not supported in present state",
        0xD6 => "command sub-function disabled or unavailable",
        0xFF => "unspecified error",
        0x01..=0x7E => "OEM completion code",
        0x80..=0xBE => "command-specific completion code",
        _ => "reserved completion code",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_common_codes() {
        assert_eq!(completion_code_name(0xC1), "invalid command");
        assert_eq!(completion_code_name(0xD4), "insufficient privilege level");
        assert_eq!(
            completion_code_name(0x81),
            "command-specific completion code"
        );
    }
}
