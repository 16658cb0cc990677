//! Session behaviour: cipher suites, fallback, privilege, close, reuse, concurrency.

use std::sync::Arc;

use engine::client::{BmcClient, ConnectOptions, Credentials};
use engine::session::PrivilegeLevel;

use crate::common::{connect, options};
use crate::lab::{Lab, PASSWORD, USER};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn suites_fallback_and_privilege() {
    let lab = Lab::start(1);
    // The lab has no suite 17: Open Session refuses it and the client falls back to 3.
    let opts = ConnectOptions {
        cipher_suites: vec![17, 3],
        ..options()
    };
    let c = BmcClient::connect(&lab.target(1), Credentials::new(USER, PASSWORD), opts)
        .await
        .unwrap();
    let info = c.session_info().unwrap();
    assert_eq!(info.cipher_suite, Some(3));
    assert_eq!(info.privilege, PrivilegeLevel::Administrator);
    c.close().await.unwrap();
    for suite in [0u8, 1, 2, 3] {
        let opts = ConnectOptions {
            cipher_suites: vec![suite],
            privilege: PrivilegeLevel::Operator,
            ..options()
        };
        let c = BmcClient::connect(
            &lab.target(1),
            Credentials::new("operator", "password-op"),
            opts,
        )
        .await
        .unwrap_or_else(|e| panic!("suite {suite}: {e}"));
        assert_eq!(c.session_info().unwrap().cipher_suite, Some(suite));
        assert_eq!(
            c.session_info().unwrap().privilege,
            PrivilegeLevel::Operator
        );
        assert!(c.chassis_status().await.is_ok());
        c.close().await.unwrap();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_calls_share_one_session() {
    let lab = Lab::start(1);
    let client = Arc::new(connect(&lab, 1).await);
    let mut tasks = Vec::new();
    for i in 0..8 {
        let c = client.clone();
        tasks.push(tokio::spawn(async move {
            if i % 2 == 0 {
                c.poll_sensors().await.map(|s| s.len())
            } else {
                c.chassis_status().await.map(|_| 1)
            }
        }));
    }
    for t in tasks {
        assert!(t.await.unwrap().unwrap() > 0);
    }
    // Session setup happened once: a second session would have cost ≥ 5 more datagrams
    // than the polls need.
    client.close().await.unwrap();
    // After close the client re-opens on demand.
    assert!(client.chassis_status().await.is_ok());
    client.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn session_survives_bmc_restart() {
    let lab = Lab::start(1);
    let client = connect(&lab, 1).await;
    client.chassis_status().await.unwrap();
    lab.fleet(&["crash", "1"]);
    lab.fleet(&["restart", "1"]);
    // The new BMC knows nothing of our session: the client re-opens and carries on.
    let mut ok = false;
    for _ in 0..5 {
        if client.chassis_status().await.is_ok() {
            ok = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    }
    assert!(ok, "client did not recover after a BMC restart");
    client.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ipmi15_md5_and_password_sessions() {
    use engine::client::Protocol;
    use engine::rmcp_plus::AuthType;
    let lab = Lab::start(1);
    for auth in [AuthType::Md5, AuthType::Password] {
        let opts = ConnectOptions {
            protocol: Protocol::V15(auth),
            ..options()
        };
        let c = BmcClient::connect(
            &lab.target(1),
            Credentials::new(USER, PASSWORD),
            opts.clone(),
        )
        .await
        .unwrap_or_else(|e| panic!("{auth:?}: {e}"));
        let info = c.session_info().unwrap();
        assert_eq!(info.cipher_suite, None);
        assert_eq!(info.privilege, PrivilegeLevel::Administrator);
        assert!(c.poll_sensors().await.unwrap().len() > 20);
        c.close().await.unwrap();
        let e = BmcClient::connect(&lab.target(1), Credentials::new(USER, "wrong"), opts)
            .await
            .unwrap_err();
        assert!(matches!(e, engine::IpmiError::Auth(_)), "{auth:?}: {e}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sessions_are_never_leaked() {
    // ipmi_sim allows 63 sessions in all: 70 open/close (and 70 open/drop) cycles would
    // run out if any session leaked.
    let lab = Lab::start(1);
    for _ in 0..70 {
        let c = connect(&lab, 1).await;
        c.chassis_status().await.unwrap();
        c.close().await.unwrap();
    }
    // Dropping the client closes its session from a spawned task.
    for _ in 0..70 {
        let c = connect(&lab, 1).await;
        drop(c);
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    // Names work too (localhost may resolve to ::1 first; the lab listens on 127.0.0.1).
    let c = BmcClient::connect(
        &format!("localhost:{}", lab.port(1)),
        Credentials::new(USER, PASSWORD),
        options(),
    )
    .await
    .unwrap();
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn presence_ping_and_keepalive() {
    use std::time::Duration;
    let lab = Lab::start(1);
    let pong = engine::client::presence_ping(&lab.target(1), Duration::from_secs(1))
        .await
        .unwrap();
    assert!(pong.ipmi_supported);
    // Keepalive: an idle session gets a Get Device ID once the interval has passed.
    let opts = ConnectOptions {
        keepalive: Some(Duration::from_millis(500)),
        ..options()
    };
    let c = BmcClient::connect(&lab.target(1), Credentials::new(USER, PASSWORD), opts)
        .await
        .unwrap();
    let before = c.request_count();
    tokio::time::sleep(Duration::from_millis(1600)).await;
    let sent = c.request_count() - before;
    assert!(
        (1..=4).contains(&sent),
        "{sent} keepalives in 1.6 s at 0.5 s"
    );
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn user_privilege_reads_but_cannot_control_power() {
    use engine::commands::PowerAction;
    let lab = Lab::start(1);
    let opts = ConnectOptions {
        privilege: PrivilegeLevel::User,
        ..options()
    };
    let c = BmcClient::connect(
        &lab.target(1),
        Credentials::new("monitor", "password-ro"),
        opts,
    )
    .await
    .unwrap();
    assert_eq!(c.session_info().unwrap().privilege, PrivilegeLevel::User);
    assert!(c.poll_sensors().await.unwrap().len() > 20);
    assert!(c.chassis_status().await.unwrap().power_on);
    let e = c.power(PowerAction::Off).await.unwrap_err();
    assert!(matches!(e, engine::IpmiError::CompletionCode(0xD4)), "{e}");
    assert!(e.to_string().contains("insufficient privilege"));
    assert!(
        c.chassis_status().await.unwrap().power_on,
        "nothing was switched off"
    );
    c.close().await.unwrap();
}
