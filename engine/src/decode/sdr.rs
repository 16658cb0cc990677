//! Sensor Data Records (IPMI v2.0 §43): header, full (01h), compact (02h), event-only (03h),
//! FRU device locator (11h), management controller device locator (12h) and OEM (C0h).
//!
//! Every record is decoded from the 5-byte header plus exactly the number of body bytes the
//! header declares: BMCs (ipmi_sim among them) return padding after short records, and
//! that padding must not be read as data. A record shorter than its type needs is
//! `Truncated`; optional trailing fields (the ID string) are decoded from what is there.

use serde::Serialize;

use super::bytes::{byte, le16, le24, need};
use super::conversion::{AnalogFormat, Conversion, ConversionFactors, Linearization};
use super::error::{DecodeError, Result};
use super::event_text::Threshold;
use super::id_string::{TypedString, decode_sdr_string};
use super::sensor_type::{EntityId, EventReadingType, SensorType};
use super::units::SensorUnits;

/// An SDR record id (Get SDR request/response, §33.12).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct RecordId(pub u16);

/// A sensor number, unique per owner and LUN (not per BMC: LUN 1 and 3 sensors exist).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct SensorNumber(pub u8);

/// SDR record type codes (§43, table 43-1 headings).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct RecordType(pub u8);

impl RecordType {
    pub const FULL_SENSOR: RecordType = RecordType(0x01);
    pub const COMPACT_SENSOR: RecordType = RecordType(0x02);
    pub const EVENT_ONLY: RecordType = RecordType(0x03);
    pub const ENTITY_ASSOCIATION: RecordType = RecordType(0x08);
    pub const GENERIC_DEVICE_LOCATOR: RecordType = RecordType(0x10);
    pub const FRU_DEVICE_LOCATOR: RecordType = RecordType(0x11);
    pub const MC_DEVICE_LOCATOR: RecordType = RecordType(0x12);
    pub const OEM: RecordType = RecordType(0xc0);
}

/// Length of the SDR header (record id, version, type, length).
pub const SDR_HEADER_LEN: usize = 5;

/// The 5-byte record header (§43, bytes 1–5 of every record).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct SdrHeader {
    pub record_id: RecordId,
    /// SDR version, BCD (51h for IPMI 1.5/2.0).
    pub sdr_version: u8,
    pub record_type: RecordType,
    /// Number of bytes after the header.
    pub length: u8,
}

impl SdrHeader {
    /// Total record size: header + declared body.
    pub fn total_len(&self) -> usize {
        SDR_HEADER_LEN + usize::from(self.length)
    }
}

/// Decodes the header from the first 5 bytes.
pub fn decode_sdr_header(bytes: &[u8]) -> Result<SdrHeader> {
    need(bytes, SDR_HEADER_LEN, "SDR header")?;
    Ok(SdrHeader {
        record_id: RecordId(le16(bytes, 0, "SDR header")?),
        sdr_version: byte(bytes, 2, "SDR header")?,
        record_type: RecordType(byte(bytes, 3, "SDR header")?),
        length: byte(bytes, 4, "SDR header")?,
    })
}

/// Who owns (answers for) a sensor: byte 6–7 of sensor records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct SensorOwner {
    /// 7-bit I2C slave address or system software id (bits 7:1 of the owner id byte).
    pub id: u8,
    /// Bit 0 of the owner id: true when `id` is a system software id, not an IPMB address.
    pub software: bool,
    /// Channel number (owner LUN byte bits 7:4).
    pub channel: u8,
    /// Sensor owner LUN (bits 1:0): the LUN to send Get Sensor Reading to.
    pub lun: u8,
}

impl SensorOwner {
    fn decode(owner_id: u8, owner_lun: u8) -> Self {
        SensorOwner {
            id: owner_id >> 1,
            software: owner_id & 1 != 0,
            channel: owner_lun >> 4,
            lun: owner_lun & 0x03,
        }
    }

    /// The 8-bit slave address as written on the wire (`id << 1`), e.g. 20h for the BMC.
    pub fn slave_address(&self) -> u8 {
        self.id << 1
    }
}

