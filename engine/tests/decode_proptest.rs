//! Property tests: every decoder, fed arbitrary bytes, returns a value or an error and never
//! panics. Inputs are also steered into the deeper paths (valid SDR types, valid FRU
//! headers, valid SEL types) so that more than the first length check is exercised.

use engine::decode::conversion::{AnalogFormat, Conversion, ConversionFactors, Linearization};
use engine::decode::id_string::{
    decode_6bit_packed, decode_bcd_plus, decode_fru_field, decode_sdr_string,
};
use engine::decode::{
    EventContext, EventReadingType, SensorType, decode_fru, decode_fru_common_header,
    decode_fru_inventory_info, decode_get_sel_entry, decode_reading_factors, decode_sdr,
    decode_sdr_header, decode_sdr_repository, decode_sel_info, decode_sel_record,
    decode_sensor_hysteresis, decode_sensor_reading, decode_sensor_thresholds, discrete_states,
    expand_shared, offset_text, zero_checksum,
};
use proptest::prelude::*;

fn bytes(max: usize) -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(any::<u8>(), 0..max)
}

/// Exercise everything reachable from a decoded SDR.
fn touch_sdr(b: &[u8]) {
    if let Ok(r) = decode_sdr(b) {
        let _ = serde_json::to_string(&r);
        for l in expand_shared(&r) {
            assert!(!l.name.is_empty() || r.id_string().is_some_and(|s| s.text.is_empty()));
        }
        if let engine::decode::SdrRecord::Full(f) = &r {
            let c = f.conversion();
            for raw in [0u8, 1, 0x7f, 0x80, 0xfe, 0xff] {
                let _ = c.to_value(raw);
                let _ = c.step(raw);
                let _ = c.hysteresis_value(raw);
            }
            let _ = c.to_raw(1.5);
            let _ = f.units.ipmitool_text();
        }
        let _ = EventContext::from_sdr(&r);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn sdr_any_bytes(b in bytes(80)) {
        let _ = decode_sdr_header(&b);
        touch_sdr(&b);
        let _ = decode_sdr_repository(&b);
    }

    #[test]
    fn sdr_each_type(kind in prop::sample::select(vec![0x01u8, 0x02, 0x03, 0x11, 0x12, 0xc0, 0x08]),
                     len in any::<u8>(), body in bytes(80)) {
        let mut b = vec![0x01, 0x00, 0x51, kind, len];
        b.extend(body);
        touch_sdr(&b);
        let _ = decode_sdr_repository(&b);
    }

    #[test]
    fn strings(tl in any::<u8>(), b in bytes(70), english in any::<bool>()) {
        let (s, used) = decode_sdr_string(tl, &b);
        prop_assert!(used <= b.len());
        prop_assert_eq!(s.raw.len(), used);
        let mut f = vec![tl];
        f.extend(&b);
        let _ = decode_fru_field(&f, english);
        let _ = decode_6bit_packed(&b);
        let _ = decode_bcd_plus(&b);
    }

    #[test]
    fn conversion_any_factors(f in proptest::array::uniform6(any::<u8>()), units1 in any::<u8>(),
                              lin in any::<u8>(), raw in any::<u8>(), v in any::<f64>()) {
        let c = Conversion {
            format: AnalogFormat::from_units1(units1),
            linearization: Linearization::from_byte(lin),
            factors: ConversionFactors::from_bytes(f),
        };
        if let Some(x) = c.to_value(raw) { prop_assert!(x.is_finite()); }
        let _ = c.step(raw);
        let _ = c.to_raw(v);
        let _ = c.hysteresis_value(raw);
        let _ = c.hysteresis_at(raw, raw);
        let _ = c.tolerance_value();
        let _ = c.factors.accuracy_percent();
    }

    #[test]
    fn sensor_commands(b in bytes(12)) {
        let _ = decode_sensor_reading(&b);
        let _ = decode_sensor_thresholds(&b);
        let _ = decode_sensor_hysteresis(&b);
        let _ = decode_reading_factors(&b);
        if let Ok(r) = decode_sensor_reading(&b) {
            let _ = r.threshold_state().ipmitool_str();
            let _ = r.threshold_status.ipmitool_sdr_status();
        }
    }

    #[test]
    fn event_texts(t in any::<u8>(), st in any::<u8>(), off in any::<u8>(), d2 in any::<Option<u8>>(),
                   mask in any::<u16>()) {
        let _ = offset_text(EventReadingType(t), SensorType(st), off, d2);
        let states = discrete_states(EventReadingType(t), SensorType(st), mask);
        prop_assert_eq!(states.len() as u32, (mask & 0x7fff).count_ones());
        let _ = SensorType(st).name();
    }

    #[test]
    fn sel_any_bytes(b in bytes(24), rtype in any::<u8>()) {
        let _ = decode_sel_info(&b);
        let _ = decode_get_sel_entry(&b);
        let mut r = b.clone();
        if r.len() > 2 { r[2] = rtype; }
        if let Ok(rec) = decode_sel_record(&r) {
            let _ = rec.severity();
            let _ = rec.description(None);
            let _ = rec.ipmitool_elist_line(None);
            let _ = serde_json::to_string(&rec);
        }
    }

    #[test]
    fn sel_system_events_with_context(b in proptest::array::uniform16(any::<u8>()),
                                      f in proptest::array::uniform6(any::<u8>()), units1 in any::<u8>(),
                                      lin in any::<u8>(), base in any::<u8>(), m in any::<u8>()) {
        let mut r = b;
        r[2] = 0x02;
        let rec = decode_sel_record(&r).unwrap();
        let ctx = EventContext {
            sensor_name: "X".into(),
            conversion: Some(Conversion {
                format: AnalogFormat::from_units1(units1),
                linearization: Linearization::from_byte(lin),
                factors: ConversionFactors::from_bytes(f),
            }),
            units: Some(engine::decode::SensorUnits::decode(units1, base, m)),
        };
        let _ = rec.description(Some(&ctx));
        let _ = rec.ipmitool_elist_line(Some(&ctx));
        let e = rec.system_event().unwrap();
        let _ = (e.dimm(), e.slot(), e.previous_state(), e.previous_severity(), e.severity());
    }

    #[test]
    fn fru_any_bytes(b in bytes(300)) {
        let _ = decode_fru_inventory_info(&b);
        let _ = decode_fru_common_header(&b);
        if let Ok(f) = decode_fru(&b) {
            let _ = f.ipmitool_fields();
            let _ = f.checksums_ok();
        }
    }

    #[test]
    fn fru_with_valid_header(offs in proptest::array::uniform5(0u8..40), body in bytes(400)) {
        let mut h = vec![0x01, offs[0], offs[1], offs[2], offs[3], offs[4], 0];
        h.push(zero_checksum(&h));
        h.extend(body);
        let f = decode_fru(&h).unwrap();
        let _ = f.ipmitool_fields();
        let _ = serde_json::to_string(&f);
    }
}
