//! Raw reading ↔ value conversion (IPMI v2.0 §36.3, §43.1 bytes 24–30, §35.5).
//!
//! `y = L[(M·x + B·10^Bexp)·10^Rexp]` where `x` is the raw byte read as unsigned, 1's
//! complement or 2's complement (Sensor Units 1 bits 7:6), M and B are signed 10-bit, the
//! exponents signed 4-bit, and L the linearization function. Non-linear sensors (70h–7Fh)
//! carry no usable factors in the SDR: the factors depend on the reading and come from Get
//! Sensor Reading Factors (§35.5), decoded here by [`decode_reading_factors`].

use serde::Serialize;

use super::bytes::{byte, sign_extend, slice};
use super::error::Result;

/// How the raw reading byte is to be interpreted (Sensor Units 1 bits 7:6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AnalogFormat {
    Unsigned,
    OnesComplement,
    TwosComplement,
    /// `11b`: the sensor has no numeric reading.
    NoAnalogReading,
}

impl AnalogFormat {
    /// From bits 7:6 of Sensor Units 1.
    pub fn from_units1(units1: u8) -> Self {
        match units1 >> 6 {
            0 => AnalogFormat::Unsigned,
            1 => AnalogFormat::OnesComplement,
            2 => AnalogFormat::TwosComplement,
            _ => AnalogFormat::NoAnalogReading,
        }
    }

    /// The signed integer value of a raw byte in this format. For 1's complement both
    /// 00h and FFh are zero. `None` without an analog reading.
    pub fn raw_to_int(self, raw: u8) -> Option<i16> {
        match self {
            AnalogFormat::Unsigned => Some(i16::from(raw)),
            AnalogFormat::OnesComplement => Some(if raw & 0x80 != 0 {
                -i16::from(!raw)
            } else {
                i16::from(raw)
            }),
            AnalogFormat::TwosComplement => Some(i16::from(raw as i8)),
            AnalogFormat::NoAnalogReading => None,
        }
    }

    /// The raw byte encoding an integer, if representable.
    pub fn int_to_raw(self, x: i16) -> Option<u8> {
        match self {
            AnalogFormat::Unsigned => u8::try_from(x).ok(),
            AnalogFormat::OnesComplement => {
                if (0..=127).contains(&x) {
                    Some(x as u8)
                } else if (-127..0).contains(&x) {
                    Some(!((-x) as u8))
                } else {
                    None
                }
            }
            AnalogFormat::TwosComplement => i8::try_from(x).ok().map(|v| v as u8),
            AnalogFormat::NoAnalogReading => None,
        }
    }

    /// The integer range of raw values in this format.
    pub fn int_range(self) -> Option<(i16, i16)> {
        match self {
            AnalogFormat::Unsigned => Some((0, 255)),
            AnalogFormat::OnesComplement => Some((-127, 127)),
            AnalogFormat::TwosComplement => Some((-128, 127)),
            AnalogFormat::NoAnalogReading => None,
        }
    }
}

/// The linearization function L (§43.1 byte 24, enum 00h–0Bh; 70h–7Fh non-linear).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "code")]
pub enum Linearization {
    Linear,
    Ln,
    Log10,
    Log2,
    E,
    Exp10,
    Exp2,
    /// 1/x
    Inverse,
    /// x²
    Sqr,
    /// x³
    Cube,
    /// √x
    Sqrt,
    /// ∛x
    CubeRoot,
    /// 70h–7Fh: factors come from Get Sensor Reading Factors; once those are supplied the
    /// conversion itself is linear.
    NonLinear(u8),
    /// Any other code (0Ch–6Fh): treated as linear, as ipmitool does.
    Reserved(u8),
}

impl Linearization {
    /// From the linearization byte (bit 7 is reserved and ignored).
    pub fn from_byte(b: u8) -> Self {
        match b & 0x7f {
            0x00 => Linearization::Linear,
            0x01 => Linearization::Ln,
            0x02 => Linearization::Log10,
            0x03 => Linearization::Log2,
            0x04 => Linearization::E,
            0x05 => Linearization::Exp10,
            0x06 => Linearization::Exp2,
            0x07 => Linearization::Inverse,
            0x08 => Linearization::Sqr,
            0x09 => Linearization::Cube,
            0x0a => Linearization::Sqrt,
            0x0b => Linearization::CubeRoot,
            c @ 0x70..=0x7f => Linearization::NonLinear(c),
            c => Linearization::Reserved(c),
        }
    }

