//! Text output, close to ipmitool's where ipmitool has an equivalent.

use std::fmt::Write;

use super::outcome::Outcome;
use crate::client::ReadingStatus;

fn num(v: Option<f64>) -> String {
    v.map(|x| format!("{x:.3}")).unwrap_or_else(|| "na".into())
}

pub(crate) fn render(o: &Outcome) -> String {
    let mut s = String::new();
    match o {
        Outcome::Info {
            device,
            session,
            lan,
        } => {
            let d = &device.device;
            let _ = writeln!(s, "Device ID                 : {}", d.device_id);
            let _ = writeln!(s, "Device Revision           : {}", d.device_revision);
            let _ = writeln!(s, "Firmware Revision         : {}", d.firmware_version);
            let _ = writeln!(s, "IPMI Version              : {}", d.ipmi_version);
            let _ = writeln!(s, "Manufacturer ID           : {}", d.manufacturer_id);
            let _ = writeln!(s, "Product ID                : {}", d.product_id);
            if let Some(t) = &device.self_test {
                let _ = writeln!(s, "Self Test                 : {}", t.text);
            }
            if let Some(i) = session {
                let suite = i
                    .cipher_suite
                    .map(|c| c.to_string())
                    .unwrap_or_else(|| "-".into());
                let version = match i.version {
                    crate::session::IpmiVersion::V15 => "1.5",
                    crate::session::IpmiVersion::V20 => "2.0",
                };
                let _ = writeln!(
                    s,
                    "Session                   : IPMI {version}, cipher suite {suite}, {}",
                    i.privilege
                );
                let _ = writeln!(s, "Channel                   : {}", i.channel);
            }
            if let Some(l) = lan {
                let ip = l
                    .ip_address
                    .map(|a| a.to_string())
                    .unwrap_or_else(|| "-".into());
                let _ = writeln!(s, "IP Address                : {ip}");
                let _ = writeln!(
                    s,
                    "MAC Address               : {}",
                    l.mac_address.as_deref().unwrap_or("-")
                );
            }
        }
        Outcome::Sensors { sensors } => {
            for v in sensors {
                let (value, status) = match (&v.status, v.kind) {
                    (ReadingStatus::Ok, "threshold") => {
                        (num(v.value), v.threshold_state.unwrap_or("na").to_string())
                    }
                    (ReadingStatus::Ok, _) => (
                        v.state_bits
                            .map(|b| format!("{b:#06x}"))
                            .unwrap_or_else(|| "na".into()),
                        if v.states.is_empty() {
                            "-".into()
                        } else {
                            v.states.join(", ")
                        },
                    ),
                    (other, _) => ("na".into(), format!("{other:?}").to_lowercase()),
                };
                let t = v.thresholds.unwrap_or_default();
                let _ = writeln!(
                    s,
                    "{:<16} | {:<10} | {:<10} | {:<6} | {:<9} | {:<9} | {:<9} | {:<9} | {:<9} | {:<9}",
                    v.name,
                    value,
                    v.unit.as_deref().unwrap_or("discrete"),
                    status,
                    num(t.lower_non_recoverable),
                    num(t.lower_critical),
                    num(t.lower_non_critical),
                    num(t.upper_non_critical),
                    num(t.upper_critical),
                    num(t.upper_non_recoverable),
                );
            }
        }
        Outcome::Sel { batch } => {
            for e in &batch.entries {
                let _ = writeln!(s, "{}", e.elist);
            }
            let i = &batch.info;
            let _ = writeln!(
                s,
                "-- {} entries, {} bytes free{}",
                i.entries,
                i.free_bytes,
                if i.support.overflow { ", OVERFLOW" } else { "" }
            );
        }
        Outcome::Fru { devices } => {
            for d in devices {
                let _ = writeln!(s, "FRU Device Description : {} (ID {})", d.name, d.id);
                if let Some(inv) = &d.inventory {
                    for (k, v) in inv.ipmitool_fields() {
                        let _ = writeln!(s, " {k:<22}: {v}");
                    }
                    for w in &inv.warnings {
                        let _ = writeln!(s, " warning: {w}");
                    }
                }
                if let Some(e) = &d.error {
                    let _ = writeln!(s, " error: {e}");
                }
                s.push('\n');
            }
        }
        Outcome::Chassis { status } => {
            let onoff = |b: bool| if b { "true" } else { "false" };
            let _ = writeln!(
                s,
                "System Power         : {}",
                if status.power_on { "on" } else { "off" }
            );
            let _ = writeln!(s, "Power Overload       : {}", onoff(status.power_overload));
            let _ = writeln!(
                s,
                "Power Interlock      : {}",
                if status.power_interlock {
                    "active"
                } else {
                    "inactive"
                }
            );
            let _ = writeln!(
                s,
                "Main Power Fault     : {}",
                onoff(status.main_power_fault)
            );
            let _ = writeln!(
                s,
                "Power Control Fault  : {}",
                onoff(status.power_control_fault)
            );
            let _ = writeln!(s, "Power Restore Policy : {}", status.power_restore_policy);
            let _ = writeln!(
                s,
                "Chassis Intrusion    : {}",
                if status.intrusion {
                    "active"
                } else {
                    "inactive"
                }
            );
            let _ = writeln!(s, "Drive Fault          : {}", onoff(status.drive_fault));
            let _ = writeln!(s, "Cooling/Fan Fault    : {}", onoff(status.cooling_fault));
        }
        Outcome::Power { action } => {
            let _ = writeln!(s, "Chassis Power Control: {action:?}");
        }
        Outcome::SelClear {} => {
            let _ = writeln!(s, "SEL cleared");
        }
        Outcome::Raw { response } => {
            if response.completion_code != 0 {
                let _ = writeln!(
                    s,
                    "completion code {:#04x} ({})",
                    response.completion_code,
                    crate::commands::completion::completion_code_name(response.completion_code)
                );
            }
            let hex: Vec<String> = response.data.iter().map(|b| format!("{b:02x}")).collect();
            let _ = writeln!(s, " {}", hex.join(" "));
        }
    }
    s
}
