//! Hand-built byte fixtures for the cases the lab cannot produce, each checked against the
//! IPMI v2.0 / FRU specification text rather than a tool.

use engine::decode::conversion::{AnalogFormat, Conversion, ConversionFactors, Linearization};
use engine::decode::id_string::{
    StringEncoding, decode_6bit_packed, decode_bcd_plus, decode_fru_field, decode_sdr_string,
    encode_6bit_packed,
};
use engine::decode::sdr::InstanceModifierType;
use engine::decode::sel::{EventDataUse, SelRecordBody};
use engine::decode::{
    DecodeError, EventReadingType, SdrRecord, SensorType, Severity, ThresholdState, Timestamp,
    decode_fru, decode_fru_inventory_info, decode_reading_factors, decode_sdr, decode_sdr_header,
    decode_sel_record, decode_sensor_reading, decode_sensor_thresholds, discrete_states,
    expand_shared, offset_text, zero_checksum,
};

// ---------------------------------------------------------------- strings --

#[test]
fn six_bit_packing_follows_the_spec_table() {
    // §43.15: 3 bytes → 4 characters, code 00h = space, 20h = '@', 3Fh = '_'.
    let bytes = encode_6bit_packed("A@_ ");
    assert_eq!(bytes.len(), 3);
    // 'A' = 21h, '@' = 20h, '_' = 3Fh, ' ' = 00h packed LSB first.
    assert_eq!(
        bytes,
        vec![0x21 | (0x20 << 6), (0x20 >> 2) | (0x3f << 4), 0x3f >> 4]
    );
    let (s, used) = decode_sdr_string(0x80 | 4, &bytes);
    assert_eq!((s.text.as_str(), used), ("A@_ ", 3));
    assert_eq!(s.encoding, StringEncoding::Packed6Bit);
    // FRU lengths count bytes, and "A@_ " and "A@_" both pack into 3 bytes: a trailing
    // space there is indistinguishable from padding and is dropped.
    assert_eq!(decode_6bit_packed(&bytes), "A@_");
    // A space that needs its own byte is kept ("DIMM " = 30 bits in 4 bytes).
    assert_eq!(decode_6bit_packed(&encode_6bit_packed("DIMM ")), "DIMM ");
    // "IPMI" in the FRU spec's own example packing: 29h DCh A6h.
    assert_eq!(decode_6bit_packed(&[0x29, 0xdc, 0xa6]), "IPMI");
    // 2 bytes hold 2 characters; an odd tail that cannot hold a character is ignored.
    assert_eq!(decode_6bit_packed(&encode_6bit_packed("OK")), "OK");
    assert_eq!(decode_6bit_packed(&[]), "");
}

#[test]
fn sdr_string_lengths_count_characters() {
    // 6-bit, 9 characters in 7 bytes, followed by junk that must not be read.
    let mut data = encode_6bit_packed("LUN1 TEMP");
    assert_eq!(data.len(), 7);
    data.extend_from_slice(b"JUNK");
    let (s, used) = decode_sdr_string(0x80 | 9, &data);
    assert_eq!((s.text.as_str(), used), ("LUN1 TEMP", 7));
    // BCD plus: 3 characters in 2 bytes, low nibble first.
    let (s, used) = decode_sdr_string(0x40 | 3, &[0xb1, 0x02, 0xff]);
    assert_eq!((s.text.as_str(), used), ("1-2", 2));
    // 8-bit: NUL padding ends the string.
    let (s, used) = decode_sdr_string(0xc0 | 6, b"PSU\0\0\0");
    assert_eq!((s.text.as_str(), used), ("PSU", 6));
    // Unicode (never defined further): hex.
    let (s, _) = decode_sdr_string(0x02, &[0x41, 0x00]);
    assert_eq!(
        (s.encoding, s.text.as_str()),
        (StringEncoding::Unicode, "4100")
    );
    // A length running past the buffer yields what is there.
    let (s, used) = decode_sdr_string(0xc0 | 16, b"short");
    assert_eq!((s.text.as_str(), used), ("short", 5));
}

