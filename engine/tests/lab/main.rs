//! Integration tests against simulated BMCs (`lab/bmc-fleet`), with `ipmitool -I lanplus -C 3`
//! as the oracle. One binary so the crate links once.

use labkit as lab;

mod chassis;
mod cli;
mod common;
mod faults;
mod fru;
mod sel;
mod sensors;
mod session;
