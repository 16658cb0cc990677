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
    /// Add or update servers from a CSV, JSON, YAML or INI file (the Python ipmi-monitor's
    /// files too). All or nothing: any bad row is reported with its line and nothing is written.
    Import(ImportArgs),
    /// Print version and build information.
    Version {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The server list; `-` reads standard input.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// csv, json, yaml or ini; by default taken from the file name, else from the content.
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// Check the file and show what would change, without writing anything.
    #[arg(long)]
    pub dry_run: bool,
}