#[test]
fn fru_fields_by_type_and_language() {
    // 11b with English → Latin-1 (byte E9h is 'é').
    let f = decode_fru_field(&[0xc3, b'C', b'a', 0xe9], true)
        .unwrap()
        .unwrap();
    assert_eq!((f.0.text.as_str(), f.1), ("Caé", 4));
    // 11b with another language → UCS-2 little endian.
    let f = decode_fru_field(&[0xc4, 0x41, 0x00, 0x42, 0x00], false)
        .unwrap()
        .unwrap();
    assert_eq!(
        (f.0.encoding, f.0.text.as_str()),
        (StringEncoding::Ucs2, "AB")
    );
    // 00b → binary, rendered as hex like ipmitool.
    let f = decode_fru_field(&[0x02, 0xde, 0xad], true)
        .unwrap()
        .unwrap();
    assert_eq!(f.0.text, "dead");
    // 01b → BCD plus, 2 characters per byte, low nibble first.
    let f = decode_fru_field(&[0x42, 0x21, 0xd3], true)
        .unwrap()
        .unwrap();
    assert_eq!(f.0.text, "123:");
    assert_eq!(decode_bcd_plus(&[0xba, 0xfc]), " -._");
    // 10b → 6-bit, length in bytes.
    let f = decode_fru_field(&[0x83, 0x29, 0xdc, 0xa6], true)
        .unwrap()
        .unwrap();
    assert_eq!(f.0.text, "IPMI");
    // C1h ends the list; a field longer than the data is an error, not a panic.
    assert_eq!(decode_fru_field(&[0xc1, 0x00], true).unwrap(), None);
    assert!(matches!(
        decode_fru_field(&[0xc5, b'a'], true),
        Err(DecodeError::Truncated { .. })
    ));
}

// ------------------------------------------------------------- conversion --

fn conv(format: AnalogFormat, lin: u8, m: i16, b: i16, b_exp: i8, r_exp: i8) -> Conversion {
    Conversion {
        format,
        linearization: Linearization::from_byte(lin),
        factors: ConversionFactors {
            m,
            b,
            b_exp,
            r_exp,
            tolerance: 0,
            accuracy: 0,
            accuracy_exp: 0,
        },
    }
}

#[test]
fn factor_bytes_sign_extend_10_and_4_bits() {
    // M = -1 (3FFh), tolerance 5, B = -512 (200h), accuracy 0x155, acc exp 2, Rexp -3, Bexp 7.
    let f = ConversionFactors::from_bytes([0xff, 0xc5, 0x00, 0x80 | 0x15, 0x50 | 0x08, 0xd7]);
    assert_eq!(f.m, -1);
    assert_eq!(f.tolerance, 5);
    assert_eq!(f.b, -512);
    assert_eq!(f.accuracy, 0x15 | (0x5 << 6));
    assert_eq!(f.accuracy_exp, 2);
    assert_eq!(f.r_exp, -3);
    assert_eq!(f.b_exp, 7);
    assert!((f.accuracy_percent() - 341.0 * 100.0 / 100.0).abs() < 1e-9);
}

#[test]
fn analog_formats() {
    let ones = conv(AnalogFormat::OnesComplement, 0, 1, 0, 0, 0);
    assert_eq!(ones.to_value(0x00), Some(0.0));
    assert_eq!(ones.to_value(0xff), Some(0.0)); // -0
    assert_eq!(ones.to_value(0xfe), Some(-1.0));
    assert_eq!(ones.to_value(0x80), Some(-127.0));
    assert_eq!(ones.to_value(0x7f), Some(127.0));
    let twos = conv(AnalogFormat::TwosComplement, 0, 1, 0, 0, 0);
    assert_eq!(twos.to_value(0x80), Some(-128.0));
    assert_eq!(twos.to_value(0xff), Some(-1.0));
    let none = conv(AnalogFormat::NoAnalogReading, 0, 1, 0, 0, 0);
    assert_eq!(none.to_value(5), None);
    assert_eq!(none.to_raw(5.0), None);
    assert_eq!(
        AnalogFormat::from_units1(0x40),
        AnalogFormat::OnesComplement
    );
}