/// Entity id + instance (bytes 9–10 of sensor records, §39).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct EntityInstance {
    pub id: EntityId,
    /// Instance number, 7 bits.
    pub instance: u8,
    /// Bit 7: logical container entity rather than a physical one.
    pub logical: bool,
}

impl EntityInstance {
    fn decode(id: u8, inst: u8) -> Self {
        EntityInstance {
            id: EntityId(id),
            instance: inst & 0x7f,
            logical: inst & 0x80 != 0,
        }
    }

    /// ipmitool's "id.instance" notation (e.g. "3.1"), instance 0x60+ relative as printed.
    pub fn dotted(&self) -> String {
        format!("{}.{}", self.id.0, self.instance)
    }
}

/// Sensor initialization byte (§43.1 byte 11), kept raw with the bits that matter decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct SensorInit {
    pub raw: u8,
    /// Bit 6: sensor scanning enabled at init.
    pub scanning: bool,
    /// Bit 5: event generation enabled at init.
    pub events: bool,
}

/// Sensor capabilities byte (§43.1 byte 12).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct SensorCapabilities {
    pub raw: u8,
    /// Bit 7: ignore the sensor if its entity is absent or disabled.
    pub ignore_if_entity_absent: bool,
    /// Bit 6: automatic re-arm.
    pub auto_rearm: bool,
    /// Bits 5:4: 0 none, 1 readable, 2 readable+settable, 3 fixed.
    pub hysteresis_support: u8,
    /// Bits 3:2: 0 none, 1 readable (+settable per masks), 2 fixed/unreadable, 3 none.
    pub threshold_access: u8,
    /// Bits 1:0: event message control (0 per threshold, 1 entire sensor, 2 global, 3 none).
    pub event_message_control: u8,
}

impl SensorCapabilities {
    fn decode(raw: u8) -> Self {
        SensorCapabilities {
            raw,
            ignore_if_entity_absent: raw & 0x80 != 0,
            auto_rearm: raw & 0x40 != 0,
            hysteresis_support: (raw >> 4) & 0x03,
            threshold_access: (raw >> 2) & 0x03,
            event_message_control: raw & 0x03,
        }
    }
}

/// The three 16-bit masks at bytes 15–20 of full and compact records. Their meaning depends
/// on the event/reading type: for threshold sensors they carry event masks plus threshold
/// reading/readable/settable masks, for discrete sensors event and state masks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct SensorMasks {
    /// Assertion event mask (threshold sensors: bits 14:12 lower threshold reading mask).
    pub assertion: u16,
    /// Deassertion event mask (threshold sensors: bits 14:12 upper threshold reading mask).
    pub deassertion: u16,
    /// Discrete reading mask, or for threshold sensors: settable (bits 13:8) and readable
    /// (bits 5:0) threshold masks.
    pub reading: u16,
}

impl SensorMasks {
    /// Thresholds readable (threshold sensors), bit 0 LNC … bit 5 UNR.
    pub fn readable_thresholds(&self) -> u8 {
        (self.reading & 0x3f) as u8
    }
    /// Thresholds settable (threshold sensors).
    pub fn settable_thresholds(&self) -> u8 {
        ((self.reading >> 8) & 0x3f) as u8
    }
    /// Whether threshold `t` is readable.
    pub fn is_readable(&self, t: Threshold) -> bool {
        self.readable_thresholds() & t.mask_bit() != 0
    }
    /// Whether threshold `t` is settable.
    pub fn is_settable(&self, t: Threshold) -> bool {
        self.settable_thresholds() & t.mask_bit() != 0
    }
}

/// The six thresholds of a full record as raw bytes (`None` when not readable per mask).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
pub struct RawThresholds {
    pub lower_non_critical: Option<u8>,
    pub lower_critical: Option<u8>,
    pub lower_non_recoverable: Option<u8>,
    pub upper_non_critical: Option<u8>,
    pub upper_critical: Option<u8>,
    pub upper_non_recoverable: Option<u8>,
}

