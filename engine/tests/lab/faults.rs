//! Faults from `bmc-fleet`: bad credentials, paused, crashed, lossy and slow BMCs.

use std::time::{Duration, Instant};

use engine::client::{BmcClient, ConnectOptions, Credentials};
use engine::{AuthError, IpmiError};

use crate::common::{connect, options};
use crate::lab::{Lab, PASSWORD, USER};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_credentials_fail_fast_and_clearly() {
    let lab = Lab::start(1);
    let t = Instant::now();
    let e = BmcClient::connect(&lab.target(1), Credentials::new(USER, "wrong"), options())
        .await
        .unwrap_err();
    assert!(
        matches!(e, IpmiError::Auth(AuthError::WrongPassword)),
        "{e}"
    );
    assert!(e.to_string().contains("wrong password"));
    let e = BmcClient::connect(
        &lab.target(1),
        Credentials::new("nobody", PASSWORD),
        options(),
    )
    .await
    .unwrap_err();
    assert!(matches!(e, IpmiError::Auth(AuthError::UnknownUser)), "{e}");
    assert!(
        t.elapsed() < Duration::from_secs(1),
        "took {:?}",
        t.elapsed()
    );
    // The password never shows up in errors or Debug output.
    let c = Credentials::new(USER, "s3cret-pw");
    assert!(!format!("{c:?}").contains("s3cret-pw"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn paused_bmc_times_out_at_the_deadline_then_recovers() {
    let lab = Lab::start(1);
    let opts = ConnectOptions {
        deadline: Duration::from_secs(2),
        timeout: Duration::from_millis(300),
        ..options()
    };
    let client = BmcClient::connect(
        &lab.target(1),
        Credentials::new(USER, PASSWORD),
        opts.clone(),
    )
    .await
    .unwrap();
    client.poll_sensors().await.unwrap();
    lab.fleet(&["pause", "1"]);
    let t = Instant::now();
    let e = client.poll_sensors().await.unwrap_err();
    let took = t.elapsed();
    assert!(matches!(e, IpmiError::Timeout(_)), "{e}");
    assert!(
        took >= Duration::from_millis(1900) && took < Duration::from_millis(2600),
        "{took:?}"
    );
    let t = Instant::now();
    let e = BmcClient::connect(&lab.target(1), Credentials::new(USER, PASSWORD), opts)
        .await
        .unwrap_err();
    assert!(matches!(e, IpmiError::Timeout(_)), "{e}");
    assert!(t.elapsed() < Duration::from_millis(2600));
    // After resume the queued requests are answered late; those stale replies are dropped
    // and the client works again.
    lab.fleet(&["resume", "1"]);
    let sensors = client.poll_sensors().await.unwrap();
    assert!(sensors.len() > 20);
    client.close().await.unwrap();
}

/// SIGKILL is asynchronous: wait until the kernel has closed the port (a datagram to it gets
/// ICMP port unreachable), so the test measures the client, not the kill.
async fn wait_port_closed(port: u16) {
    let s = tokio::net::UdpSocket::bind("127.0.0.1:0").await.unwrap();
    s.connect(("127.0.0.1", port)).await.unwrap();
    let mut buf = [0u8; 64];
    for _ in 0..100 {
        let _ = s.send(&[0x06, 0, 0xFF, 0x06]).await;
        match tokio::time::timeout(Duration::from_millis(20), s.recv(&mut buf)).await {
            Ok(Err(e)) if e.kind() == std::io::ErrorKind::ConnectionRefused => return,
            _ => tokio::time::sleep(Duration::from_millis(20)).await,
        }
    }
    panic!("port {port} still open after crash");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn crashed_bmc_fails_at_once() {
    let lab = Lab::start(1);
    let client = connect(&lab, 1).await;
    lab.fleet(&["crash", "1"]);
    wait_port_closed(lab.port(1)).await;
    let t = Instant::now();
    let e = client.chassis_status().await.unwrap_err();
    assert!(matches!(e, IpmiError::Unreachable(_)), "{e}");
    let e = BmcClient::connect(&lab.target(1), Credentials::new(USER, PASSWORD), options())
        .await
        .unwrap_err();
    assert!(matches!(e, IpmiError::Unreachable(_)), "{e}");
    assert!(
        t.elapsed() < Duration::from_millis(500),
        "took {:?}",
        t.elapsed()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lossy_link_still_completes() {
    let lab = Lab::start(1);
    lab.fleet(&["slow", "1", "0", "20"]);
    let opts = ConnectOptions {
        // 20 % loss each way: an attempt succeeds 64 % of the time, so allow many quick ones.
        timeout: Duration::from_millis(200),
        retries: 10,
        deadline: Duration::from_secs(60),
        ..options()
    };
    let client = BmcClient::connect(&lab.proxy_target(1), Credentials::new(USER, PASSWORD), opts)
        .await
        .unwrap();
    let first = client.poll_sensors().await.unwrap();
    let second = client.poll_sensors().await.unwrap();
    assert_eq!(first.len(), second.len());
    assert!(first.len() > 20);
    let sel = client.read_sel_since(&Default::default()).await.unwrap();
    assert!(!sel.entries.is_empty());
    client.close().await.ok();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_bmc_is_slow_alone() {
    let lab = Lab::start(4);
    lab.fleet(&["slow", "2", "150"]);
    let opts = ConnectOptions {
        timeout: Duration::from_millis(1000),
        deadline: Duration::from_secs(60),
        ..options()
    };
    let targets = [
        lab.target(1),
        lab.proxy_target(2),
        lab.target(3),
        lab.target(4),
    ];
    let t0 = Instant::now();
    let mut tasks = Vec::new();
    for target in targets {
        let opts = opts.clone();
        tasks.push(tokio::spawn(async move {
            let c = BmcClient::connect(&target, Credentials::new(USER, PASSWORD), opts).await?;
            c.poll_sensors().await?;
            let took = t0.elapsed();
            c.close().await.ok();
            Ok::<_, IpmiError>(took)
        }));
    }
    let mut took = Vec::new();
    for t in tasks {
        took.push(t.await.unwrap().unwrap());
    }
    for (i, t) in took.iter().enumerate() {
        if i == 1 {
            assert!(
                *t > Duration::from_secs(5),
                "the slow BMC was not slow: {t:?}"
            );
        } else {
            assert!(
                *t < Duration::from_secs(1),
                "BMC {} waited for the slow one: {t:?}",
                i + 1
            );
        }
    }
}
