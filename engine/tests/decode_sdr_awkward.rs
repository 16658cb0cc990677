//! Golden tests for the awkward SDR cases, from a lab BMC whose repository was compiled
//! *without* `sdrcomp -8` and extended with a LUN 1 sensor (1's complement), shared compact
//! records (alpha and numeric instance modifiers) and a BCD plus name. ipmitool's output for
//! the same BMC is in `awk-sdr-elist.txt` / `awk-sensor.txt`; where ipmitool departs from the
//! specification the test says so and checks the spec.
//!
//! Rebuild: copy `lab/`, drop `-8` from bmc-fleet's sdrcomp call, append the records listed
//! in `fixtures/decode/README.md`, then `sdr dump` / `sdr elist` / `sensor` / raw reads.

mod decode_common;

use decode_common::{fixture_bytes, hex};
use engine::decode::id_string::StringEncoding;
use engine::decode::sdr::InstanceModifierType;
use engine::decode::{
    AnalogFormat, SdrRecord, ThresholdState, decode_sdr_repository, decode_sensor_reading,
    decode_sensor_thresholds, discrete_states, expand_shared,
};

fn records() -> Vec<SdrRecord> {
    decode_sdr_repository(&fixture_bytes("awk-sdr.bin"))
        .into_iter()
        .map(|r| r.expect("decodes"))
        .collect()
}

/// (lun, number) → reading body (and thresholds body).
fn reading(lun: u8, number: u8) -> (Vec<u8>, Option<Vec<u8>>) {
    let text = String::from_utf8(fixture_bytes("awk-readings.hex")).unwrap();
    for l in text.lines() {
        let mut it = l.splitn(3, ' ');
        let (lu, n, rest) = (it.next().unwrap(), it.next().unwrap(), it.next().unwrap());
        if lu.parse::<u8>().unwrap() == lun
            && u8::from_str_radix(n.trim_start_matches("0x"), 16).unwrap() == number
        {
            let rest = rest.trim_start_matches("reading:");
            return match rest.split_once("thresholds:") {
                Some((r, t)) => (hex(r), Some(hex(t))),
                None => (hex(rest), None),
            };
        }
    }
    panic!("no reading for {lun}/{number:#x}");
}

/// The elist line of sensor number `n` as raw bytes (ipmitool prints names byte for byte).
fn elist_line(n: u8) -> Vec<u8> {
    let all = fixture_bytes("awk-sdr-elist.txt");
    let tag = format!("| {n:02x}h |");
    all.split(|b| *b == b'\n')
        .find(|l| l.windows(tag.len()).any(|w| w == tag.as_bytes()))
        .unwrap()
        .to_vec()
}

#[test]
fn six_bit_names_decode_by_the_spec_and_ipmitool_prints_the_raw_bytes() {
    let recs = records();
    let name_of = |n: u8| {
        recs.iter()
            .find_map(|r| match r {
                SdrRecord::Full(f) if f.common.number.0 == n && f.common.owner.lun == 0 => {
                    Some(f.id_string.clone())
                }
                _ => None,
            })
            .unwrap()
    };
    for (n, want) in [
        (0x10, "FAN1"),
        (0x14, "FAN5"),
        (0x20, "12V"),
        (0x21, "5V"),
        (0x22, "3.3V"),
        (0x23, "VBAT"),
    ] {
        let s = name_of(n);
        assert_eq!(s.encoding, StringEncoding::Packed6Bit);
        assert_eq!(s.text, want);
        // ipmitool quirk: it copies the packed bytes as if they were ASCII.
        assert!(elist_line(n).starts_with(&s.raw), "{want}");
    }
    // FRU locator names too ("PSU1 FRU": 8 characters in 6 bytes).
    let frus: Vec<String> = recs
        .iter()
        .filter_map(|r| match r {
            SdrRecord::FruDeviceLocator(f) => {
                assert_eq!(f.id_string.encoding, StringEncoding::Packed6Bit);
                Some(f.id_string.text.clone())
            }
            _ => None,
        })
        .collect();
    assert_eq!(frus, vec!["PSU1 FRU", "PSU2 FRU"]);
    // Mixed case can't be 6-bit: stays 8-bit and ipmitool agrees.
    assert_eq!(name_of(0x24).encoding, StringEncoding::Latin1);
    assert!(elist_line(0x24).starts_with(b"CPU1 Vcore"));
}