#[test]
fn every_linearization() {
    // x = 4 raw, M = 1: the argument of L is 4 (or 0.4 with Rexp -1 where L needs it).
    let cases: [(u8, f64); 12] = [
        (0, 4.0),
        (1, 4f64.ln()),
        (2, 4f64.log10()),
        (3, 2.0),
        (4, 4f64.exp()),
        (5, 10_000.0),
        (6, 16.0),
        (7, 0.25),
        (8, 16.0),
        (9, 64.0),
        (10, 2.0),
        (11, 4f64.cbrt()),
    ];
    for (lin, want) in cases {
        let c = conv(AnalogFormat::Unsigned, lin, 1, 0, 0, 0);
        let got = c.to_value(4).unwrap();
        assert!((got - want).abs() < 1e-9, "L={lin}: {got} vs {want}");
        assert_eq!(c.to_raw(want), Some(4), "inverse for L={lin}");
    }
    // 1/x at 0 and ln of a negative number are not readings.
    assert_eq!(
        conv(AnalogFormat::Unsigned, 7, 1, 0, 0, 0).to_value(0),
        None
    );
    assert_eq!(
        conv(AnalogFormat::TwosComplement, 1, 1, 0, 0, 0).to_value(0xff),
        None
    );
    // Unknown codes convert linearly.
    assert_eq!(
        Linearization::from_byte(0x20),
        Linearization::Reserved(0x20)
    );
    assert_eq!(
        conv(AnalogFormat::Unsigned, 0x20, 2, 0, 0, 0).to_value(3),
        Some(6.0)
    );
}

#[test]
fn b_and_exponents_and_steps() {
    // M=4, B=5, Bexp=2, Rexp=-3 (the lab's CPU1 Vcore): 150 → (600 + 500)·10⁻³ = 1.1.
    let c = conv(AnalogFormat::Unsigned, 0, 4, 5, 2, -3);
    assert!((c.to_value(150).unwrap() - 1.1).abs() < 1e-12);
    assert!((c.step(150).unwrap() - 0.004).abs() < 1e-12);
    assert!((c.step(255).unwrap() - 0.004).abs() < 1e-12); // top of range: step down
    assert_eq!(c.to_raw(1.1019), Some(150));
    assert_eq!(c.to_raw(1.1021), Some(151));
    assert_eq!(c.to_raw(f64::NAN), None);
    assert_eq!(c.to_raw(1e9), Some(255)); // clamps to the nearest representable
    // Hysteresis at a point works for non-linear L too: 1/x with M=1, Rexp=-6 at raw 160
    // (6250 RPM) with 2 counts → 1/158e-6 - 6250.
    let inv = conv(AnalogFormat::Unsigned, 7, 1, 0, 0, -6);
    let h = inv.hysteresis_at(160, 2).unwrap();
    assert!((h - (1.0 / 158e-6 - 6250.0)).abs() < 1e-6);
    assert!((c.hysteresis_at(150, 2).unwrap() - 0.008).abs() < 1e-12);
    // Hysteresis ignores B.
    assert!((c.hysteresis_value(2).unwrap() - 0.008).abs() < 1e-12);
    // Negative M reverses the scale.
    let n = conv(AnalogFormat::Unsigned, 0, -2, 0, 0, 0);
    assert_eq!(n.to_value(10), Some(-20.0));
    assert_eq!(n.to_raw(-20.0), Some(10));
    // Non-linear sensors: factors from Get Sensor Reading Factors, then linear.
    let nl = conv(AnalogFormat::Unsigned, 0x71, 0, 0, 0, 0);
    assert!(nl.linearization.is_non_linear());
    let rf = decode_reading_factors(&[0x40, 0x0a, 0x00, 0x00, 0x00, 0x00, 0xf0]).unwrap();
    assert_eq!(rf.next_reading, 0x40);
    assert_eq!((rf.factors.m, rf.factors.r_exp), (10, -1));
    assert_eq!(nl.with_factors(rf.factors).to_value(7), Some(7.0));
    assert!(decode_reading_factors(&[0x40, 1, 2]).is_err());
}

// -------------------------------------------------------------------- SDR --

/// A full sensor record body (after the header) with a given name, thresholds all readable.
fn full_record(id: u16, number: u8, lun: u8, name: &[u8]) -> Vec<u8> {
    let mut b = vec![0u8; 42];
    b[0] = 0x20; // owner 20h
    b[1] = lun;
    b[2] = number;
    b[3] = 0x03; // processor
    b[4] = 0x01;
    b[7] = 0x01; // temperature
    b[8] = 0x01; // threshold
    b[13] = 0x3f; // readable mask
    b[14] = 0x3f; // settable mask
    b[15] = 0x80; // 2's complement, no rate/modifier
    b[16] = 1; // degrees C
    b[19] = 1; // M = 1
    b[31..37].copy_from_slice(&[100, 90, 80, 0xf6, 0xfb, 0x00]); // UNR..LNC
    b[37] = 2;
    b[38] = 3;
    b.push(0xc0 | name.len() as u8);
    b.extend_from_slice(name);
    let mut r = id.to_le_bytes().to_vec();
    r.extend_from_slice(&[0x51, 0x01, b.len() as u8]);
    r.extend(b);
    r
}

