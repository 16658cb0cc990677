//! Texts for event offsets and discrete states (IPMI v2.0 §42.1, tables 42-2 and 42-3).
//!
//! An event/reading type code picks the table: 01h threshold and 02h–0Ch generic discrete
//! use table 42-2 keyed by the type code; 6Fh uses table 42-3 keyed by the sensor type. The
//! 4-bit offset (event data 1 bits 3:0, or the bit position in a discrete state mask)
//! selects the row. Wording is ipmitool's, from [`super::event_tables`].

use serde::Serialize;

use super::event_tables::{EventTextRow, GENERIC, SENSOR_SPECIFIC};
use super::sensor_type::{EventReadingType, SensorType};

fn table_for(
    event_type: EventReadingType,
    sensor_type: SensorType,
) -> Option<(&'static [EventTextRow], u8)> {
    if event_type.is_sensor_specific() {
        Some((SENSOR_SPECIFIC, sensor_type.0))
    } else if event_type.is_threshold() || event_type.is_generic_discrete() {
        Some((GENERIC, event_type.0))
    } else {
        None
    }
}

/// The verbatim ipmitool text for an event offset (trailing spaces included, e.g.
/// `"Lower Critical going low "`), following ipmitool's lookup: the first row for the
/// offset whose required data 2 is "any", or equals `data2` when event data 2 is specified.
/// `data2` is `Some` only when event data 1 bits 7:6 say byte 2 holds something.
pub fn ipmitool_offset_text(
    event_type: EventReadingType,
    sensor_type: SensorType,
    offset: u8,
    data2: Option<u8>,
) -> Option<&'static str> {
    let (table, code) = table_for(event_type, sensor_type)?;
    table
        .iter()
        .find(|(c, o, d, _)| {
            *c == code
                && *o == offset
                && match d {
                    None => true,
                    Some(want) => data2 == Some(*want),
                }
        })
        .map(|row| row.3)
}

/// The text for an event offset, trimmed; `None` when neither table has one (OEM types,
/// reserved offsets).
pub fn offset_text(
    event_type: EventReadingType,
    sensor_type: SensorType,
    offset: u8,
    data2: Option<u8>,
) -> Option<&'static str> {
    ipmitool_offset_text(event_type, sensor_type, offset, data2).map(str::trim_end)
}

/// The general text for a state offset, ignoring data-2-specific rows where a generic row
/// exists (used for discrete state masks, which carry no event data).
pub fn state_text(
    event_type: EventReadingType,
    sensor_type: SensorType,
    offset: u8,
) -> Option<&'static str> {
    let (table, code) = table_for(event_type, sensor_type)?;
    let rows = || {
        table
            .iter()
            .filter(|(c, o, _, _)| *c == code && *o == offset)
    };
    rows()
        .find(|(_, _, d, _)| d.is_none())
        .or_else(|| rows().next())
        .map(|row| row.3.trim_end())
}

/// One asserted discrete state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiscreteState {
    /// Bit position 0–14 in the state mask (= event offset).
    pub offset: u8,
    /// Text, or `"State N"`-style fallback when the tables have none.
    pub text: String,
}

/// Expands a 15-bit discrete state mask (Get Sensor Reading bytes 3–4, bit 15 ignored) into
/// the asserted states, lowest offset first.
pub fn discrete_states(
    event_type: EventReadingType,
    sensor_type: SensorType,
    mask: u16,
) -> Vec<DiscreteState> {
    (0u8..15)
        .filter(|bit| mask & (1u16 << bit) != 0)
        .map(|offset| DiscreteState {
            offset,
            text: state_text(event_type, sensor_type, offset)
                .map(str::to_string)
                .unwrap_or_else(|| format!("State {offset}")),
        })
        .collect()
}

/// Which of the six thresholds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Threshold {
    LowerNonCritical,
    LowerCritical,
    LowerNonRecoverable,
    UpperNonCritical,
    UpperCritical,
    UpperNonRecoverable,
}

impl Threshold {
    /// All six, in Get Sensor Thresholds order (LNC, LC, LNR, UNC, UC, UNR).
    pub const ALL: [Threshold; 6] = [
        Threshold::LowerNonCritical,
        Threshold::LowerCritical,
        Threshold::LowerNonRecoverable,
        Threshold::UpperNonCritical,
        Threshold::UpperCritical,
        Threshold::UpperNonRecoverable,
    ];

    /// The bit of this threshold in readable/settable/status masks (bit 0 LNC … bit 5 UNR).
    pub fn mask_bit(self) -> u8 {
        match self {
            Threshold::LowerNonCritical => 0x01,
            Threshold::LowerCritical => 0x02,
            Threshold::LowerNonRecoverable => 0x04,
            Threshold::UpperNonCritical => 0x08,
            Threshold::UpperCritical => 0x10,
            Threshold::UpperNonRecoverable => 0x20,
        }
    }

    /// ipmitool's short column name ("lnc", "lcr", "lnr", "unc", "ucr", "unr").
    pub fn short_name(self) -> &'static str {
        match self {
            Threshold::LowerNonCritical => "lnc",
            Threshold::LowerCritical => "lcr",
            Threshold::LowerNonRecoverable => "lnr",
            Threshold::UpperNonCritical => "unc",
            Threshold::UpperCritical => "ucr",
            Threshold::UpperNonRecoverable => "unr",
        }
    }

    /// Upper thresholds.
    pub fn is_upper(self) -> bool {
        matches!(
            self,
            Threshold::UpperNonCritical | Threshold::UpperCritical | Threshold::UpperNonRecoverable
        )
    }
}

/// A threshold event offset (table 42-2, type 01h): offsets 0–11 are
/// `threshold × {going low, going high}`; even = going low, odd = going high.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct ThresholdEvent {
    pub threshold: Threshold,
    pub going_high: bool,
}

impl ThresholdEvent {
    /// From a 4-bit offset; `None` for 12–15 (reserved).
    pub fn from_offset(offset: u8) -> Option<Self> {
        let threshold = match offset >> 1 {
            0 => Threshold::LowerNonCritical,
            1 => Threshold::LowerCritical,
            2 => Threshold::LowerNonRecoverable,
            3 => Threshold::UpperNonCritical,
            4 => Threshold::UpperCritical,
            5 => Threshold::UpperNonRecoverable,
            _ => return None,
        };
        Some(ThresholdEvent {
            threshold,
            going_high: offset & 1 == 1,
        })
    }

    /// The offset 0–11.
    pub fn offset(self) -> u8 {
        let base = match self.threshold {
            Threshold::LowerNonCritical => 0,
            Threshold::LowerCritical => 2,
            Threshold::LowerNonRecoverable => 4,
            Threshold::UpperNonCritical => 6,
            Threshold::UpperCritical => 8,
            Threshold::UpperNonRecoverable => 10,
        };
        base + u8::from(self.going_high)
    }

    /// Whether this is the "leaving the normal range" direction (lower going low, upper
    /// going high). The other direction is the return edge that some BMCs also log.
    pub fn is_excursion(self) -> bool {
        self.threshold.is_upper() == self.going_high
    }
}