impl RawThresholds {
    /// The raw value of threshold `t`.
    pub fn get(&self, t: Threshold) -> Option<u8> {
        match t {
            Threshold::LowerNonCritical => self.lower_non_critical,
            Threshold::LowerCritical => self.lower_critical,
            Threshold::LowerNonRecoverable => self.lower_non_recoverable,
            Threshold::UpperNonCritical => self.upper_non_critical,
            Threshold::UpperCritical => self.upper_critical,
            Threshold::UpperNonRecoverable => self.upper_non_recoverable,
        }
    }

    /// Sets threshold `t`.
    pub fn set(&mut self, t: Threshold, v: Option<u8>) {
        match t {
            Threshold::LowerNonCritical => self.lower_non_critical = v,
            Threshold::LowerCritical => self.lower_critical = v,
            Threshold::LowerNonRecoverable => self.lower_non_recoverable = v,
            Threshold::UpperNonCritical => self.upper_non_critical = v,
            Threshold::UpperCritical => self.upper_critical = v,
            Threshold::UpperNonRecoverable => self.upper_non_recoverable = v,
        }
    }
}

/// Fields shared by full and compact records (bytes 6–23), and mostly by event-only ones.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SensorCommon {
    pub owner: SensorOwner,
    pub number: SensorNumber,
    pub entity: EntityInstance,
    pub sensor_type: SensorType,
    pub event_reading_type: EventReadingType,
}

/// Full sensor record, type 01h (§43.1).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FullSensorRecord {
    pub header: SdrHeader,
    pub common: SensorCommon,
    pub init: SensorInit,
    pub capabilities: SensorCapabilities,
    pub masks: SensorMasks,
    pub analog_format: AnalogFormat,
    pub units: SensorUnits,
    pub linearization: Linearization,
    pub factors: ConversionFactors,
    /// Bits 1:0 of byte 29: 0 unspecified, 1 input, 2 output.
    pub direction: u8,
    /// Byte 31 bit 0: nominal reading given.
    pub nominal_specified: bool,
    /// Byte 31 bit 1: normal maximum given.
    pub normal_max_specified: bool,
    /// Byte 31 bit 2: normal minimum given.
    pub normal_min_specified: bool,
    pub nominal_reading: u8,
    pub normal_max: u8,
    pub normal_min: u8,
    pub sensor_max: u8,
    pub sensor_min: u8,
    /// The six threshold bytes as stored; unreadable ones are `None`.
    pub thresholds: RawThresholds,
    /// The threshold bytes exactly as stored (bytes 37–42: UNR, UC, UNC, LNR, LC, LNC),
    /// whatever the readable mask says.
    pub threshold_bytes: [u8; 6],
    pub positive_hysteresis: u8,
    pub negative_hysteresis: u8,
    pub oem: u8,
    pub id_string: TypedString,
}

impl FullSensorRecord {
    /// The reading conversion for this sensor.
    pub fn conversion(&self) -> Conversion {
        Conversion {
            format: self.analog_format,
            linearization: self.linearization,
            factors: self.factors,
        }
    }

    /// The sensor's name.
    pub fn name(&self) -> &str {
        &self.id_string.text
    }

    /// Whether it is a threshold sensor with a numeric reading (what ipmitool prints with a
    /// value and units).
    pub fn is_analog_threshold(&self) -> bool {
        self.common.event_reading_type.is_threshold()
            && self.analog_format != AnalogFormat::NoAnalogReading
    }
}

/// ID string instance modifier type (sharing byte 1 bits 5:4, §43.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum InstanceModifierType {
    Numeric,
    Alpha,
    /// 10b/11b, reserved; treated as numeric when expanding.
    Reserved(u8),
}

/// Record sharing for compact and event-only records (§43.2 bytes 24–25, §43.3 bytes 13–14).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct RecordSharing {
    /// Number of sensors sharing the record (0 and 1 both mean one).
    pub share_count: u8,
    pub modifier_type: InstanceModifierType,
    /// Value of the first instance's suffix (0 → "0"/"A").
    pub modifier_offset: u8,
    /// Whether the entity instance increments with each shared sensor.
    pub entity_instance_increments: bool,
}

