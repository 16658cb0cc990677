//! Shared helpers for the decoder golden tests: fixture loading and hex parsing.
#![allow(dead_code)]

use std::path::PathBuf;

/// Path of a fixture under `tests/fixtures/decode/`.
pub fn fixture_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/decode")
        .join(name)
}

/// Fixture bytes.
pub fn fixture_bytes(name: &str) -> Vec<u8> {
    std::fs::read(fixture_path(name)).unwrap_or_else(|e| panic!("fixture {name}: {e}"))
}

/// Fixture text.
pub fn fixture_text(name: &str) -> String {
    std::fs::read_to_string(fixture_path(name)).unwrap_or_else(|e| panic!("fixture {name}: {e}"))
}

/// Parses whitespace-separated hex bytes ("5c c0 18 00").
pub fn hex(s: &str) -> Vec<u8> {
    s.split_whitespace()
        .map(|b| u8::from_str_radix(b.trim_start_matches("0x"), 16).expect("hex byte"))
        .collect()
}

/// Splits an ipmitool table line on `|` and trims each cell.
pub fn cells(line: &str) -> Vec<String> {
    line.split('|').map(|c| c.trim().to_string()).collect()
}
