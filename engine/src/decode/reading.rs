//! Responses of the sensor commands (IPMI v2.0 §35): Get Sensor Reading (35.14), Get Sensor
//! Thresholds (35.9) and Get Sensor Hysteresis (35.7). Bodies are passed without the
//! completion code.

use serde::Serialize;

use super::bytes::byte;
use super::error::Result;
use super::event_text::Threshold;
use super::sdr::RawThresholds;

/// The ipmitool status column: `ok`, `nc`, `cr`, `nr`, or `na` when no reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ThresholdState {
    Ok,
    NonCritical,
    Critical,
    NonRecoverable,
    NotAvailable,
}

impl ThresholdState {
    /// ipmitool's short text.
    pub fn ipmitool_str(self) -> &'static str {
        match self {
            ThresholdState::Ok => "ok",
            ThresholdState::NonCritical => "nc",
            ThresholdState::Critical => "cr",
            ThresholdState::NonRecoverable => "nr",
            ThresholdState::NotAvailable => "na",
        }
    }
}

impl std::fmt::Display for ThresholdState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.ipmitool_str())
    }
}

/// Threshold comparison status (Get Sensor Reading byte 4 for threshold sensors): which
/// thresholds the present reading is at or beyond.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
pub struct ThresholdStatus {
    /// Bits 5:0: bit 0 at or below LNC, 1 ≤ LC, 2 ≤ LNR, 3 ≥ UNC, 4 ≥ UC, 5 ≥ UNR.
    pub bits: u8,
}

impl ThresholdStatus {
    /// Whether the reading is at or beyond threshold `t`.
    pub fn crossed(&self, t: Threshold) -> bool {
        self.bits & t.mask_bit() != 0
    }

    /// The most severe crossed threshold class, as ipmitool ranks them (non-recoverable,
    /// then critical, then non-critical).
    pub fn state(&self) -> ThresholdState {
        let b = self.bits;
        if b & 0x24 != 0 {
            ThresholdState::NonRecoverable
        } else if b & 0x12 != 0 {
            ThresholdState::Critical
        } else if b & 0x09 != 0 {
            ThresholdState::NonCritical
        } else {
            ThresholdState::Ok
        }
    }

    /// The status column of `ipmitool sdr elist`, which names the side: `lnr`, `unr`,
    /// `lcr`, `ucr`, `lnc`, `unc` or `ok` (checked in that order, as ipmitool does).
    /// `ipmitool sensor` prints the side-less [`ThresholdState`] instead.
    pub fn ipmitool_sdr_status(&self) -> &'static str {
        let b = self.bits;
        [
            (0x04, "lnr"),
            (0x20, "unr"),
            (0x02, "lcr"),
            (0x10, "ucr"),
            (0x01, "lnc"),
            (0x08, "unc"),
        ]
        .into_iter()
        .find(|(m, _)| b & m != 0)
        .map_or("ok", |(_, s)| s)
    }
}

/// A decoded Get Sensor Reading response.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct SensorReading {
    /// The raw reading byte (convert with the SDR's conversion).
    pub raw: u8,
    /// Byte 2 bit 7 (inverted sense in the spec: 0 = all event messages disabled).
    pub event_messages_enabled: bool,
    /// Byte 2 bit 6 (0 = sensor scanning disabled).
    pub scanning_enabled: bool,
    /// Byte 2 bit 5: reading/state unavailable (e.g. still initializing).
    pub unavailable: bool,
    /// Byte 3 bits 5:0 for threshold sensors (0 when absent).
    pub threshold_status: ThresholdStatus,
    /// Bytes 3–4 as the discrete state mask, bit 0 = offset 0 … bit 14 = offset 14 (byte 4
    /// is optional; bit 15 is reserved and cleared).
    pub discrete_states: u16,
    /// Whether byte 3 was present (some BMCs omit it for sensors without states).
    pub has_state_byte: bool,
}

impl SensorReading {
    /// Whether the raw byte is a usable reading: scanning enabled and not unavailable.
    pub fn is_valid(&self) -> bool {
        self.scanning_enabled && !self.unavailable
    }

    /// The reading and status columns `ipmitool sensor` prints for a discrete sensor:
    /// `("0x82", "0x8200")`, i.e. state byte 1 alone and state bytes 1 and 2 together.
    pub fn ipmitool_discrete_columns(&self) -> (String, String) {
        let lo = (self.discrete_states & 0xff) as u8;
        let hi = (self.discrete_states >> 8) as u8;
        (format!("{lo:#x}"), format!("0x{lo:02x}{hi:02x}"))
    }

    /// The threshold state as ipmitool shows it: `na` when the reading is not valid.
    pub fn threshold_state(&self) -> ThresholdState {
        if self.is_valid() {
            self.threshold_status.state()
        } else {
            ThresholdState::NotAvailable
        }
    }
}

/// Decodes a Get Sensor Reading response body (completion code stripped): at least the
/// reading and the flags byte; the state bytes are optional.
pub fn decode_sensor_reading(body: &[u8]) -> Result<SensorReading> {
    const W: &str = "Get Sensor Reading response";
    let raw = byte(body, 0, W)?;
    let flags = byte(body, 1, W)?;
    let s1 = body.get(2).copied();
    let s2 = body.get(3).copied().unwrap_or(0);
    Ok(SensorReading {
        raw,
        event_messages_enabled: flags & 0x80 != 0,
        scanning_enabled: flags & 0x40 != 0,
        unavailable: flags & 0x20 != 0,
        threshold_status: ThresholdStatus {
            bits: s1.unwrap_or(0) & 0x3f,
        },
        discrete_states: (u16::from(s1.unwrap_or(0)) | (u16::from(s2) << 8)) & 0x7fff,
        has_state_byte: s1.is_some(),
    })
}

/// A decoded Get Sensor Thresholds response.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct SensorThresholds {
    /// Readable mask (bit 0 LNC … bit 5 UNR).
    pub readable: u8,
    /// Raw threshold values, `None` where not readable.
    pub thresholds: RawThresholds,
}

/// Decodes a Get Sensor Thresholds response body: mask, then LNC, LC, LNR, UNC, UC, UNR.
pub fn decode_sensor_thresholds(body: &[u8]) -> Result<SensorThresholds> {
    const W: &str = "Get Sensor Thresholds response";
    let readable = byte(body, 0, W)? & 0x3f;
    let mut thresholds = RawThresholds::default();
    for (i, t) in Threshold::ALL.into_iter().enumerate() {
        let v = byte(body, 1 + i, W)?;
        if readable & t.mask_bit() != 0 {
            thresholds.set(t, Some(v));
        }
    }
    Ok(SensorThresholds {
        readable,
        thresholds,
    })
}

/// A decoded Get Sensor Hysteresis response (raw counts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct SensorHysteresis {
    pub positive: u8,
    pub negative: u8,
}

/// Decodes a Get Sensor Hysteresis response body.
pub fn decode_sensor_hysteresis(body: &[u8]) -> Result<SensorHysteresis> {
    const W: &str = "Get Sensor Hysteresis response";
    Ok(SensorHysteresis {
        positive: byte(body, 0, W)?,
        negative: byte(body, 1, W)?,
    })
}
