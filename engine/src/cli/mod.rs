//! The `bmc` command line: `HOST[:PORT] -U USER (-P PASS | --password-env VAR |
//! --password-file FILE) [-C SUITE] [--privilege LEVEL] COMMAND [--json]`. The workspace
//! binary embeds it as `ipmi-monitor bmc …`.

pub mod args;
mod human;
mod outcome;
mod run;

pub use args::{BmcArgs, BmcCommand};
pub use run::{CliError, run};
