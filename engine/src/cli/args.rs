//! Command-line arguments (clap derive), embeddable as `ipmi-monitor bmc …`.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use crate::commands::PowerAction;
use crate::session::PrivilegeLevel;

/// Talk to one BMC, or to many at once with `@FILE`.
#[derive(Debug, Clone, Args)]
pub struct BmcArgs {
    /// `HOST[:PORT]` (`[v6]:port` for IPv6), or `@FILE` with one `host[:port]` per line.
    #[arg(value_name = "HOST[:PORT]|@FILE")]
    pub host: String,

    /// User name.
    #[arg(short = 'U', long = "user", default_value = "admin")]
    pub user: String,

    /// Password. Visible in `ps`: prefer --password-env or --password-file.
    #[arg(short = 'P', long = "password", conflicts_with_all = ["password_env", "password_file"])]
    pub password: Option<String>,

    /// Read the password from this environment variable (default: IPMI_PASSWORD if set).
    #[arg(
        long = "password-env",
        value_name = "VAR",
        conflicts_with = "password_file"
    )]
    pub password_env: Option<String>,

    /// Read the password from the first line of this file.
    #[arg(long = "password-file", value_name = "FILE")]
    pub password_file: Option<PathBuf>,

    /// Cipher suite (0, 1, 2, 3, 17, …). Default: try 17, then 3.
    #[arg(short = 'C', long = "cipher-suite", value_name = "SUITE")]
    pub cipher_suite: Option<u8>,

    /// Session privilege: USER, OPERATOR or ADMINISTRATOR.
    #[arg(
        short = 'L',
        long = "privilege",
        default_value = "ADMINISTRATOR",
        value_name = "LEVEL"
    )]
    pub privilege: PrivilegeLevel,

    /// Speak IPMI 1.5 with this authentication (md5 or password) instead of RMCP+.
    #[arg(long = "ipmi15", value_name = "AUTH", value_parser = ["md5", "password"])]
    pub ipmi15: Option<String>,

    /// Seconds allowed per BMC for the whole command.
    #[arg(long = "deadline", default_value_t = 30, value_name = "SECONDS")]
    pub deadline: u64,

    /// Milliseconds to wait for each reply before retrying.
    #[arg(long = "timeout-ms", default_value_t = 1000)]
    pub timeout_ms: u64,

    /// Extra attempts for idempotent requests.
    #[arg(long = "retries", default_value_t = 3)]
    pub retries: u32,

    /// BMCs handled at once with @FILE.
    #[arg(long = "fanout", default_value_t = 64, value_name = "N")]
    pub fanout: usize,

    /// One JSON object per host (one line each) instead of text.
    #[arg(long = "json", global = true)]
    pub json: bool,

    #[command(subcommand)]
    pub command: BmcCommand,
}

#[derive(Debug, Clone, Subcommand)]
pub enum BmcCommand {
    /// Device ID, firmware, session and LAN settings.
    Info,
    /// Every sensor with value, unit, state and thresholds.
    Sensors,
    /// The system event log.
    Sel,
    /// FRU inventory of every FRU device.
    Fru,
    /// Chassis status.
    Chassis,
    /// Chassis power control: on, off, cycle, reset, soft.
    Power {
        #[arg(value_name = "on|off|cycle|reset|soft")]
        action: PowerAction,
    },
    /// Clear the SEL.
    SelClear,
    /// Raw command: NETFN CMD [BYTE…] (0x-prefixed hex or decimal).
    Raw {
        #[arg(value_parser = parse_byte)]
        netfn: u8,
        #[arg(value_parser = parse_byte)]
        cmd: u8,
        #[arg(value_parser = parse_byte)]
        data: Vec<u8>,
    },
}

/// `0x1f`, `1f` with a 0x prefix only; plain digits are decimal (as ipmitool's strtol).
pub fn parse_byte(s: &str) -> Result<u8, String> {
    let r = match s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        Some(hex) => u8::from_str_radix(hex, 16),
        None => s.parse(),
    };
    r.map_err(|_| format!("{s:?} is not a byte (0x00–0xff or 0–255)"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct T {
        #[command(flatten)]
        a: BmcArgs,
    }

    #[test]
    fn parses_ipmitool_like_lines() {
        let t = T::try_parse_from([
            "x",
            "10.0.0.1:623",
            "-U",
            "admin",
            "--password-env",
            "PW",
            "-C",
            "3",
            "sensors",
            "--json",
        ])
        .unwrap();
        assert!(t.a.json);
        assert_eq!(t.a.cipher_suite, Some(3));
        assert!(matches!(t.a.command, BmcCommand::Sensors));
        let t = T::try_parse_from(["x", "h", "-P", "p", "raw", "0x06", "0x01", "7"]).unwrap();
        assert!(
            matches!(t.a.command, BmcCommand::Raw { netfn: 6, cmd: 1, ref data } if data == &[7])
        );
        let t = T::try_parse_from(["x", "@hosts", "--privilege", "operator", "power", "cycle"])
            .unwrap();
        assert!(matches!(
            t.a.command,
            BmcCommand::Power {
                action: PowerAction::Cycle
            }
        ));
        assert!(T::try_parse_from(["x", "h", "-P", "a", "--password-env", "B", "info"]).is_err());
        assert!(parse_byte("0x100").is_err());
    }
}
