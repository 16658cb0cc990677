//! Sensors against `ipmitool sensor`, and the request budget of a warm poll.

use engine::client::ReadingStatus;

use crate::common::{close, connect};
use crate::lab::Lab;

/// One `ipmitool sensor` row: name, value, unit, status, lnr, lcr, lnc, unc, ucr, unr.
fn ipmitool_rows(out: &str) -> Vec<Vec<String>> {
    out.lines()
        .map(|l| {
            l.split('|')
                .map(|c| c.trim().to_string())
                .collect::<Vec<_>>()
        })
        .filter(|c| c.len() >= 10)
        .collect()
}

fn num(s: &str) -> Option<f64> {
    s.parse().ok()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_sensor_matches_ipmitool() {
    let lab = Lab::start(1);
    let client = connect(&lab, 1).await;
    let ours = client.poll_sensors().await.unwrap();
    let theirs = ipmitool_rows(&lab.ipmitool(1, &["sensor"]));
    assert!(
        theirs.len() >= 20,
        "ipmitool listed {} sensors",
        theirs.len()
    );
    for row in &theirs {
        let s = ours
            .iter()
            .find(|s| s.name == row[0])
            .unwrap_or_else(|| panic!("sensor {:?} missing from poll_sensors", row[0]));
        assert_eq!(s.status, ReadingStatus::Ok, "{}", s.name);
        if s.kind == "threshold" {
            let step = s.step.unwrap_or(0.0);
            let want = num(&row[1]).unwrap();
            let got = s.value.unwrap();
            assert!(
                close(got, want, step),
                "{}: {got} vs ipmitool {want} (step {step})",
                s.name
            );
            assert_eq!(s.unit.as_deref(), Some(row[2].as_str()), "{}", s.name);
            assert_eq!(s.threshold_state, Some(row[3].as_str()), "{}", s.name);
            let t = s.thresholds.unwrap();
            let ours_t = [
                t.lower_non_recoverable,
                t.lower_critical,
                t.lower_non_critical,
                t.upper_non_critical,
                t.upper_critical,
                t.upper_non_recoverable,
            ];
            for (k, ours_v) in ours_t.iter().enumerate() {
                match (ours_v, num(&row[4 + k])) {
                    (None, None) => {}
                    (Some(a), Some(b)) => {
                        assert!(close(*a, b, step), "{} threshold {k}: {a} vs {b}", s.name)
                    }
                    (a, _) => panic!(
                        "{} threshold {k}: ours {a:?}, ipmitool {:?}",
                        s.name,
                        row[4 + k]
                    ),
                }
            }
        } else {
            // ipmitool prints the two state bytes as 0xSS00 (byte 1 first).
            let bits = s.state_bits.unwrap();
            let want = u16::from_str_radix(row[3].trim_start_matches("0x"), 16).unwrap();
            assert_eq!(bits, want.swap_bytes(), "{} state bits", s.name);
        }
    }
    client.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn warm_poll_costs_at_most_s_plus_5_requests() {
    let lab = Lab::start(1);
    let client = connect(&lab, 1).await;
    let cold = client.request_count();
    let first = client.poll_sensors().await.unwrap();
    let readable = first
        .iter()
        .filter(|s| s.status != ReadingStatus::NotReadable)
        .count() as u64;
    let before = client.request_count();
    assert!(before - cold > readable, "the cold poll reads the SDR");
    let second = client.poll_sensors().await.unwrap();
    let warm = client.request_count() - before;
    assert_eq!(second.len(), first.len());
    assert!(
        warm <= readable + 5,
        "warm poll took {warm} requests for {readable} sensors"
    );
    client.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sdr_chunk_size_shrinks_on_0xca() {
    use engine::client::{BmcClient, ConnectOptions, Credentials};
    let lab = Lab::start(1);
    let mut names = Vec::new();
    let mut costs = Vec::new();
    // ipmi_sim refuses Get SDR reads over 32 bytes with 0xCA: 64 must shrink to 32.
    for chunk in [64u8, 32, 8] {
        let opts = ConnectOptions {
            chunk_size: chunk,
            ..crate::common::options()
        };
        let c = BmcClient::connect(&lab.target(1), Credentials::new("admin", "password"), opts)
            .await
            .unwrap();
        let before = c.request_count();
        let s = c.poll_sensors().await.unwrap();
        costs.push(c.request_count() - before);
        names.push(s.into_iter().map(|s| s.name).collect::<Vec<_>>());
        c.close().await.unwrap();
    }
    assert_eq!(names[0], names[1]);
    assert_eq!(names[1], names[2]);
    // 64 costs one refused request more than 32; 8-byte chunks cost many more.
    assert_eq!(costs[0], costs[1] + 1, "{costs:?}");
    assert!(costs[2] > costs[1], "{costs:?}");
}

/// `Positive Hysteresis : 2.000` (or `Unspecified`) from `ipmitool sensor get`.
fn hysteresis_line(out: &str, which: &str) -> Option<Option<f64>> {
    out.lines()
        .find(|l| l.trim_start().starts_with(which))
        .and_then(|l| l.split(':').nth(1))
        .map(|v| num(v.trim()))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hysteresis_matches_ipmitool_sensor_get() {
    let lab = Lab::start(1);
    let client = connect(&lab, 1).await;
    let ours = client.poll_sensors().await.unwrap();
    let mut compared = 0;
    for s in ours.iter().filter(|s| s.kind == "threshold") {
        let out = lab.ipmitool(1, &["sensor", "get", &s.name]);
        let (Some(pos), Some(neg)) = (
            hysteresis_line(&out, "Positive Hysteresis"),
            hysteresis_line(&out, "Negative Hysteresis"),
        ) else {
            continue;
        };
        let step = s.step.unwrap_or(0.0);
        match (pos, s.hysteresis.and_then(|h| h.positive)) {
            (Some(want), Some(got)) => {
                assert!(close(got, want, step), "{}: +{got} vs {want}", s.name)
            }
            (None, None) => {}
            (want, got) => panic!(
                "{}: positive hysteresis {got:?} vs ipmitool {want:?}",
                s.name
            ),
        }
        match (neg, s.hysteresis.and_then(|h| h.negative)) {
            (Some(want), Some(got)) => {
                assert!(close(got, want, step), "{}: -{got} vs {want}", s.name)
            }
            (None, None) => {}
            (want, got) => panic!(
                "{}: negative hysteresis {got:?} vs ipmitool {want:?}",
                s.name
            ),
        }
        compared += 1;
    }
    assert!(
        compared >= 3,
        "only {compared} sensors had hysteresis lines to compare"
    );
    client.close().await.unwrap();
}