#[test]
fn header_length_is_trusted_and_padding_ignored() {
    let mut rec = full_record(7, 0x10, 1, b"Temp A");
    let declared = rec.len();
    // ipmi_sim style: padding after the record, here bytes that would extend the name.
    rec.extend_from_slice(b"XYZ\xff\xff");
    let SdrRecord::Full(f) = decode_sdr(&rec).unwrap() else {
        panic!()
    };
    assert_eq!(f.name(), "Temp A");
    assert_eq!(f.header.total_len(), declared);
    assert_eq!(f.common.owner.lun, 1);
    assert_eq!(f.common.owner.slave_address(), 0x20);
    assert_eq!(f.thresholds.upper_non_recoverable, Some(100));
    assert_eq!(f.thresholds.lower_critical, Some(0xfb));
    assert_eq!(f.conversion().to_value(0xfb), Some(-5.0));
    assert_eq!((f.positive_hysteresis, f.negative_hysteresis), (2, 3));
    // A header that claims a shorter record truncates the ID string, never reads past it.
    let mut short = rec.clone();
    short[4] -= 3;
    let SdrRecord::Full(f) = decode_sdr(&short).unwrap() else {
        panic!()
    };
    assert_eq!(f.name(), "Tem");
    // A record cut before its fixed fields is an error.
    let mut cut = rec[..20].to_vec();
    cut[4] = 15;
    assert!(matches!(
        decode_sdr(&cut),
        Err(DecodeError::Truncated { .. })
    ));
    assert!(decode_sdr_header(&rec[..4]).is_err());
}

#[test]
fn event_only_sharing_with_alpha_offsets_past_z() {
    // Event-only record: owner 20h, LUN 0, sensor 30h, entity 20h.2, sensor type 0Ch,
    // reading type 6Fh, share 3 alpha, offset 25 ('Z'), instance increments.
    let mut body = vec![
        0x20,
        0x00,
        0x30,
        0x20,
        0x02,
        0x0c,
        0x6f,
        0x10 | 3,
        0x80 | 25,
        0,
        0,
    ];
    body.push(0xc0 | 5);
    body.extend_from_slice(b"DIMM ");
    let mut rec = vec![0x09, 0x00, 0x51, 0x03, body.len() as u8];
    rec.extend(body);
    let r = decode_sdr(&rec).unwrap();
    let SdrRecord::EventOnly(e) = &r else {
        panic!()
    };
    assert_eq!(e.sharing.modifier_type, InstanceModifierType::Alpha);
    let names: Vec<(u8, String, u8)> = expand_shared(&r)
        .into_iter()
        .map(|l| (l.number.0, l.name, l.entity.instance))
        .collect();
    assert_eq!(
        names,
        vec![
            (0x30, "DIMM Z".to_string(), 2),
            (0x31, "DIMM AA".to_string(), 3),
            (0x32, "DIMM AB".to_string(), 4),
        ]
    );
    assert_eq!(e.sharing.suffix(127 - 25), "DX");
}

#[test]
fn oem_and_unknown_records() {
    let rec = [
        0x01, 0x00, 0x51, 0xc0, 0x05, 0x57, 0x01, 0x00, 0xaa, 0xbb, 0xcc,
    ];
    let SdrRecord::Oem(o) = decode_sdr(&rec).unwrap() else {
        panic!()
    };
    assert_eq!(o.manufacturer_id, 0x157);
    assert_eq!(o.data, vec![0xaa, 0xbb]);
    let rec = [0x02, 0x00, 0x51, 0x08, 0x02, 0x01, 0x02];
    assert!(matches!(decode_sdr(&rec).unwrap(), SdrRecord::Other(_)));
}

// ---------------------------------------------------------------- reading --

