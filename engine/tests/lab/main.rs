//! Integration tests against simulated BMCs (`lab/bmc-fleet`), with `ipmitool -I lanplus -C 3`
//! as the oracle. One binary so the crate links once.

#[path = "../support/lab.rs"]
mod lab;

mod chassis;
mod cli;
mod common;
mod faults;
mod fru;
mod sel;
mod sensors;
mod session;
