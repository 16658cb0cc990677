//! Keeps the database bounded: raw history points are rolled up into hourly min/avg/max,
//! raw points older than `history_raw_retention` and hourly rows older than
//! `history_hourly_retention` are deleted, and expired browser sessions are removed.
//! The tool we succeed kept one row per sensor per poll forever (636 MB for 39 servers).

mod job;
mod rollup;
mod series;

pub use job::{RetentionJob, RetentionReport, RetentionSettings};
pub use rollup::{hour_start, roll_up};
pub use series::{POWER, SENSORS, Series};