impl RecordSharing {
    fn decode(b1: u8, b2: u8) -> Self {
        RecordSharing {
            share_count: b1 & 0x0f,
            modifier_type: match (b1 >> 4) & 0x03 {
                0 => InstanceModifierType::Numeric,
                1 => InstanceModifierType::Alpha,
                r => InstanceModifierType::Reserved(r),
            },
            modifier_offset: b2 & 0x7f,
            entity_instance_increments: b2 & 0x80 != 0,
        }
    }

    /// Number of logical sensors (at least 1).
    pub fn count(&self) -> u8 {
        self.share_count.max(1)
    }

    /// The ID string suffix of shared sensor `i` (0-based), per §43.2: numeric → decimal
    /// `offset + i`; alpha → `A`..`Z` for 0..25, then `AA`, `AB`, … (26 = "AA").
    pub fn suffix(&self, i: u8) -> String {
        let v = u32::from(self.modifier_offset) + u32::from(i);
        match self.modifier_type {
            InstanceModifierType::Alpha => alpha_suffix(v),
            _ => v.to_string(),
        }
    }
}

fn alpha_suffix(v: u32) -> String {
    let letter = |n: u32| char::from(b'A' + (n % 26) as u8);
    if v < 26 {
        letter(v).to_string()
    } else {
        // 26 → "AA": the first letter counts whole alphabets (1 → 'A').
        let mut s = alpha_suffix(v / 26 - 1);
        s.push(letter(v));
        s
    }
}

/// Compact sensor record, type 02h (§43.2): no conversion factors or thresholds other than
/// hysteresis; may describe up to 15 sensors ("record sharing").
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompactSensorRecord {
    pub header: SdrHeader,
    pub common: SensorCommon,
    pub init: SensorInit,
    pub capabilities: SensorCapabilities,
    pub masks: SensorMasks,
    pub analog_format: AnalogFormat,
    pub units: SensorUnits,
    /// Sharing byte 1 bits 7:6.
    pub direction: u8,
    pub sharing: RecordSharing,
    pub positive_hysteresis: u8,
    pub negative_hysteresis: u8,
    pub oem: u8,
    pub id_string: TypedString,
}

/// Event-only record, type 03h (§43.3): a sensor that only generates events, never read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventOnlyRecord {
    pub header: SdrHeader,
    pub common: SensorCommon,
    pub direction: u8,
    pub sharing: RecordSharing,
    pub oem: u8,
    pub id_string: TypedString,
}

/// FRU device locator, type 11h (§43.8).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FruDeviceLocator {
    pub header: SdrHeader,
    /// 7-bit slave address of the controller that holds the FRU (bits 7:1).
    pub device_access_address: u8,
    /// FRU device id for logical devices; 7-bit I2C address (bits 7:1) otherwise, kept raw.
    pub fru_device_id: u8,
    /// Byte 8 bit 7: logical FRU device (read with Read FRU Data) vs physical.
    pub logical: bool,
    /// Byte 8 bits 4:3.
    pub access_lun: u8,
    /// Byte 8 bits 2:0.
    pub private_bus: u8,
    /// Byte 9 bits 7:4.
    pub channel: u8,
    pub device_type: u8,
    pub device_type_modifier: u8,
    pub entity: EntityInstance,
    pub oem: u8,
    pub id_string: TypedString,
}

/// Management controller device locator, type 12h (§43.9).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct McDeviceLocator {
    pub header: SdrHeader,
    /// 7-bit slave address.
    pub device_slave_address: u8,
    /// Channel number (byte 7 bits 3:0).
    pub channel: u8,
    /// Power state notification / global initialization byte, raw.
    pub power_state_init: u8,
    /// Device capabilities byte, raw (bit 0 sensor device, 1 SDR repository, 2 SEL, 3 FRU
    /// inventory, 4 IPMB event receiver, 5 IPMB event generator, 6 bridge, 7 chassis).
    pub capabilities: u8,
    pub entity: EntityInstance,
    pub oem: u8,
    pub id_string: TypedString,
}

