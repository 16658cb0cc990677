//! Helpers shared by the lab tests.

use std::time::Duration;

use engine::client::{BmcClient, ConnectOptions, Credentials};

use crate::lab::{Lab, PASSWORD, USER};

pub fn options() -> ConnectOptions {
    ConnectOptions {
        cipher_suites: vec![3],
        deadline: Duration::from_secs(20),
        ..ConnectOptions::default()
    }
}

pub async fn connect(lab: &Lab, i: u32) -> BmcClient {
    BmcClient::connect(&lab.target(i), Credentials::new(USER, PASSWORD), options())
        .await
        .expect("connect to lab BMC")
}

/// `a` and `b` differ by at most `tol` (plus float noise).
pub fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol + 1e-6
}