    /// The enum code.
    pub fn code(self) -> u8 {
        match self {
            Linearization::Linear => 0,
            Linearization::Ln => 1,
            Linearization::Log10 => 2,
            Linearization::Log2 => 3,
            Linearization::E => 4,
            Linearization::Exp10 => 5,
            Linearization::Exp2 => 6,
            Linearization::Inverse => 7,
            Linearization::Sqr => 8,
            Linearization::Cube => 9,
            Linearization::Sqrt => 10,
            Linearization::CubeRoot => 11,
            Linearization::NonLinear(c) | Linearization::Reserved(c) => c,
        }
    }

    /// Applies L.
    pub fn apply(self, v: f64) -> f64 {
        match self {
            Linearization::Linear | Linearization::NonLinear(_) | Linearization::Reserved(_) => v,
            Linearization::Ln => v.ln(),
            Linearization::Log10 => v.log10(),
            Linearization::Log2 => v.log2(),
            Linearization::E => v.exp(),
            Linearization::Exp10 => 10f64.powf(v),
            Linearization::Exp2 => v.exp2(),
            Linearization::Inverse => 1.0 / v,
            Linearization::Sqr => v * v,
            Linearization::Cube => v * v * v,
            Linearization::Sqrt => v.sqrt(),
            Linearization::CubeRoot => v.cbrt(),
        }
    }

    /// Whether the raw value must be converted with factors from Get Sensor Reading Factors.
    pub fn is_non_linear(self) -> bool {
        matches!(self, Linearization::NonLinear(_))
    }
}

/// M, B, exponents, tolerance and accuracy: the six factor bytes shared by the full sensor
/// record (bytes 25–30) and the Get Sensor Reading Factors response (bytes 3–8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct ConversionFactors {
    /// Signed 10-bit multiplier.
    pub m: i16,
    /// Signed 10-bit offset.
    pub b: i16,
    /// Signed 4-bit exponent applied to B.
    pub b_exp: i8,
    /// Signed 4-bit result exponent.
    pub r_exp: i8,
    /// Tolerance, 6 bits, in ±½ raw counts.
    pub tolerance: u8,
    /// Accuracy, unsigned 10 bits, in 1/100 % units scaled by `10^accuracy_exp`.
    pub accuracy: u16,
    /// Accuracy exponent, unsigned 2 bits.
    pub accuracy_exp: u8,
}

impl ConversionFactors {
    /// Decodes the six bytes M-LS, M-MS|tolerance, B-LS, B-MS|accuracy-LS,
    /// accuracy-MS|accuracy-exp|direction, Rexp|Bexp. Bits 1:0 of byte 5 (sensor direction
    /// in the SDR) are not a factor and are ignored here.
    pub fn from_bytes(b: [u8; 6]) -> Self {
        let [m_ls, m_ms_tol, b_ls, b_ms_acc, acc_ms, exps] = b;
        ConversionFactors {
            m: sign_extend(u16::from(m_ls) | (u16::from(m_ms_tol >> 6) << 8), 10),
            tolerance: m_ms_tol & 0x3f,
            b: sign_extend(u16::from(b_ls) | (u16::from(b_ms_acc >> 6) << 8), 10),
            accuracy: u16::from(b_ms_acc & 0x3f) | (u16::from(acc_ms >> 4) << 6),
            accuracy_exp: (acc_ms >> 2) & 0x03,
            r_exp: sign_extend(u16::from(exps >> 4), 4) as i8,
            b_exp: sign_extend(u16::from(exps & 0x0f), 4) as i8,
        }
    }

    /// Decodes from a slice holding at least six bytes.
    pub fn decode(b: &[u8]) -> Result<Self> {
        let s = slice(b, 0, 6, "conversion factors")?;
        let mut a = [0u8; 6];
        a.copy_from_slice(s);
        Ok(Self::from_bytes(a))
    }

    /// Accuracy in percent: `accuracy · 10^accuracy_exp / 100`.
    pub fn accuracy_percent(&self) -> f64 {
        f64::from(self.accuracy) * 10f64.powi(i32::from(self.accuracy_exp)) / 100.0
    }
}

/// The Get Sensor Reading Factors response (§35.5), after the completion code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct ReadingFactors {
    /// The next raw reading at which the factors change (ask again from there).
    pub next_reading: u8,
    pub factors: ConversionFactors,
}

/// Decodes a Get Sensor Reading Factors response body (completion code stripped).
pub fn decode_reading_factors(body: &[u8]) -> Result<ReadingFactors> {
    let next_reading = byte(body, 0, "Get Sensor Reading Factors response")?;
    let factors = ConversionFactors::decode(body.get(1..).unwrap_or_default())?;
    Ok(ReadingFactors {
        next_reading,
        factors,
    })
}