/// OEM record, type C0h (§43.12): IANA manufacturer id and opaque data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OemRecord {
    pub header: SdrHeader,
    /// 3-byte IANA enterprise number.
    pub manufacturer_id: u32,
    pub data: Vec<u8>,
}

/// A record of a type we do not decode, kept raw.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnknownRecord {
    pub header: SdrHeader,
    pub body: Vec<u8>,
}

/// One decoded SDR.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "record", rename_all = "snake_case")]
pub enum SdrRecord {
    Full(FullSensorRecord),
    Compact(CompactSensorRecord),
    EventOnly(EventOnlyRecord),
    FruDeviceLocator(FruDeviceLocator),
    McDeviceLocator(McDeviceLocator),
    Oem(OemRecord),
    Other(UnknownRecord),
}

impl SdrRecord {
    /// The record header.
    pub fn header(&self) -> &SdrHeader {
        match self {
            SdrRecord::Full(r) => &r.header,
            SdrRecord::Compact(r) => &r.header,
            SdrRecord::EventOnly(r) => &r.header,
            SdrRecord::FruDeviceLocator(r) => &r.header,
            SdrRecord::McDeviceLocator(r) => &r.header,
            SdrRecord::Oem(r) => &r.header,
            SdrRecord::Other(r) => &r.header,
        }
    }

    /// Sensor fields, for the three sensor record types.
    pub fn sensor_common(&self) -> Option<&SensorCommon> {
        match self {
            SdrRecord::Full(r) => Some(&r.common),
            SdrRecord::Compact(r) => Some(&r.common),
            SdrRecord::EventOnly(r) => Some(&r.common),
            _ => None,
        }
    }

    /// The reading conversion: full records with a numeric reading only (compact and
    /// event-only records carry no factors).
    pub fn conversion(&self) -> Option<Conversion> {
        match self {
            SdrRecord::Full(r) if r.analog_format != AnalogFormat::NoAnalogReading => {
                Some(r.conversion())
            }
            _ => None,
        }
    }

    /// The sensor units (full and compact records).
    pub fn units(&self) -> Option<SensorUnits> {
        match self {
            SdrRecord::Full(r) => Some(r.units),
            SdrRecord::Compact(r) => Some(r.units),
            _ => None,
        }
    }

    /// The readable thresholds stored in the record (full records; empty otherwise).
    pub fn thresholds(&self) -> RawThresholds {
        match self {
            SdrRecord::Full(r) => r.thresholds,
            _ => RawThresholds::default(),
        }
    }

    /// Whether the sensor answers Get Sensor Reading (full and compact records; event-only
    /// sensors never do).
    pub fn has_reading(&self) -> bool {
        matches!(self, SdrRecord::Full(_) | SdrRecord::Compact(_))
    }

    /// The record's ID string, where it has one.
    pub fn id_string(&self) -> Option<&TypedString> {
        match self {
            SdrRecord::Full(r) => Some(&r.id_string),
            SdrRecord::Compact(r) => Some(&r.id_string),
            SdrRecord::EventOnly(r) => Some(&r.id_string),
            SdrRecord::FruDeviceLocator(r) => Some(&r.id_string),
            SdrRecord::McDeviceLocator(r) => Some(&r.id_string),
            _ => None,
        }
    }
}

/// The bytes of one record limited to its declared length (header + body).
fn record_bytes(bytes: &[u8]) -> Result<(SdrHeader, &[u8])> {
    let header = decode_sdr_header(bytes)?;
    let total = header.total_len();
    let rec = bytes
        .get(..total)
        .ok_or_else(|| DecodeError::truncated("SDR record", total, bytes.len()))?;
    Ok((header, rec))
}

fn masks(r: &[u8], at: usize) -> Result<SensorMasks> {
    Ok(SensorMasks {
        assertion: le16(r, at, "SDR masks")?,
        deassertion: le16(r, at + 2, "SDR masks")?,
        reading: le16(r, at + 4, "SDR masks")?,
    })
}