#[test]
fn reading_flags_and_states() {
    let r = decode_sensor_reading(&[0x10, 0xe0, 0x00]).unwrap();
    assert!(r.unavailable && !r.is_valid());
    assert_eq!(r.threshold_state(), ThresholdState::NotAvailable);
    assert_eq!(r.threshold_state().ipmitool_str(), "na");
    let r = decode_sensor_reading(&[0x10, 0x00]).unwrap();
    assert!(!r.scanning_enabled && !r.event_messages_enabled && !r.has_state_byte);
    let r = decode_sensor_reading(&[0x10, 0xc0, 0x09]).unwrap();
    assert_eq!(r.threshold_state(), ThresholdState::NonCritical);
    assert_eq!(r.threshold_status.ipmitool_sdr_status(), "lnc");
    let r = decode_sensor_reading(&[0x00, 0xc0, 0x03, 0xff]).unwrap();
    assert_eq!(r.discrete_states, 0x7f03); // bit 15 is reserved
    let states = discrete_states(EventReadingType(0x6f), SensorType::MEMORY, 0x0003);
    let t: Vec<_> = states.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(t, vec!["Correctable ECC", "Uncorrectable ECC"]);
    // OEM types have no text; the fallback names the offset.
    let states = discrete_states(EventReadingType(0x70), SensorType(0xc0), 0x0004);
    assert_eq!(states[0].text, "State 2");
    assert!(decode_sensor_reading(&[0x10]).is_err());
}

#[test]
fn thresholds_response_respects_the_readable_mask() {
    let t = decode_sensor_thresholds(&[0x12, 1, 2, 3, 4, 5, 6]).unwrap();
    assert_eq!(t.thresholds.lower_critical, Some(2));
    assert_eq!(t.thresholds.upper_critical, Some(5));
    assert_eq!(t.thresholds.lower_non_critical, None);
    assert!(decode_sensor_thresholds(&[0x3f, 1, 2]).is_err());
}

// -------------------------------------------------------------------- SEL --

#[test]
fn sel_record_kinds_and_timestamps() {
    // Timestamped OEM record C1h, manufacturer 000157h.
    let rec = [
        0x10, 0x00, 0xc1, 0x00, 0x00, 0x00, 0x60, 0x57, 0x01, 0x00, 1, 2, 3, 4, 5, 6,
    ];
    let r = decode_sel_record(&rec).unwrap();
    let SelRecordBody::OemTimestamped {
        manufacturer_id,
        data,
        timestamp,
    } = &r.body
    else {
        panic!()
    };
    assert_eq!(*manufacturer_id, 0x157);
    assert_eq!(data, &vec![1, 2, 3, 4, 5, 6]);
    assert_eq!(*timestamp, Timestamp::Unix(0x6000_0000));
    assert_eq!(r.severity(), Severity::Info);
    assert_eq!(r.description(None), "OEM record c1 | 000157 | 010203040506");
    // Non-timestamped OEM record: 13 raw bytes.
    let mut rec = [0u8; 16];
    rec[2] = 0xe5;
    rec[3] = 0xab;
    let r = decode_sel_record(&rec).unwrap();
    let SelRecordBody::OemNonTimestamped { data } = &r.body else {
        panic!()
    };
    assert_eq!(data.len(), 13);
    assert_eq!(r.timestamp(), None);
    // Pre-init boundary is inclusive; FFFFFFFFh is unspecified.
    assert_eq!(
        Timestamp::from_raw(0x2000_0000),
        Timestamp::PreInit(0x2000_0000)
    );
    assert_eq!(
        Timestamp::from_raw(0x2000_0001),
        Timestamp::Unix(0x2000_0001)
    );
    assert_eq!(Timestamp::from_raw(u32::MAX), Timestamp::Unspecified);
    // ipmitool's columns use `< 20000000h` and print FFFFFFFFh as a date.
    assert_eq!(
        Timestamp::from_raw(0x2000_0000).ipmitool_columns(),
        "01/05/87 | 18:48:32 UTC"
    );
    assert_eq!(
        Timestamp::Unspecified.ipmitool_columns(),
        "02/07/06 | 06:28:15 UTC"
    );
    assert_eq!(
        Timestamp::PreInit(259).ipmitool_columns(),
        " Pre-Init  |0000000259"
    );
    assert!(decode_sel_record(&rec[..15]).is_err());
}

fn system_event(sensor_type: u8, dir_type: u8, d: [u8; 3]) -> engine::decode::SelRecord {
    let rec = [
        0x01,
        0x00,
        0x02,
        0x00,
        0x00,
        0x00,
        0x60,
        0x41,
        0x00,
        0x04,
        sensor_type,
        0x07,
        dir_type,
        d[0],
        d[1],
        d[2],
    ];
    decode_sel_record(&rec).unwrap()
}

