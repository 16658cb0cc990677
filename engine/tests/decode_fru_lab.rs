//! Golden tests: the lab BMC's three FRU images (`ipmitool fru read N FILE`) decoded and
//! compared with `ipmitool fru print`.

mod decode_common;

use decode_common::{fixture_bytes, fixture_text};
use engine::decode::decode_fru;

/// `fru print` output split per device: the " Label : value" lines of each.
fn expected() -> Vec<Vec<(String, String)>> {
    let mut out: Vec<Vec<(String, String)>> = Vec::new();
    for line in fixture_text("lab-fru-print.txt").lines() {
        if line.starts_with("FRU Device Description") {
            out.push(Vec::new());
        } else if let Some((k, v)) = line.split_once(" : ") {
            out.last_mut()
                .unwrap()
                .push((k.trim().to_string(), v.trim().to_string()));
        }
    }
    out
}

#[test]
fn fru_print_matches_ipmitool() {
    let expected = expected();
    assert_eq!(expected.len(), 3);
    for (i, want) in expected.iter().enumerate() {
        let fru = decode_fru(&fixture_bytes(&format!("lab-fru{i}.bin"))).unwrap();
        assert!(fru.checksums_ok(), "FRU {i}: {:?}", fru.warnings);
        assert!(fru.warnings.is_empty(), "FRU {i}: {:?}", fru.warnings);
        let got: Vec<(String, String)> = fru
            .ipmitool_fields()
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
        assert_eq!(&got, want, "FRU {i}");
    }
}

#[test]
fn board_date_is_minutes_since_1996() {
    let fru = decode_fru(&fixture_bytes("lab-fru0.bin")).unwrap();
    let board = fru.board.unwrap();
    assert_eq!(board.mfg_time().unwrap().iso8601(), "2024-03-18T09:30:00Z");
}
