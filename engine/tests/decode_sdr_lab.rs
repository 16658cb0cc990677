//! Golden tests: the lab BMC's SDR repository (`ipmitool sdr dump`) and raw sensor command
//! responses, decoded and compared with what ipmitool printed for the same BMC
//! (`sdr elist`, `sensor`).

mod decode_common;

use std::collections::HashMap;

use decode_common::{cells, fixture_bytes, fixture_text, hex};
use engine::decode::conversion::format_ipmitool;
use engine::decode::event_text::Threshold;
use engine::decode::{
    SdrRecord, SensorNumber, decode_sdr_repository, decode_sensor_hysteresis,
    decode_sensor_reading, decode_sensor_thresholds, discrete_states, expand_shared,
};

fn records() -> Vec<SdrRecord> {
    decode_sdr_repository(&fixture_bytes("lab-sdr.bin"))
        .into_iter()
        .map(|r| r.expect("every lab record decodes"))
        .collect()
}

/// Raw response bodies of one sensor: (reading, thresholds, hysteresis).
type Responses = (Vec<u8>, Vec<u8>, Vec<u8>);

/// Per sensor number, its recorded responses.
fn responses() -> HashMap<u8, Responses> {
    fixture_text("lab-readings.hex")
        .lines()
        .map(|l| {
            let (n, rest) = l.split_once(' ').unwrap();
            let n = u8::from_str_radix(n.trim_start_matches("0x"), 16).unwrap();
            let (r, rest) = rest
                .trim_start_matches("reading:")
                .split_once("thresholds:")
                .unwrap();
            let (t, h) = rest.split_once("hysteresis:").unwrap();
            (n, (hex(r), hex(t), hex(h)))
        })
        .collect()
}

#[test]
fn repository_has_the_lab_record_mix() {
    let recs = records();
    let count = |f: fn(&SdrRecord) -> bool| recs.iter().filter(|r| f(r)).count();
    assert_eq!(count(|r| matches!(r, SdrRecord::McDeviceLocator(_))), 1);
    assert_eq!(count(|r| matches!(r, SdrRecord::FruDeviceLocator(_))), 2);
    assert_eq!(count(|r| matches!(r, SdrRecord::Full(_))), 20);
    assert_eq!(count(|r| matches!(r, SdrRecord::Compact(_))), 7);
    assert_eq!(count(|r| matches!(r, SdrRecord::EventOnly(_))), 4);
    let names: Vec<String> = recs
        .iter()
        .filter_map(|r| r.id_string().map(|s| s.text.clone()))
        .collect();
    assert!(names.contains(&"Memory ECC".to_string()), "{names:?}");
}

#[test]
fn locators_decode() {
    let recs = records();
    let mc = recs
        .iter()
        .find_map(|r| match r {
            SdrRecord::McDeviceLocator(m) => Some(m),
            _ => None,
        })
        .unwrap();
    assert_eq!(mc.device_slave_address << 1, 0x20);
    let frus: Vec<_> = recs
        .iter()
        .filter_map(|r| match r {
            SdrRecord::FruDeviceLocator(f) => Some(f),
            _ => None,
        })
        .collect();
    assert!(frus.iter().all(|f| f.logical));
    let ids: Vec<u8> = frus.iter().map(|f| f.fru_device_id).collect();
    assert_eq!(ids, vec![1, 2]);
    let names: Vec<&str> = frus.iter().map(|f| f.id_string.text.as_str()).collect();
    assert_eq!(names, vec!["PSU1 FRU", "PSU2 FRU"]);
}

/// Every `sdr elist` line: name, number, status, entity and the value column, recomputed
/// from the SDR plus the raw Get Sensor Reading response.
#[test]
fn sdr_elist_matches_ipmitool() {
    let recs = records();
    let resp = responses();
    let by_number: HashMap<SensorNumber, &SdrRecord> = recs
        .iter()
        .filter_map(|r| r.sensor_common().map(|c| (c.number, r)))
        .collect();
    let elist = fixture_text("lab-sdr-elist.txt");
    let mut checked = 0;
    for line in elist.lines() {
        let c = cells(line);
        let (name, num, status, entity, value) = (&c[0], &c[1], &c[2], &c[3], &c[4]);
        let n = u8::from_str_radix(num.trim_end_matches('h'), 16).unwrap();
        let rec = by_number[&SensorNumber(n)];
        let reading = decode_sensor_reading(&resp[&n].0).unwrap();
        assert!(reading.is_valid());
        match rec {
            SdrRecord::Full(f) => {
                assert_eq!(f.name(), name);
                assert_eq!(&f.common.entity.dotted(), entity);
                let v = f.conversion().to_value(reading.raw).unwrap();
                let text = format!("{} {}", format_ipmitool(v), f.units.ipmitool_text());
                assert_eq!(&text, value, "{name}");
                assert_eq!(
                    reading.threshold_status.ipmitool_sdr_status(),
                    status,
                    "{name}"
                );
            }
            SdrRecord::Compact(s) => {
                assert_eq!(&s.id_string.text, name);
                assert_eq!(&s.common.entity.dotted(), entity);
                let states = discrete_states(
                    s.common.event_reading_type,
                    s.common.sensor_type,
                    reading.discrete_states,
                );
                let text: Vec<String> = states.into_iter().map(|s| s.text).collect();
                assert_eq!(&text.join(", "), value, "{name}");
                assert_eq!(status, "ok");
            }
            other => panic!("unexpected record for {name}: {other:?}"),
        }
        checked += 1;
    }
    assert_eq!(checked, 27);
}