#[test]
fn system_event_fields_and_severity() {
    // Software generator 41h → id 20h, software.
    let r = system_event(0x08, 0x6f, [0x01, 0xff, 0xff]);
    let e = r.system_event().unwrap();
    assert!(e.generator.software);
    assert_eq!(e.generator.id, 0x20);
    assert_eq!(e.offset_text(), Some("Failure detected"));
    assert_eq!(e.severity(), Severity::Critical);
    // The same as a deassertion is informational.
    assert_eq!(
        system_event(0x08, 0xef, [0x01, 0xff, 0xff]).severity(),
        Severity::Info
    );
    // Threshold: lower non-critical going low = warning, its going-high return = info.
    assert_eq!(
        system_event(0x01, 0x01, [0x50, 10, 12]).severity(),
        Severity::Warning
    );
    assert_eq!(
        system_event(0x01, 0x01, [0x51, 10, 12]).severity(),
        Severity::Info
    );
    assert_eq!(
        system_event(0x01, 0x01, [0x5b, 10, 12]).severity(),
        Severity::Critical
    );
    let e = *system_event(0x01, 0x01, [0x52, 10, 12])
        .system_event()
        .unwrap();
    assert_eq!(e.data2_use, EventDataUse::ReadingOrState);
    assert_eq!(
        (e.trigger_reading_raw(), e.trigger_threshold_raw()),
        (Some(10), Some(12))
    );
    // Discrete with previous state/severity in byte 2.
    let e = *system_event(0x07, 0x0b, [0x41, 0x20, 0xff])
        .system_event()
        .unwrap();
    assert_eq!(e.offset_text(), Some("Redundancy Lost"));
    assert_eq!(
        (e.previous_state(), e.previous_severity()),
        (Some(0), Some(2))
    );
    // Sensor-specific rows that need event data 2: System Firmware Progress.
    let e = *system_event(0x0f, 0x6f, [0xc2, 0x01, 0xff])
        .system_event()
        .unwrap();
    assert_eq!(e.offset_text(), Some("Memory initialization"));
    let e = *system_event(0x0f, 0x6f, [0x00, 0x01, 0xff])
        .system_event()
        .unwrap();
    // Byte 2 unspecified: the generic row for the offset.
    assert_eq!(e.offset_text(), Some("Unknown Error"));
    assert_eq!(e.severity(), Severity::Critical); // firmware error
    // Slot/connector number in event data 3.
    let e = *system_event(0x21, 0x6f, [0x30, 0x00, 0x05])
        .system_event()
        .unwrap();
    assert_eq!(e.slot(), Some(5));
    // Unknown offsets still describe themselves.
    let r = system_event(0xc5, 0x6f, [0x03, 0xff, 0xff]);
    assert_eq!(
        r.description(None),
        "Unknown #0x07 | Event type 0x6f offset 0x03 | Asserted"
    );
    assert_eq!(
        offset_text(EventReadingType(0x01), SensorType::FAN, 2, None),
        Some("Lower Critical going low")
    );
}

// -------------------------------------------------------------------- FRU --

fn area(mut body: Vec<u8>) -> Vec<u8> {
    // Pad to a multiple of 8 including the checksum byte, then set the length byte.
    while !(body.len() + 1).is_multiple_of(8) {
        body.push(0);
    }
    body[1] = ((body.len() + 1) / 8) as u8;
    body.push(zero_checksum(&body));
    body
}

fn field(s: &str) -> Vec<u8> {
    let mut v = vec![0xc0 | s.len() as u8];
    v.extend_from_slice(s.as_bytes());
    v
}

