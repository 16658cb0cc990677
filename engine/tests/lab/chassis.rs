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
