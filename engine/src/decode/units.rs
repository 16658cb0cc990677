//! Sensor units (IPMI v2.0 §43.1 "Sensor Units 1/2/3", table 43-15 unit type codes).
//!
//! Names are the ones ipmitool prints (`lib/ipmi_sdr.c` `unit_desc[]`), so our output can be
//! compared line by line with `ipmitool sdr elist` / `sensor`.

use serde::Serialize;

/// Unit names for codes 0..=92, in table 43-15 order, spelled as ipmitool spells them.
pub const UNIT_NAMES: [&str; 93] = [
    "unspecified",
    "degrees C",
    "degrees F",
    "degrees K",
    "Volts",
    "Amps",
    "Watts",
    "Joules",
    "Coulombs",
    "VA",
    "Nits",
    "lumen",
    "lux",
    "Candela",
    "kPa",
    "PSI",
    "Newton",
    "CFM",
    "RPM",
    "Hz",
    "microsecond",
    "millisecond",
    "second",
    "minute",
    "hour",
    "day",
    "week",
    "mil",
    "inches",
    "feet",
    "cu in",
    "cu feet",
    "mm",
    "cm",
    "m",
    "cu cm",
    "cu m",
    "liters",
    "fluid ounce",
    "radians",
    "steradians",
    "revolutions",
    "cycles",
    "gravities",
    "ounce",
    "pound",
    "ft-lb",
    "oz-in",
    "gauss",
    "gilberts",
    "henry",
    "millihenry",
    "farad",
    "microfarad",
    "ohms",
    "siemens",
    "mole",
    "becquerel",
    "PPM",
    "reserved",
    "Decibels",
    "DbA",
    "DbC",
    "gray",
    "sievert",
    "color temp deg K",
    "bit",
    "kilobit",
    "megabit",
    "gigabit",
    "byte",
    "kilobyte",
    "megabyte",
    "gigabyte",
    "word",
    "dword",
    "qword",
    "line",
    "hit",
    "miss",
    "retry",
    "reset",
    "overflow",
    "underrun",
    "collision",
    "packets",
    "messages",
    "characters",
    "error",
    "correctable error",
    "uncorrectable error",
    "fatal error",
    "grams",
];

/// A sensor unit type code (table 43-15).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct UnitCode(pub u8);

impl UnitCode {
    pub const UNSPECIFIED: UnitCode = UnitCode(0);
    pub const DEGREES_C: UnitCode = UnitCode(1);
    pub const DEGREES_F: UnitCode = UnitCode(2);
    pub const KELVIN: UnitCode = UnitCode(3);
    pub const VOLTS: UnitCode = UnitCode(4);
    pub const AMPS: UnitCode = UnitCode(5);
    pub const WATTS: UnitCode = UnitCode(6);
    pub const JOULES: UnitCode = UnitCode(7);
    pub const CFM: UnitCode = UnitCode(17);
    pub const RPM: UnitCode = UnitCode(18);
    pub const HZ: UnitCode = UnitCode(19);
    pub const SECOND: UnitCode = UnitCode(22);

    /// ipmitool's name for the code, `"invalid"` above 92 (as ipmitool prints).
    pub fn name(self) -> &'static str {
        UNIT_NAMES
            .get(usize::from(self.0))
            .copied()
            .unwrap_or("invalid")
    }
}

impl std::fmt::Display for UnitCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Rate unit, Sensor Units 1 bits 5:3: the reading is "per" this time base.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RateUnit {
    None,
    PerMicrosecond,
    PerMillisecond,
    PerSecond,
    PerMinute,
    PerHour,
    PerDay,
    Reserved,
}

impl RateUnit {
    /// From the 3-bit field.
    pub fn from_bits(bits: u8) -> Self {
        match bits & 0x07 {
            0 => RateUnit::None,
            1 => RateUnit::PerMicrosecond,
            2 => RateUnit::PerMillisecond,
            3 => RateUnit::PerSecond,
            4 => RateUnit::PerMinute,
            5 => RateUnit::PerHour,
            6 => RateUnit::PerDay,
            _ => RateUnit::Reserved,
        }
    }

    /// Suffix such as `"/s"`; empty for none (ipmitool ignores rate units altogether).
    pub fn suffix(self) -> &'static str {
        match self {
            RateUnit::None | RateUnit::Reserved => "",
            RateUnit::PerMicrosecond => "/us",
            RateUnit::PerMillisecond => "/ms",
            RateUnit::PerSecond => "/s",
            RateUnit::PerMinute => "/min",
            RateUnit::PerHour => "/h",
            RateUnit::PerDay => "/day",
        }
    }
}

/// How the modifier unit combines with the base unit, Sensor Units 1 bits 2:1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ModifierRelation {
    /// No modifier unit.
    None,
    /// base / modifier (e.g. CFM is not this, but "Joules/second" is).
    Divide,
    /// base * modifier.
    Multiply,
    /// `11b`, reserved.
    Reserved,
}