fn fru_image(board_language: u8) -> Vec<u8> {
    let mut chassis = vec![0x01, 0, 0x17];
    chassis.extend(field("CPN"));
    chassis.extend(field("CSN"));
    chassis.extend(field("extra1"));
    chassis.push(0xc1);
    let chassis = area(chassis);
    let mut board = vec![0x01, 0, board_language, 0x10, 0x00, 0x00];
    for f in ["Maker", "Board", "BSN", "BPN"] {
        board.extend(field(f));
    }
    board.extend([0x02, 0xca, 0xfe]); // FRU file id, binary
    board.push(0xc1);
    let board = area(board);
    let mut product = vec![0x01, 0, 0x00];
    for f in ["PMaker", "PName", "PPN", "1.0", "PSN", "TAG"] {
        product.extend(field(f));
    }
    product.extend([0xc0, 0xc1]); // empty file id, end
    let product = area(product);
    let mut mr = vec![0x00, 0x02, 0x03, 0, 0, 0x11, 0x22, 0x33];
    mr[3] = zero_checksum(&mr[5..8]);
    mr[4] = zero_checksum(&mr[..4]);
    let mut mr2 = vec![0xc0, 0x82, 0x01, 0, 0, 0x44];
    mr2[3] = zero_checksum(&mr2[5..6]);
    mr2[4] = zero_checksum(&mr2[..4]);

    let c_off = 8;
    let b_off = c_off + chassis.len();
    let p_off = b_off + board.len();
    let m_off = p_off + product.len();
    let mut header = vec![
        0x01,
        0,
        (c_off / 8) as u8,
        (b_off / 8) as u8,
        (p_off / 8) as u8,
        (m_off / 8) as u8,
        0,
    ];
    header.push(zero_checksum(&header));
    let mut img = header;
    img.extend(chassis);
    img.extend(board);
    img.extend(product);
    img.extend(mr);
    img.extend(mr2);
    img
}

#[test]
fn full_fru_image_decodes() {
    let img = fru_image(0);
    let fru = decode_fru(&img).unwrap();
    assert!(fru.checksums_ok(), "{:?}", fru.warnings);
    let c = fru.chassis.as_ref().unwrap();
    assert_eq!(c.chassis_type, 0x17);
    assert_eq!(c.custom[0].text, "extra1");
    let b = fru.board.as_ref().unwrap();
    assert_eq!(b.mfg_minutes, 16);
    assert_eq!(b.mfg_time().unwrap().iso8601(), "1996-01-01T00:16:00Z");
    assert_eq!(b.fru_file_id.as_ref().unwrap().text, "cafe");
    let p = fru.product.as_ref().unwrap();
    assert_eq!(p.asset_tag.as_ref().unwrap().text, "TAG");
    assert_eq!(p.fru_file_id, None);
    assert_eq!(fru.multi_records.len(), 2);
    assert_eq!(fru.multi_records[1].record_type, 0xc0);
    assert!(fru.multi_records[1].end_of_list);
    // ipmitool 1.8.19 never prints FRU file ids; `fields()` has them.
    assert!(
        !fru.ipmitool_fields()
            .iter()
            .any(|(k, _)| *k == "Board FRU ID")
    );
    let fields = fru.fields();
    assert_eq!(
        fields[0],
        ("Chassis Type", "Rack Mount Chassis".to_string())
    );
    assert!(fields.contains(&("Board Mfg Date", "Mon Jan  1 00:16:00 1996 UTC".to_string())));
    assert!(fields.contains(&("Board FRU ID", "cafe".to_string())));
    assert!(fields.contains(&("Chassis Extra", "extra1".to_string())));
    assert!(fields.contains(&("Product Asset Tag", "TAG".to_string())));
}

#[test]
fn bad_checksums_are_reported_not_fatal() {
    let mut img = fru_image(0);
    // Corrupt one byte of the board manufacturer name ("Maker" → "Baker").
    let pos = img.windows(5).position(|w| w == b"Maker").unwrap();
    img[pos] = b'B';
    let fru = decode_fru(&img).unwrap();
    let b = fru.board.as_ref().unwrap();
    assert!(!b.checksum_ok);
    assert_eq!(b.manufacturer.as_ref().unwrap().text, "Baker");
    assert!(fru.chassis.as_ref().unwrap().checksum_ok);
    assert!(!fru.checksums_ok());
    assert!(
        fru.warnings
            .iter()
            .any(|w| w.contains("board info area: bad checksum"))
    );
    // A bad header checksum is flagged too.
    let mut img = fru_image(0);
    img[6] = 0x01;
    let fru = decode_fru(&img).unwrap();
    assert!(!fru.header.checksum_ok && !fru.warnings.is_empty());
    // A multi-record with a bad payload checksum is kept and flagged.
    let mut img = fru_image(0);
    let n = img.len();
    img[n - 1] ^= 0xff;
    let fru = decode_fru(&img).unwrap();
    assert!(!fru.multi_records[1].record_checksum_ok);
}

