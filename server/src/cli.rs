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
    /// Manage the people who sign in: add, passwd (also signs them out), list. Passwords are
    /// asked for on the terminal, or read from standard input, a variable or a file; never
    /// from the command line.
    #[command(subcommand)]
    User(UserCommand),
    /// Write a backup (servers, users and API tokens, as hashes; BMC credentials only with
    /// --with-secrets, sealed with a passphrase) to a file (mode 0600) or standard output.
    Backup(BackupArgs),
    /// Restore a backup: merge into what exists (default) or --replace it; --dry-run shows
    /// what would change.
    Restore(RestoreArgs),
    /// Re-encrypt every stored secret under a new key (stop the server first). With the key
    /// file a new one is generated; with IPMI_MONITOR_SECRET_KEY pass the new key in another
    /// variable.
    RotateKey {
        /// Variable holding the new key (64 hex digits or base64 of 32 bytes).
        #[arg(long, value_name = "VAR")]
        new_key_env: Option<String>,
    },
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

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Add a user.
    Add {
        #[arg(value_name = "NAME")]
        name: String,
        /// viewer, operator or admin.
        #[arg(long, default_value = "viewer")]
        role: String,
        #[command(flatten)]
        password: PasswordSource,
    },
    /// Set a user's password; their sessions end.
    Passwd {
        #[arg(value_name = "NAME")]
        name: String,
        #[command(flatten)]
        password: PasswordSource,
    },
    /// List users and their roles.
    List {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
}

/// Where a new password comes from. Without an option: asked on the terminal (twice), or the
/// first line of standard input when that is not a terminal.
#[derive(Debug, Clone, clap::Args)]
pub struct PasswordSource {
    /// Read the password from this environment variable.
    #[arg(
        long = "password-env",
        value_name = "VAR",
        conflicts_with = "password_file"
    )]
    pub password_env: Option<String>,
    /// Read the password from the first line of this file.
    #[arg(long = "password-file", value_name = "FILE")]
    pub password_file: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct BackupArgs {
    /// Write here instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Include the BMC credentials, sealed with a passphrase.
    #[arg(long)]
    pub with_secrets: bool,
    /// Read the passphrase from this environment variable (else it is asked on the terminal).
    #[arg(long, value_name = "VAR")]
    pub passphrase_env: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct RestoreArgs {
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Remove servers, users and tokens the backup does not have.
    #[arg(long)]
    pub replace: bool,
    /// Show what would change; change nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// The passphrase of the backup's sealed credentials, from this environment variable.
    #[arg(long, value_name = "VAR")]
    pub passphrase_env: Option<String>,
}