#[test]
fn bcd_plus_name() {
    let recs = records();
    let r = recs
        .iter()
        .find(|r| r.sensor_common().is_some_and(|c| c.number.0 == 0x64))
        .unwrap();
    let id = r.id_string().unwrap();
    assert_eq!(id.encoding, StringEncoding::BcdPlus);
    // 5 characters in 3 bytes, low nibble first: 21 3b 04.
    assert_eq!(id.raw, vec![0x21, 0x3b, 0x04]);
    assert_eq!(id.text, "12-34");
    assert!(elist_line(0x64).starts_with(&id.raw));
}

#[test]
fn lun1_sensor_with_ones_complement() {
    let recs = records();
    let f = recs
        .iter()
        .find_map(|r| match r {
            SdrRecord::Full(f) if f.common.owner.lun == 1 => Some(f),
            _ => None,
        })
        .expect("a LUN 1 sensor");
    // Same sensor number as CPU1 Temp on LUN 0: (owner, LUN, number) is the key.
    assert_eq!(f.common.number.0, 0x01);
    assert!(recs.iter().any(|r| matches!(r, SdrRecord::Full(g)
        if g.common.number.0 == 0x01 && g.common.owner.lun == 0 && g.name() == "CPU1 Temp")));
    assert_eq!(f.name(), "LUN1 TEMP");
    assert_eq!(f.analog_format, AnalogFormat::OnesComplement);
    assert_eq!(f.common.entity.dotted(), "3.3");

    let (body, thresholds) = reading(1, 0x01);
    let r = decode_sensor_reading(&body).unwrap();
    assert_eq!(r.raw, 0xf0);
    // 1's complement F0h = -15 (2's complement would be -16); ipmitool agrees.
    let v = f.conversion().to_value(r.raw).unwrap();
    assert_eq!(v, -15.0);
    let elist = String::from_utf8_lossy(&fixture_bytes("awk-sdr-elist.txt")).to_string();
    assert!(elist.contains("| 01h | unr |  3.3 | -15 degrees C"));
    let sensor = String::from_utf8_lossy(&fixture_bytes("awk-sensor.txt")).to_string();
    assert!(sensor.contains("| -15.000    | degrees C  | nr "));
    // ipmi_sim compares the raw byte unsigned (240 >= 85/90/95) and reports UNC/UC/UNR
    // crossed; we decode what the BMC said, as ipmitool does ("unr" / "nr").
    assert_eq!(r.threshold_state(), ThresholdState::NonRecoverable);
    assert_eq!(r.threshold_status.ipmitool_sdr_status(), "unr");
    // FreeIPMI 1.6.10 (second oracle) shows no reading for the LUN 1 sensor at all.
    let freeipmi = String::from_utf8_lossy(&fixture_bytes("awk-freeipmi-sensors.txt")).to_string();
    assert!(
        freeipmi
            .lines()
            .any(|l| l.starts_with("35 ") && l.contains("| N/A "))
    );
    let t = decode_sensor_thresholds(&thresholds.unwrap()).unwrap();
    assert_eq!(t.thresholds, f.thresholds);
    // Inverse conversion in 1's complement: -15 → F0h, 0 → 00h (not FFh, "-0").
    assert_eq!(f.conversion().to_raw(-15.0), Some(0xf0));
    assert_eq!(f.conversion().to_raw(0.0), Some(0x00));
}