fn common(r: &[u8], what: &'static str, type_at: usize) -> Result<SensorCommon> {
    Ok(SensorCommon {
        owner: SensorOwner::decode(byte(r, 5, what)?, byte(r, 6, what)?),
        number: SensorNumber(byte(r, 7, what)?),
        entity: EntityInstance::decode(byte(r, 8, what)?, byte(r, 9, what)?),
        sensor_type: SensorType(byte(r, type_at, what)?),
        event_reading_type: EventReadingType(byte(r, type_at + 1, what)?),
    })
}

/// The ID string at `at` (type/length byte), or empty when the record ends before it.
fn id_at(r: &[u8], at: usize) -> TypedString {
    match r.get(at) {
        Some(tl) => decode_sdr_string(*tl, r.get(at + 1..).unwrap_or_default()).0,
        None => TypedString::empty(),
    }
}

/// Decodes a full sensor record (type 01h). Needs bytes up to the negative hysteresis
/// (offset 43); the ID string is optional.
pub fn decode_full_sensor(bytes: &[u8]) -> Result<FullSensorRecord> {
    const W: &str = "full sensor record";
    let (header, r) = record_bytes(bytes)?;
    need(r, 44, W)?;
    let common = common(r, W, 12)?;
    let units1 = byte(r, 20, W)?;
    let mut fb = [0u8; 6];
    for (i, slot) in fb.iter_mut().enumerate() {
        *slot = byte(r, 24 + i, W)?;
    }
    let masks = masks(r, 14)?;
    let is_threshold = common.event_reading_type.is_threshold();
    let mut thresholds = RawThresholds::default();
    let mut threshold_bytes = [0u8; 6];
    // Stored order: UNR, UC, UNC, LNR, LC, LNC (bytes 37–42).
    let order = [
        Threshold::UpperNonRecoverable,
        Threshold::UpperCritical,
        Threshold::UpperNonCritical,
        Threshold::LowerNonRecoverable,
        Threshold::LowerCritical,
        Threshold::LowerNonCritical,
    ];
    for (i, t) in order.into_iter().enumerate() {
        let v = byte(r, 36 + i, W)?;
        if let Some(slot) = threshold_bytes.get_mut(i) {
            *slot = v;
        }
        if is_threshold && masks.is_readable(t) {
            thresholds.set(t, Some(v));
        }
    }
    let flags = byte(r, 30, W)?;
    Ok(FullSensorRecord {
        header,
        common,
        init: init(byte(r, 10, W)?),
        capabilities: SensorCapabilities::decode(byte(r, 11, W)?),
        masks,
        analog_format: AnalogFormat::from_units1(units1),
        units: SensorUnits::decode(units1, byte(r, 21, W)?, byte(r, 22, W)?),
        linearization: Linearization::from_byte(byte(r, 23, W)?),
        factors: ConversionFactors::from_bytes(fb),
        direction: byte(r, 28, W)? & 0x03,
        nominal_specified: flags & 0x01 != 0,
        normal_max_specified: flags & 0x02 != 0,
        normal_min_specified: flags & 0x04 != 0,
        nominal_reading: byte(r, 31, W)?,
        normal_max: byte(r, 32, W)?,
        normal_min: byte(r, 33, W)?,
        sensor_max: byte(r, 34, W)?,
        sensor_min: byte(r, 35, W)?,
        thresholds,
        threshold_bytes,
        positive_hysteresis: byte(r, 42, W)?,
        negative_hysteresis: byte(r, 43, W)?,
        oem: r.get(46).copied().unwrap_or(0),
        id_string: id_at(r, 47),
    })
}

fn init(raw: u8) -> SensorInit {
    SensorInit {
        raw,
        scanning: raw & 0x40 != 0,
        events: raw & 0x20 != 0,
    }
}