/// `ipmitool sensor`: value with 3 decimals, units, the side-less status, and the six
/// thresholds from Get Sensor Thresholds; the same thresholds must also come out of the SDR.
#[test]
fn sensor_list_matches_ipmitool() {
    let recs = records();
    let resp = responses();
    let sensor = fixture_text("lab-sensor.txt");
    let mut checked = 0;
    let mut discrete = 0;
    for line in sensor.lines() {
        let c = cells(line);
        if let Some(SdrRecord::Compact(d)) = recs
            .iter()
            .find(|r| matches!(r, SdrRecord::Compact(d) if d.id_string.text == c[0]))
        {
            let r = decode_sensor_reading(&resp[&d.common.number.0].0).unwrap();
            let (value, status) = r.ipmitool_discrete_columns();
            assert_eq!(
                (value.as_str(), status.as_str()),
                (c[1].as_str(), c[3].as_str())
            );
            assert_eq!(c[2], "discrete");
            discrete += 1;
            continue;
        }
        let Some(SdrRecord::Full(f)) = recs
            .iter()
            .find(|r| matches!(r, SdrRecord::Full(f) if f.name() == c[0]))
        else {
            continue;
        };
        let n = f.common.number.0;
        let conv = f.conversion();
        let reading = decode_sensor_reading(&resp[&n].0).unwrap();
        assert_eq!(format!("{:.3}", conv.to_value(reading.raw).unwrap()), c[1]);
        assert_eq!(f.units.ipmitool_text(), c[2]);
        assert_eq!(reading.threshold_state().ipmitool_str(), c[3], "{}", c[0]);
        let cols = [
            Threshold::LowerNonRecoverable,
            Threshold::LowerCritical,
            Threshold::LowerNonCritical,
            Threshold::UpperNonCritical,
            Threshold::UpperCritical,
            Threshold::UpperNonRecoverable,
        ];
        let from_cmd =
            (!resp[&n].1.is_empty()).then(|| decode_sensor_thresholds(&resp[&n].1).unwrap());
        for (i, t) in cols.into_iter().enumerate() {
            let expect = &c[4 + i];
            let sdr_text = f
                .thresholds
                .get(t)
                .and_then(|raw| conv.to_value(raw))
                .map_or("na".to_string(), |v| format!("{v:.3}"));
            assert_eq!(&sdr_text, expect, "{} {t:?} from SDR", c[0]);
            if let Some(th) = &from_cmd {
                let cmd_text = th
                    .thresholds
                    .get(t)
                    .and_then(|raw| conv.to_value(raw))
                    .map_or("na".to_string(), |v| format!("{v:.3}"));
                assert_eq!(
                    &cmd_text, expect,
                    "{} {t:?} from Get Sensor Thresholds",
                    c[0]
                );
            }
        }
        if !resp[&n].2.is_empty() {
            let h = decode_sensor_hysteresis(&resp[&n].2).unwrap();
            assert_eq!(
                (h.positive, h.negative),
                (f.positive_hysteresis, f.negative_hysteresis)
            );
        }
        checked += 1;
    }
    assert_eq!((checked, discrete), (20, 7));
}

/// The conversion cases the lab was built for (lab/NOTES.md).
#[test]
fn lab_conversion_cases() {
    let recs = records();
    let full = |n: u8| {
        recs.iter()
            .find_map(|r| match r {
                SdrRecord::Full(f) if f.common.number.0 == n => Some(f.clone()),
                _ => None,
            })
            .unwrap()
    };
    // CPU1 Margin: 2's complement.
    let margin = full(0x06).conversion();
    assert_eq!(margin.to_value(0xcf), Some(-49.0));
    // FAN5: 1/x with Rexp -6: raw 160 -> 6250 RPM.
    let fan5 = full(0x14).conversion();
    assert_eq!(fan5.to_value(160).map(|v| v.round()), Some(6250.0));
    // CPU1 Vcore: M=4, B=5, Bexp=2, Rexp=-3: raw 150 -> 1.100 V.
    let vcore = full(0x24);
    assert_eq!(
        (
            vcore.factors.m,
            vcore.factors.b,
            vcore.factors.b_exp,
            vcore.factors.r_exp
        ),
        (4, 5, 2, -3)
    );
    assert!((vcore.conversion().to_value(150).unwrap() - 1.1).abs() < 1e-9);
    assert_eq!(vcore.conversion().to_raw(1.1), Some(150));
    assert!((vcore.conversion().step(150).unwrap() - 0.004).abs() < 1e-9);
    // Typed measurements and the record-level helpers.
    use engine::decode::Measurement;
    let cpu = full(0x01);
    assert_eq!(cpu.units.measurement(92.0), Measurement::Celsius(92.0));
    assert_eq!(full(0x10).units.measurement(400.0), Measurement::Rpm(400.0));
    assert_eq!(cpu.threshold_bytes, [95, 90, 85, 0, 0, 0]);
    let rec = recs
        .iter()
        .find(|r| r.sensor_common().is_some_and(|c| c.number.0 == 0x01))
        .unwrap();
    assert_eq!(rec.conversion(), Some(cpu.conversion()));
    assert!(rec.has_reading());
    assert_eq!(rec.thresholds(), cpu.thresholds);
    // FANs: M=100.
    assert_eq!(full(0x10).conversion().to_raw(500.0), Some(5));
}

#[test]
fn shared_expansion_of_lab_records_is_identity() {
    for r in records() {
        let logical = expand_shared(&r);
        if let Some(c) = r.sensor_common() {
            assert_eq!(logical.len(), 1);
            assert_eq!(logical[0].number, c.number);
            assert_eq!(&logical[0].name, &r.id_string().unwrap().text);
        } else {
            assert!(logical.is_empty());
        }
    }
}
