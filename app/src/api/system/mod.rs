//! Facts about this installation.

mod get_system_info;

pub use get_system_info::*;
