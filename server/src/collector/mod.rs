//! Background collection: every enabled server is polled on schedule (sensors, chassis power,
//! DCMI power, SEL since the stored cursor, OS reachability), one session per BMC reused
//! across polls, results written by one writer task in one transaction per poll, and pushed
//! to browsers over the live hub.

mod client_pool;
mod credentials;
mod os_probe;
mod poll;
mod scheduler;
mod store;

pub use client_pool::ClientPool;
pub use poll::{CollectorOutcome, PollReport, PollTarget};
pub use scheduler::{Collector, CollectorSettings};
pub use store::store_report;