/// Decodes a compact sensor record (type 02h). Needs bytes up to the negative hysteresis
/// (offset 26).
pub fn decode_compact_sensor(bytes: &[u8]) -> Result<CompactSensorRecord> {
    const W: &str = "compact sensor record";
    let (header, r) = record_bytes(bytes)?;
    need(r, 27, W)?;
    let units1 = byte(r, 20, W)?;
    let s1 = byte(r, 23, W)?;
    Ok(CompactSensorRecord {
        header,
        common: common(r, W, 12)?,
        init: init(byte(r, 10, W)?),
        capabilities: SensorCapabilities::decode(byte(r, 11, W)?),
        masks: masks(r, 14)?,
        analog_format: AnalogFormat::from_units1(units1),
        units: SensorUnits::decode(units1, byte(r, 21, W)?, byte(r, 22, W)?),
        direction: s1 >> 6,
        sharing: RecordSharing::decode(s1, byte(r, 24, W)?),
        positive_hysteresis: byte(r, 25, W)?,
        negative_hysteresis: byte(r, 26, W)?,
        oem: r.get(30).copied().unwrap_or(0),
        id_string: id_at(r, 31),
    })
}

/// Decodes an event-only record (type 03h). Needs bytes up to sharing byte 2 (offset 13).
pub fn decode_event_only(bytes: &[u8]) -> Result<EventOnlyRecord> {
    const W: &str = "event-only record";
    let (header, r) = record_bytes(bytes)?;
    need(r, 14, W)?;
    let s1 = byte(r, 12, W)?;
    Ok(EventOnlyRecord {
        header,
        common: common(r, W, 10)?,
        direction: s1 >> 6,
        sharing: RecordSharing::decode(s1, byte(r, 13, W)?),
        oem: r.get(15).copied().unwrap_or(0),
        id_string: id_at(r, 16),
    })
}

/// Decodes a FRU device locator (type 11h). Needs bytes up to the entity instance (13).
pub fn decode_fru_locator(bytes: &[u8]) -> Result<FruDeviceLocator> {
    const W: &str = "FRU device locator";
    let (header, r) = record_bytes(bytes)?;
    need(r, 14, W)?;
    let b8 = byte(r, 7, W)?;
    Ok(FruDeviceLocator {
        header,
        device_access_address: byte(r, 5, W)? >> 1,
        fru_device_id: byte(r, 6, W)?,
        logical: b8 & 0x80 != 0,
        access_lun: (b8 >> 3) & 0x03,
        private_bus: b8 & 0x07,
        channel: byte(r, 8, W)? >> 4,
        device_type: byte(r, 10, W)?,
        device_type_modifier: byte(r, 11, W)?,
        entity: EntityInstance::decode(byte(r, 12, W)?, byte(r, 13, W)?),
        oem: r.get(14).copied().unwrap_or(0),
        id_string: id_at(r, 15),
    })
}

/// Decodes a management controller device locator (type 12h). Needs bytes up to the entity
/// instance (13).
pub fn decode_mc_locator(bytes: &[u8]) -> Result<McDeviceLocator> {
    const W: &str = "MC device locator";
    let (header, r) = record_bytes(bytes)?;
    need(r, 14, W)?;
    Ok(McDeviceLocator {
        header,
        device_slave_address: byte(r, 5, W)? >> 1,
        channel: byte(r, 6, W)? & 0x0f,
        power_state_init: byte(r, 7, W)?,
        capabilities: byte(r, 8, W)?,
        entity: EntityInstance::decode(byte(r, 12, W)?, byte(r, 13, W)?),
        oem: r.get(14).copied().unwrap_or(0),
        id_string: id_at(r, 15),
    })
}

/// Decodes an OEM record (type C0h). Needs the 3-byte manufacturer id.
pub fn decode_oem(bytes: &[u8]) -> Result<OemRecord> {
    let (header, r) = record_bytes(bytes)?;
    Ok(OemRecord {
        header,
        manufacturer_id: le24(r, 5, "OEM SDR")?,
        data: r.get(8..).unwrap_or_default().to_vec(),
    })
}

