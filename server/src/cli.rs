//! The command line of the one `ipmi-monitor` binary.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// IPMI Monitor: watch a fleet of servers through their BMCs.
#[derive(Debug, Parser)]
#[command(name = "ipmi-monitor", version, about, long_about = None)]
pub struct Cli {
    /// TOML configuration file (settings there are overridden by IPMI_MONITOR_* variables).
    #[arg(long, global = true, env = crate::config::CONFIG_FILE_VAR, value_name = "FILE")]
    pub config: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the web app and the collector (the default).
    Serve,
    /// Create or upgrade the database schema, then exit.
    Migrate,
    /// Talk to one BMC (or many: HOST = @FILE) directly: info, sensors, sel, fru, chassis,
    /// power, sel-clear, raw. Needs no database.
    Bmc(engine::cli::BmcArgs),
    /// Print version and build information.
    Version {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
}