/// Everything needed to turn a raw reading into a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Conversion {
    pub format: AnalogFormat,
    pub linearization: Linearization,
    pub factors: ConversionFactors,
}

impl Conversion {
    /// The same conversion with factors from Get Sensor Reading Factors (for non-linear
    /// sensors); the linearization stays as declared and applies as linear.
    pub fn with_factors(self, factors: ConversionFactors) -> Self {
        Conversion { factors, ..self }
    }

    /// The value before linearization for integer x.
    fn linear(&self, x: i16) -> f64 {
        let f = &self.factors;
        (f64::from(f.m) * f64::from(x) + f64::from(f.b) * 10f64.powi(i32::from(f.b_exp)))
            * 10f64.powi(i32::from(f.r_exp))
    }

    /// Converts a raw reading. `None` when the sensor has no analog reading or the result is
    /// not a finite number (e.g. 1/x at x = 0, ln of a negative number).
    pub fn to_value(&self, raw: u8) -> Option<f64> {
        let x = self.format.raw_to_int(raw)?;
        let v = self.linearization.apply(self.linear(x));
        v.is_finite().then_some(v)
    }

    /// The raw byte whose converted value is nearest to `value` (ties go to the smaller
    /// integer). Works for every linearization, monotonic or not, by trying all raw values.
    pub fn to_raw(&self, value: f64) -> Option<u8> {
        if !value.is_finite() {
            return None;
        }
        let (lo, hi) = self.format.int_range()?;
        let mut best: Option<(f64, u8)> = None;
        for x in lo..=hi {
            let Some(raw) = self.format.int_to_raw(x) else {
                continue;
            };
            let Some(v) = self.to_value(raw) else {
                continue;
            };
            let d = (v - value).abs();
            if best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, raw));
            }
        }
        best.map(|(_, r)| r)
    }

    /// One conversion step at `raw`: the absolute difference to the value one raw count
    /// higher (or lower at the top of the range). This is the resolution a threshold or
    /// reading can be shown with.
    pub fn step(&self, raw: u8) -> Option<f64> {
        let x = self.format.raw_to_int(raw)?;
        let (lo, hi) = self.format.int_range()?;
        let other = if x < hi { x + 1 } else { (x - 1).max(lo) };
        let v0 = self.linearization.apply(self.linear(x));
        let v1 = self.linearization.apply(self.linear(other));
        let d = (v1 - v0).abs();
        d.is_finite().then_some(d)
    }

    /// Converts a hysteresis value: `M·x·10^Rexp` through L, without B (hysteresis is a
    /// difference of raw counts, so the offset cancels). This is ipmitool's figure; it is
    /// exact for linear sensors only, since through a non-linear L the same counts span a
    /// different distance at each point: use [`hysteresis_at`](Self::hysteresis_at) there.
    pub fn hysteresis_value(&self, raw: u8) -> Option<f64> {
        let f = &self.factors;
        let v = f64::from(f.m) * f64::from(raw) * 10f64.powi(i32::from(f.r_exp));
        let v = self.linearization.apply(v);
        v.is_finite().then_some(v)
    }

    /// The distance in units that `counts` raw counts of hysteresis span from threshold
    /// `raw` (toward lower raw values, where a going-high threshold re-arms), for any L.
    pub fn hysteresis_at(&self, raw: u8, counts: u8) -> Option<f64> {
        let x = self.format.raw_to_int(raw)?;
        let (lo, _) = self.format.int_range()?;
        let other = (x - i16::from(counts)).max(lo);
        let a = self.linearization.apply(self.linear(x));
        let b = self.linearization.apply(self.linear(other));
        let d = (a - b).abs();
        d.is_finite().then_some(d)
    }

    /// Tolerance in units of the reading: `±tolerance/2` raw counts times `M·10^Rexp`
    /// (meaningful for linear sensors).
    pub fn tolerance_value(&self) -> f64 {
        let f = &self.factors;
        f64::from(f.tolerance) / 2.0 * f64::from(f.m) * 10f64.powi(i32::from(f.r_exp))
    }
}

/// Formats a value as ipmitool does in `sdr elist` and SEL lines (`%.*f` with 0 decimals
/// for whole numbers, else 2): `92`, `0.30`, `6451.61`, `-49`.
pub fn format_ipmitool(v: f64) -> String {
    if v == v.trunc() {
        format!("{v:.0}")
    } else {
        format!("{v:.2}")
    }
}
