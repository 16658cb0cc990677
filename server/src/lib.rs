//! The `ipmi-monitor` server: configuration, start-up, database, HTTP and websocket.
//! A library so integration tests can build the same router the binary serves.

pub mod backup_cmd;
pub mod build_info;
pub mod cli;
pub mod collector;
pub mod config;
pub mod control;
pub mod db;
pub mod error;
pub mod first_admin;
pub mod http;
pub mod import_cmd;
pub mod live_hub;
pub mod metrics;
pub mod open_files;
pub mod periodic;
pub mod private_file;
pub mod retention;
pub mod rotate_key_cmd;
pub mod secret_key;
pub mod serve;
pub mod state;
pub mod user_cmd;
