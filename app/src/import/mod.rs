//! Server import: turns a server list (CSV, JSON, YAML or INI, including the files the Python
//! ipmi-monitor reads) into an [`ImportPlan`] of valid rows and per-line errors, then applies
//! it to the database all-or-nothing.
//!
//! Parsing is pure and shared, so the Settings → Servers preview and `ipmi-monitor import`
//! report the same errors for the same file. Writing is server-only ([`apply`]).

mod address;
mod csv_format;
mod fields;
mod format;
mod ini_format;
mod json_format;
mod parse;
mod password;
mod plan;
mod record;
mod rows;
mod tree;
mod yaml_format;

#[cfg(feature = "ssr")]
pub mod apply;

pub use format::Format;
pub use parse::{parse, parse_fields, parse_file};
pub use password::Password;
pub use plan::{
    ImportPlan, ImportRow, MAX_BMC_PASSWORD_BYTES, MAX_BMC_USERNAME_BYTES, Privilege, Protocol,
    RowError, RowPreview,
};