#[test]
fn non_english_board_uses_unicode_and_truncation_is_a_warning() {
    let fru = decode_fru(&fru_image(2)).unwrap();
    // "Maker" read as UCS-2: 2 code units from 5 bytes (a trailing odd byte is dropped).
    let b = fru.board.unwrap();
    assert_eq!(b.language, 2);
    assert_eq!(b.manufacturer.unwrap().text.chars().count(), 2);
    // Cut inside the product area.
    let img = fru_image(0);
    let cut = &img[..img.len() - 20];
    let fru = decode_fru(cut).unwrap();
    assert!(fru.warnings.iter().any(|w| w.contains("product info area")));
    // Wrong format version: unsupported.
    let mut img = fru_image(0);
    img[0] = 0x02;
    assert!(matches!(
        decode_fru(&img),
        Err(DecodeError::Unsupported { .. })
    ));
}

#[test]
fn inventory_area_info() {
    let i = decode_fru_inventory_info(&[0x00, 0x02, 0x01]).unwrap();
    assert_eq!((i.size, i.word_access), (512, true));
    assert!(decode_fru_inventory_info(&[0x00]).is_err());
}

// ------------------------------------------------------------------- time --

#[test]
fn calendar_matches_gnu_date() {
    use engine::decode::time::{FRU_EPOCH_UNIX, UtcTime};
    for (secs, iso, asc) in [
        (0, "1970-01-01T00:00:00Z", "Thu Jan  1 00:00:00 1970 UTC"),
        (
            951_782_400,
            "2000-02-29T00:00:00Z",
            "Tue Feb 29 00:00:00 2000 UTC",
        ),
        (
            1_709_164_800,
            "2024-02-29T00:00:00Z",
            "Thu Feb 29 00:00:00 2024 UTC",
        ),
        (
            4_102_444_799,
            "2099-12-31T23:59:59Z",
            "Thu Dec 31 23:59:59 2099 UTC",
        ),
        (
            FRU_EPOCH_UNIX,
            "1996-01-01T00:00:00Z",
            "Mon Jan  1 00:00:00 1996 UTC",
        ),
    ] {
        let t = UtcTime::from_unix(secs);
        assert_eq!(t.iso8601(), iso);
        assert_eq!(t.asctime_utc(), asc);
    }
}

// ------------------------------------------------------------------ units --

#[test]
fn unit_texts_like_ipmitool() {
    use engine::decode::Measurement;
    use engine::decode::units::{ModifierRelation, RateUnit, SensorUnits, UNIT_NAMES, UnitCode};
    assert_eq!(UNIT_NAMES.len(), 93);
    assert_eq!(UnitCode(92).name(), "grams");
    assert_eq!(UnitCode(93).name(), "invalid");
    assert_eq!(UnitCode(65).name(), "color temp deg K");
    // Units 1 = 00h, base 1: plain.
    assert_eq!(SensorUnits::decode(0x00, 1, 0).ipmitool_text(), "degrees C");
    // Percentage without a base unit prints "percent"; with one, "% " prefix.
    assert_eq!(SensorUnits::decode(0x01, 0, 0).ipmitool_text(), "percent");
    assert_eq!(SensorUnits::decode(0x01, 6, 0).ipmitool_text(), "% Watts");
    // Modifier: bits 2:1 = 01b divide, 10b multiply.
    let u = SensorUnits::decode(0x02, 7, 22);
    assert_eq!(u.modifier_relation, ModifierRelation::Divide);
    assert_eq!(u.ipmitool_text(), "Joules/second");
    assert_eq!(
        SensorUnits::decode(0x04, 6, 24).ipmitool_text(),
        "Watts*hour"
    );
    // Rate (bits 5:3): ipmitool ignores it, `text()` shows it.
    let u = SensorUnits::decode(3 << 3, 18, 0);
    assert_eq!(u.rate, RateUnit::PerSecond);
    assert_eq!(
        (u.ipmitool_text().as_str(), u.text().as_str()),
        ("RPM", "RPM/s")
    );
    // Typed measurements.
    assert_eq!(
        SensorUnits::decode(0x00, 4, 0).measurement(12.0),
        Measurement::Volts(12.0)
    );
    assert_eq!(
        SensorUnits::decode(0x01, 0, 0).measurement(50.0),
        Measurement::Percent(50.0)
    );
    assert_eq!(
        SensorUnits::decode(3 << 3, 18, 0).measurement(1.0),
        Measurement::Other {
            value: 1.0,
            unit: "RPM/s".into()
        }
    );
    assert_eq!(SensorType(0xc3).name(), "OEM");
    assert_eq!(SensorType(0x2d).name(), "Unknown");
    assert_eq!(engine::decode::EntityId(0x1d).name(), "Fan Device");
}
