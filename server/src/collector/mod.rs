//! Background collection: every enabled server is polled on schedule (sensors, chassis power,
//! DCMI power, SEL since the stored cursor, OS reachability), one session per BMC reused
//! across polls, results written by one writer task in one transaction per poll, and pushed
//! to browsers over the live hub.

mod client_pool;
mod connectivity;
mod credentials;
mod os_probe;
mod poll;
mod requests;
mod scheduler;
mod store;
mod synthetic;
mod target;

pub use client_pool::ClientPool;
pub use connectivity::{ConnectivityChecker, ConnectivitySettings};
pub use poll::connect_options;
pub use poll::{CollectorOutcome, InventoryReport, PollReport, PollTarget};
pub use requests::CollectRequests;
pub use scheduler::{Collector, CollectorSettings};
pub use store::store_report;
pub use synthetic::{SYNTHETIC_SOURCE, SyntheticEvent, record as record_synthetic};
pub use target::{poll_target, target_with};
