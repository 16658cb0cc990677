//! What `poll_sensors` returns for each sensor.

use serde::Serialize;

/// Threshold values converted to the sensor's unit (`None` = not readable / not set).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Thresholds {
    pub lower_non_recoverable: Option<f64>,
    pub lower_critical: Option<f64>,
    pub lower_non_critical: Option<f64>,
    pub upper_non_critical: Option<f64>,
    pub upper_critical: Option<f64>,
    pub upper_non_recoverable: Option<f64>,
}

/// Threshold hysteresis: how far a reading must come back past a threshold before the BMC
/// re-arms it. Raw counts as the BMC reports them, and in the sensor's unit where that is one
/// distance (linear sensors; through a non-linear L the same counts span different distances
/// at each threshold, so there only the counts are given).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Hysteresis {
    pub positive_raw: u8,
    pub negative_raw: u8,
    pub positive: Option<f64>,
    pub negative: Option<f64>,
}

/// Whether a reading could be taken. Unavailable sensors are values, not errors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReadingStatus {
    Ok,
    /// Get Sensor Reading's "reading unavailable" bit (35.14, byte 2 bit 5).
    Unavailable,
    /// "sensor scanning disabled" (byte 2 bit 6 clear).
    ScanningDisabled,
    /// Completion code 0xCB: the sensor is not present.
    NotPresent,
    /// Owned by another controller (IPMB bridging is not implemented) or event-only.
    NotReadable,
    /// The BMC answered with another completion code; see `error`.
    Error,
}

/// One logical sensor (shared compact records are expanded, one entry per instance).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SensorValue {
    pub name: String,
    pub number: u8,
    pub lun: u8,
    /// Owner's slave address (0x20 = the BMC).
    pub owner: u8,
    /// Entity "id.instance" as ipmitool prints it (e.g. "3.1").
    pub entity: String,
    pub entity_name: &'static str,
    pub sensor_type: &'static str,
    pub sensor_type_code: u8,
    pub event_reading_type: u8,
    /// "threshold" or "discrete".
    pub kind: &'static str,
    pub status: ReadingStatus,
    /// The raw reading byte, when read.
    pub raw: Option<u8>,
    /// Converted value (threshold sensors with an analog reading).
    pub value: Option<f64>,
    /// One conversion step at this reading: the value's resolution.
    pub step: Option<f64>,
    /// Unit as ipmitool prints it ("degrees C", "RPM", "Volts").
    pub unit: Option<String>,
    /// "ok", "nc", "cr", "nr" or "na" (threshold sensors).
    pub threshold_state: Option<&'static str>,
    pub thresholds: Option<Thresholds>,
    /// `None` when the sensor has no (or an unspecified) hysteresis.
    pub hysteresis: Option<Hysteresis>,
    /// Asserted state bits (discrete sensors), bit n = offset n.
    pub state_bits: Option<u16>,
    /// Texts of the asserted states (generic or sensor-specific tables, 42.1–42.2).
    pub states: Vec<String>,
    pub error: Option<String>,
}
