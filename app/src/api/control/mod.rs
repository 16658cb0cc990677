//! Acting on servers: power and BMC actions (operators; confirmed by the server's name;
//! audited), collect now and its progress, and live login tests.

mod collect_now;
mod run_server_action;
mod test_server_login;

pub use collect_now::*;
pub use run_server_action::*;
pub use test_server_login::*;