impl ModifierRelation {
    /// From the 2-bit field.
    pub fn from_bits(bits: u8) -> Self {
        match bits & 0x03 {
            0 => ModifierRelation::None,
            1 => ModifierRelation::Divide,
            2 => ModifierRelation::Multiply,
            _ => ModifierRelation::Reserved,
        }
    }
}

/// The units of a sensor, decoded from Sensor Units 1, 2 and 3 (§43.1 bytes 21–23).
/// The analog data format (bits 7:6 of Units 1) lives in
/// [`AnalogFormat`](super::conversion::AnalogFormat) because it is about conversion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct SensorUnits {
    pub rate: RateUnit,
    pub modifier_relation: ModifierRelation,
    /// Units 1 bit 0: the reading is a percentage.
    pub percentage: bool,
    pub base: UnitCode,
    pub modifier: UnitCode,
}

impl SensorUnits {
    /// Decodes the three unit bytes.
    pub fn decode(units1: u8, base: u8, modifier: u8) -> Self {
        SensorUnits {
            rate: RateUnit::from_bits(units1 >> 3),
            modifier_relation: ModifierRelation::from_bits(units1 >> 1),
            percentage: units1 & 0x01 != 0,
            base: UnitCode(base),
            modifier: UnitCode(modifier),
        }
    }

    /// The unit text exactly as ipmitool prints it (`ipmi_sdr_get_unit_string`): "percent"
    /// alone for a unitless percentage, otherwise an optional `"% "` prefix, the base name,
    /// and `/modifier` or `*modifier`. Rate units are not shown (ipmitool ignores them).
    pub fn ipmitool_text(&self) -> String {
        let pct = if self.percentage { "% " } else { "" };
        match self.modifier_relation {
            ModifierRelation::Multiply => format!("{pct}{}*{}", self.base, self.modifier),
            ModifierRelation::Divide => format!("{pct}{}/{}", self.base, self.modifier),
            ModifierRelation::None | ModifierRelation::Reserved => {
                if self.base.0 == 0 && self.percentage {
                    "percent".to_string()
                } else {
                    format!("{pct}{}", self.base)
                }
            }
        }
    }

    /// Like [`ipmitool_text`](Self::ipmitool_text) plus the rate suffix ("RPM/s").
    pub fn text(&self) -> String {
        format!("{}{}", self.ipmitool_text(), self.rate.suffix())
    }
}

impl std::fmt::Display for SensorUnits {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text())
    }
}

/// A converted reading with a typed unit, for the units the UI treats specially; everything
/// else keeps its unit text. Percentages are `Percent` whatever the base unit.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "unit", content = "value", rename_all = "snake_case")]
pub enum Measurement {
    Celsius(f64),
    Fahrenheit(f64),
    Kelvin(f64),
    Volts(f64),
    Amps(f64),
    Watts(f64),
    Joules(f64),
    Rpm(f64),
    Cfm(f64),
    Hertz(f64),
    Percent(f64),
    /// Any other unit, with ipmitool's unit text.
    Other {
        value: f64,
        unit: String,
    },
}

impl Measurement {
    /// The number.
    pub fn value(&self) -> f64 {
        match self {
            Measurement::Celsius(v)
            | Measurement::Fahrenheit(v)
            | Measurement::Kelvin(v)
            | Measurement::Volts(v)
            | Measurement::Amps(v)
            | Measurement::Watts(v)
            | Measurement::Joules(v)
            | Measurement::Rpm(v)
            | Measurement::Cfm(v)
            | Measurement::Hertz(v)
            | Measurement::Percent(v) => *v,
            Measurement::Other { value, .. } => *value,
        }
    }
}

impl SensorUnits {
    /// Types a converted value by these units. Units with a modifier or a rate are `Other`
    /// (an "RPM/s" is not an RPM).
    pub fn measurement(&self, value: f64) -> Measurement {
        if self.percentage && self.modifier_relation == ModifierRelation::None {
            return Measurement::Percent(value);
        }
        if self.modifier_relation != ModifierRelation::None || self.rate != RateUnit::None {
            return Measurement::Other {
                value,
                unit: self.text(),
            };
        }
        match self.base {
            UnitCode::DEGREES_C => Measurement::Celsius(value),
            UnitCode::DEGREES_F => Measurement::Fahrenheit(value),
            UnitCode::KELVIN => Measurement::Kelvin(value),
            UnitCode::VOLTS => Measurement::Volts(value),
            UnitCode::AMPS => Measurement::Amps(value),
            UnitCode::WATTS => Measurement::Watts(value),
            UnitCode::JOULES => Measurement::Joules(value),
            UnitCode::RPM => Measurement::Rpm(value),
            UnitCode::CFM => Measurement::Cfm(value),
            UnitCode::HZ => Measurement::Hertz(value),
            _ => Measurement::Other {
                value,
                unit: self.text(),
            },
        }
    }
}