#[test]
fn shared_compact_records_expand_per_spec() {
    let recs = records();
    let find = |n: u8| {
        recs.iter()
            .find(|r| matches!(r, SdrRecord::Compact(c) if c.common.number.0 == n))
            .unwrap()
    };
    // "DIMM " (6-bit, 5 characters), share count 3, alpha modifier from 0, entity instance
    // increments.
    let dimm = find(0x60);
    let SdrRecord::Compact(c) = dimm else {
        unreachable!()
    };
    assert_eq!(c.sharing.share_count, 3);
    assert_eq!(c.sharing.modifier_type, InstanceModifierType::Alpha);
    assert!(c.sharing.entity_instance_increments);
    let logical = expand_shared(dimm);
    let summary: Vec<(u8, String, u8)> = logical
        .iter()
        .map(|l| (l.number.0, l.name.clone(), l.entity.instance))
        .collect();
    assert_eq!(
        summary,
        vec![
            (0x60, "DIMM A".to_string(), 1),
            (0x61, "DIMM B".to_string(), 2),
            (0x62, "DIMM C".to_string(), 3),
        ]
    );
    // ipmitool quirk: it lists only the first sensor of a shared record (60h) and not 61h/62h.
    let elist = fixture_bytes("awk-sdr-elist.txt");
    let has = |tag: &str| elist.windows(tag.len()).any(|w| w == tag.as_bytes());
    assert!(has("| 60h |") && !has("| 61h |") && !has("| 62h |"));

    // "Slot", numeric modifier from 5, instance fixed.
    let slot = find(0x68);
    let names: Vec<(u8, String, u8)> = expand_shared(slot)
        .iter()
        .map(|l| (l.number.0, l.name.clone(), l.entity.instance))
        .collect();
    assert_eq!(
        names,
        vec![
            (0x68, "Slot5".to_string(), 1),
            (0x69, "Slot6".to_string(), 1)
        ]
    );

    // States of the expanded sensors, from their own Get Sensor Reading.
    let states = |n: u8| {
        let r = decode_sensor_reading(&reading(0, n).0).unwrap();
        let texts: Vec<String> = discrete_states(
            c.common.event_reading_type,
            c.common.sensor_type,
            r.discrete_states,
        )
        .into_iter()
        .map(|s| s.text)
        .collect();
        (r.is_valid(), texts.join(", "))
    };
    assert_eq!(states(0x60), (true, "Presence Detected".to_string()));
    assert!(String::from_utf8_lossy(&elist_line(0x60)).ends_with("| Presence Detected"));
    // 61h has scanning disabled in the simulator: the state bits are not a reading.
    assert!(!states(0x61).0);
    assert_eq!(states(0x69), (false, "Memory Device Disabled".to_string()));
}

/// Twelve full records, one per linearization 0–11, all reading raw 4 with M=1 (records in
/// `lin-lab-additions.sdrs`), against ipmitool's `sensor`/`sdr elist` and FreeIPMI's
/// `ipmi-sensors`. ipmitool agrees on all twelve; FreeIPMI 1.6.10 gets the cube root wrong
/// (it prints 0.02 for ∛4 = 1.587).
#[test]
fn every_linearization_against_the_oracles() {
    use engine::decode::conversion::format_ipmitool;
    let recs = decode_sdr_repository(&fixture_bytes("lin-sdr.bin"));
    let text = |name: &str| String::from_utf8(fixture_bytes(name)).unwrap();
    let readings = text("lin-readings.hex");
    let (sensor, elist, freeipmi) = (
        text("lin-sensor.txt"),
        text("lin-sdr-elist.txt"),
        text("lin-freeipmi-sensors.txt"),
    );
    for lin in 0u8..12 {
        let name = format!("Lin {lin}");
        let f = recs
            .iter()
            .find_map(|r| match r {
                Ok(SdrRecord::Full(f)) if f.name() == name => Some(f.clone()),
                _ => None,
            })
            .unwrap();
        assert_eq!(f.linearization.code(), lin);
        let line = readings
            .lines()
            .find(|l| l.starts_with(&format!("{:#04x} ", f.common.number.0)))
            .unwrap();
        let r = decode_sensor_reading(&hex(line.split_once(' ').unwrap().1)).unwrap();
        let v = f.conversion().to_value(r.raw).unwrap();
        let row = |t: &str| {
            t.lines()
                .find(|l| l.contains(&format!("{name} ")) && l.contains('|'))
                .map(|l| {
                    l.split('|')
                        .map(|c| c.trim().to_string())
                        .collect::<Vec<_>>()
                })
                .unwrap()
        };
        assert_eq!(row(&sensor)[1], format!("{v:.3}"), "{name}");
        assert_eq!(
            row(&elist)[4],
            format!("{} degrees C", format_ipmitool(v)),
            "{name}"
        );
        let theirs = row(&freeipmi)[3].clone();
        if lin == 11 {
            assert_eq!(
                (format!("{v:.2}"), theirs.as_str()),
                ("1.59".to_string(), "0.02")
            );
        } else {
            assert_eq!(format!("{v:.2}"), theirs, "{name}");
        }
    }
}
