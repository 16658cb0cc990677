//! Chassis status and power control round trips, device info, raw passthrough.

use std::time::Duration;

use engine::commands::PowerAction;

use crate::common::connect;
use crate::lab::Lab;

fn ipmitool_power(lab: &Lab) -> String {
    lab.ipmitool(1, &["chassis", "power", "status"])
        .trim()
        .to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn power_control_round_trips() {
    let lab = Lab::start(1);
    let client = connect(&lab, 1).await;
    let status = client.chassis_status().await.unwrap();
    assert_eq!(
        ipmitool_power(&lab),
        format!(
            "Chassis Power is {}",
            if status.power_on { "on" } else { "off" }
        )
    );

    client.power(PowerAction::Off).await.unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(!client.chassis_status().await.unwrap().power_on);
    assert_eq!(ipmitool_power(&lab), "Chassis Power is off");

    client.power(PowerAction::On).await.unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(client.chassis_status().await.unwrap().power_on);
    assert_eq!(ipmitool_power(&lab), "Chassis Power is on");
    client.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn device_info_and_raw_match_ipmitool() {
    let lab = Lab::start(1);
    let client = connect(&lab, 1).await;
    let info = client.device_info().await.unwrap();
    let mc = lab.ipmitool(1, &["mc", "info"]);
    let field = |name: &str| {
        mc.lines()
            .find_map(|l| {
                l.split_once(':')
                    .filter(|(k, _)| k.trim() == name)
                    .map(|(_, v)| v.trim().to_string())
            })
            .unwrap()
    };
    assert_eq!(field("Firmware Revision"), info.device.firmware_version);
    assert_eq!(field("IPMI Version"), info.device.ipmi_version);
    assert_eq!(
        field("Manufacturer ID"),
        info.device.manufacturer_id.to_string()
    );
    let raw = client.raw(0x06, 0x01, &[]).await.unwrap();
    assert_eq!(raw.completion_code, 0);
    assert_eq!(raw.data[0], info.device.device_id);
    // An unknown command is a completion code, not an error.
    assert_eq!(
        client.raw(0x06, 0xEE, &[]).await.unwrap().completion_code,
        0xC1
    );
    client.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cycle_reset_soft_and_identify_reach_the_chassis() {
    let lab = Lab::start(1);
    let client = connect(&lab, 1).await;
    client.power(PowerAction::Reset).await.unwrap();
    client.identify(5, false).await.unwrap();
    client.power(PowerAction::Soft).await.unwrap();
    client.power(PowerAction::On).await.unwrap();
    client.power(PowerAction::Cycle).await.unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
    let log = lab.chassis_log(1);
    for needle in ["reset", "identify", "soft-shutdown", "power 1", "power 0"] {
        assert!(log.contains(needle), "chassis log lacks {needle:?}:\n{log}");
    }
    client.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sel_time_and_lan_settings_match_ipmitool() {
    let lab = Lab::start(1);
    let client = connect(&lab, 1).await;
    // 2026-01-02 12:00:00 UTC: the same date wherever ipmitool's local time zone is.
    let when = 1_767_355_200u32;
    client.set_sel_time(when).await.unwrap();
    let read = client.sel_time().await.unwrap();
    assert!((when..when + 5).contains(&read), "set {when}, read {read}");
    let theirs = lab.ipmitool(1, &["sel", "time", "get"]);
    assert!(
        theirs.contains("01/02/26"),
        "ipmitool sel time get: {theirs}"
    );

    let lan = client.lan_info().await.unwrap();
    let print = lab.ipmitool(1, &["lan", "print", &lan.channel.to_string()]);
    let field = |name: &str| {
        print.lines().find_map(|l| {
            l.split_once(':')
                .filter(|(k, _)| k.trim() == name)
                .map(|(_, v)| v.trim().to_string())
        })
    };
    if let Some(mac) = field("MAC Address") {
        assert_eq!(lan.mac_address.as_deref(), Some(mac.as_str()), "{print}");
    }
    if let Some(ip) = field("IP Address") {
        assert_eq!(lan.ip_address.map(|a| a.to_string()), Some(ip), "{print}");
    }
    assert!(
        lan.mac_address.is_some() || lan.ip_address.is_some(),
        "{lan:?}"
    );
    client.close().await.unwrap();
}