/// Decodes one record of any type from a buffer starting at its header. Bytes beyond
/// `5 + length` are ignored.
pub fn decode_sdr(bytes: &[u8]) -> Result<SdrRecord> {
    let header = decode_sdr_header(bytes)?;
    Ok(match header.record_type {
        RecordType::FULL_SENSOR => SdrRecord::Full(decode_full_sensor(bytes)?),
        RecordType::COMPACT_SENSOR => SdrRecord::Compact(decode_compact_sensor(bytes)?),
        RecordType::EVENT_ONLY => SdrRecord::EventOnly(decode_event_only(bytes)?),
        RecordType::FRU_DEVICE_LOCATOR => SdrRecord::FruDeviceLocator(decode_fru_locator(bytes)?),
        RecordType::MC_DEVICE_LOCATOR => SdrRecord::McDeviceLocator(decode_mc_locator(bytes)?),
        RecordType::OEM => SdrRecord::Oem(decode_oem(bytes)?),
        _ => {
            let (header, r) = record_bytes(bytes)?;
            SdrRecord::Other(UnknownRecord {
                header,
                body: r.get(SDR_HEADER_LEN..).unwrap_or_default().to_vec(),
            })
        }
    })
}

/// Splits a concatenation of records (an `ipmitool sdr dump` file, or a cached repository)
/// by their header lengths and decodes each. A record that fails to decode yields an `Err`
/// in its place; a trailing partial header ends the walk with one `Err`.
pub fn decode_sdr_repository(mut bytes: &[u8]) -> Vec<Result<SdrRecord>> {
    let mut out = Vec::new();
    while !bytes.is_empty() {
        match decode_sdr_header(bytes) {
            Ok(h) => {
                out.push(decode_sdr(bytes));
                bytes = bytes.get(h.total_len()..).unwrap_or_default();
            }
            Err(e) => {
                out.push(Err(e));
                break;
            }
        }
    }
    out
}

/// One logical sensor after expanding record sharing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LogicalSensor {
    pub record_id: RecordId,
    pub owner: SensorOwner,
    pub number: SensorNumber,
    pub entity: EntityInstance,
    pub sensor_type: SensorType,
    pub event_reading_type: EventReadingType,
    /// ID string with the instance suffix appended (unchanged for unshared records).
    pub name: String,
    /// 0-based index within the shared record.
    pub share_index: u8,
}

fn expand(
    record_id: RecordId,
    common: &SensorCommon,
    sharing: &RecordSharing,
    id: &TypedString,
) -> Vec<LogicalSensor> {
    let n = sharing.count();
    (0..n)
        .map(|i| {
            let mut entity = common.entity;
            if sharing.entity_instance_increments {
                entity.instance = entity.instance.wrapping_add(i) & 0x7f;
            }
            let name = if n > 1 {
                format!("{}{}", id.text, sharing.suffix(i))
            } else {
                id.text.clone()
            };
            LogicalSensor {
                record_id,
                owner: common.owner,
                number: SensorNumber(common.number.0.wrapping_add(i)),
                entity,
                sensor_type: common.sensor_type,
                event_reading_type: common.event_reading_type,
                name,
                share_index: i,
            }
        })
        .collect()
}

/// Expands a sensor record into the logical sensors it describes (§43.2 record sharing):
/// a compact or event-only record with share count N yields N sensors numbered
/// `number + i`, named `id + suffix(i)`, with the entity instance incremented when the
/// record says so. Full records yield one sensor; non-sensor records none.
pub fn expand_shared(record: &SdrRecord) -> Vec<LogicalSensor> {
    match record {
        SdrRecord::Full(r) => vec![LogicalSensor {
            record_id: r.header.record_id,
            owner: r.common.owner,
            number: r.common.number,
            entity: r.common.entity,
            sensor_type: r.common.sensor_type,
            event_reading_type: r.common.event_reading_type,
            name: r.id_string.text.clone(),
            share_index: 0,
        }],
        SdrRecord::Compact(r) => expand(r.header.record_id, &r.common, &r.sharing, &r.id_string),
        SdrRecord::EventOnly(r) => expand(r.header.record_id, &r.common, &r.sharing, &r.id_string),
        _ => Vec::new(),
    }
}
