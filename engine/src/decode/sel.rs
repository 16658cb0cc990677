//! System Event Log records (IPMI v2.0 §32) and Get SEL Info (§31.2).
//!
//! A SEL record is 16 bytes: record id, record type, then either a system event (type 02h,
//! §32.1), a timestamped OEM record (C0h–DFh, §32.2) or a non-timestamped OEM record
//! (E0h–FFh, §32.3). Other types are undefined and kept raw.

use serde::Serialize;

use super::bytes::{byte, hex, le16, le24, le32, need};
use super::conversion::Conversion;
use super::error::Result;
use super::event_text::{ThresholdEvent, ipmitool_offset_text, offset_text};
use super::sdr::{SdrRecord, SensorNumber};
use super::sensor_type::{EventReadingType, SensorType};
use super::time::UtcTime;
use super::units::SensorUnits;

/// A SEL record id (§31.5). FFFFh in a "next record id" means "no more records".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct SelRecordId(pub u16);

impl SelRecordId {
    /// The "last record" marker in Get SEL Entry's next-record-id.
    pub const LAST: SelRecordId = SelRecordId(0xffff);
    /// The "first record" alias in Get SEL Entry requests.
    pub const FIRST: SelRecordId = SelRecordId(0x0000);
}

/// Length of one SEL record.
pub const SEL_RECORD_LEN: usize = 16;

/// Timestamps at or below this are relative to BMC initialization (§37.1: 00000000h–
/// 20000000h), i.e. the SEL clock was never set. ipmitool shows these as "Pre-Init".
pub const PRE_INIT_MAX: u32 = 0x2000_0000;

/// A SEL/SDR timestamp (§37).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "kind", content = "seconds", rename_all = "snake_case")]
pub enum Timestamp {
    /// FFFFFFFFh: unspecified/invalid.
    Unspecified,
    /// Seconds since the BMC started (clock not set).
    PreInit(u32),
    /// Seconds since 1970-01-01 UTC.
    Unix(u32),
}

impl Timestamp {
    /// Classifies a raw 32-bit timestamp.
    pub fn from_raw(raw: u32) -> Self {
        if raw == 0xffff_ffff {
            Timestamp::Unspecified
        } else if raw <= PRE_INIT_MAX {
            Timestamp::PreInit(raw)
        } else {
            Timestamp::Unix(raw)
        }
    }

    /// Whether the timestamp says anything: Get SEL Info reports 0 or FFFFFFFFh for "never"
    /// (ipmitool prints "Not Available" for both).
    pub fn is_available(self) -> bool {
        !matches!(self, Timestamp::Unspecified | Timestamp::PreInit(0))
    }

    /// The raw value.
    pub fn raw(self) -> u32 {
        match self {
            Timestamp::Unspecified => 0xffff_ffff,
            Timestamp::PreInit(s) | Timestamp::Unix(s) => s,
        }
    }

    /// The UTC time for absolute timestamps.
    pub fn utc(self) -> Option<UtcTime> {
        match self {
            Timestamp::Unix(s) => Some(UtcTime::from_unix(i64::from(s))),
            _ => None,
        }
    }

    /// ipmitool's SEL columns: `" Pre-Init  |0000000259"` or `"12/03/26 | 20:01:37 UTC"`.
    /// Uses ipmitool's test (`raw < 20000000h`, one less than the spec's inclusive bound),
    /// and like ipmitool prints FFFFFFFFh as a date (02/07/06 06:28:15 UTC).
    pub fn ipmitool_columns(self) -> String {
        let raw = self.raw();
        if raw < PRE_INIT_MAX {
            format!(" Pre-Init  |{raw:010}")
        } else {
            let t = UtcTime::from_unix(i64::from(raw));
            format!("{} | {}", t.ipmitool_date(), t.ipmitool_time())
        }
    }
}

/// Who generated an event (§32.1 bytes 8–9): an IPMB slave address or a system software id,
/// with the LUN and channel it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct GeneratorId {
    /// The two bytes as one little-endian value (as ipmitool keeps it).
    pub raw: u16,
    /// 7-bit slave address or software id (byte 1 bits 7:1).
    pub id: u8,
    /// Byte 1 bit 0: `id` is a system software id.
    pub software: bool,
    /// Byte 2 bits 1:0: IPMB LUN of the generating sensor.
    pub lun: u8,
    /// Byte 2 bits 7:4: channel (0 = primary IPMB).
    pub channel: u8,
}

impl GeneratorId {
    fn decode(b0: u8, b1: u8) -> Self {
        GeneratorId {
            raw: u16::from_le_bytes([b0, b1]),
            id: b0 >> 1,
            software: b0 & 1 != 0,
            lun: b1 & 0x03,
            channel: b1 >> 4,
        }
    }

    /// The 8-bit slave address form (e.g. 20h for the BMC), for matching SDR owners.
    pub fn slave_address(&self) -> u8 {
        self.id << 1
    }
}

/// Assertion or deassertion (event dir, §32.1 byte 13 bit 7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EventDirection {
    Assertion,
    Deassertion,
}

impl EventDirection {
    /// ipmitool's word.
    pub fn ipmitool_str(self) -> &'static str {
        match self {
            EventDirection::Assertion => "Asserted",
            EventDirection::Deassertion => "Deasserted",
        }
    }
}

/// What event data byte 2 or 3 holds, per event data 1 bits 7:6 / 5:4 (§29.7 table 29-6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EventDataUse {
    Unspecified,
    /// Threshold events: trigger reading (byte 2) or trigger threshold (byte 3).
    /// Discrete events, byte 2 only: previous state and/or severity.
    /// Discrete events, byte 3 with `01b`: reserved.
    ReadingOrState,
    /// OEM code.
    Oem,
    /// Sensor-specific event extension code.
    SensorSpecific,
}

impl EventDataUse {
    fn from_bits(b: u8) -> Self {
        match b & 0x03 {
            0 => EventDataUse::Unspecified,
            1 => EventDataUse::ReadingOrState,
            2 => EventDataUse::Oem,
            _ => EventDataUse::SensorSpecific,
        }
    }
}

/// How bad an event is, decided from what it means (not from keywords).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Info,
    Warning,
    Critical,
}

/// A system event record (type 02h, §32.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct SystemEvent {
    pub timestamp: Timestamp,
    pub generator: GeneratorId,
    /// Event message format revision (04h for IPMI 1.5/2.0).
    pub evm_rev: u8,
    pub sensor_type: SensorType,
    pub sensor_number: SensorNumber,
    pub direction: EventDirection,
    pub event_type: EventReadingType,
    /// Event data 1–3 as stored.
    pub event_data: [u8; 3],
    /// Event data 1 bits 3:0.
    pub offset: u8,
    /// Use of event data 2 (event data 1 bits 7:6).
    pub data2_use: EventDataUse,
    /// Use of event data 3 (event data 1 bits 5:4).
    pub data3_use: EventDataUse,
}

/// Sensor context for describing an event: the SDR's name, conversion and units.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventContext {
    pub sensor_name: String,
    /// Present for full sensor records, needed for reading/threshold values.
    pub conversion: Option<Conversion>,
    pub units: Option<SensorUnits>,
}

impl EventContext {
    /// Builds the context from the SDR describing the event's sensor.
    pub fn from_sdr(record: &SdrRecord) -> Option<Self> {
        let name = record.id_string()?.text.clone();
        Some(match record {
            SdrRecord::Full(r) => EventContext {
                sensor_name: name,
                conversion: Some(r.conversion()),
                units: Some(r.units),
            },
            SdrRecord::Compact(r) => EventContext {
                sensor_name: name,
                conversion: None,
                units: Some(r.units),
            },
            _ => EventContext {
                sensor_name: name,
                conversion: None,
                units: None,
            },
        })
    }
}

/// ipmitool's `%.*f` with 0 decimals for whole numbers, else 2.
fn ipmitool_number(v: f64) -> String {
    super::conversion::format_ipmitool(v)
}

impl SystemEvent {
    /// Event data 2 when event data 1 says it is specified.
    pub fn data2(&self) -> Option<u8> {
        (self.data2_use != EventDataUse::Unspecified).then_some(self.event_data[1])
    }

    /// Event data 3 when specified.
    pub fn data3(&self) -> Option<u8> {
        (self.data3_use != EventDataUse::Unspecified).then_some(self.event_data[2])
    }

    /// The threshold event for type 01h records.
    pub fn threshold_event(&self) -> Option<ThresholdEvent> {
        if self.event_type.is_threshold() {
            ThresholdEvent::from_offset(self.offset)
        } else {
            None
        }
    }

    /// Raw trigger reading (threshold events, event data 1 bits 7:6 = 01b).
    pub fn trigger_reading_raw(&self) -> Option<u8> {
        (self.event_type.is_threshold() && self.data2_use == EventDataUse::ReadingOrState)
            .then_some(self.event_data[1])
    }

    /// Raw trigger threshold (threshold events, event data 1 bits 5:4 = 01b).
    pub fn trigger_threshold_raw(&self) -> Option<u8> {
        (self.event_type.is_threshold() && self.data3_use == EventDataUse::ReadingOrState)
            .then_some(self.event_data[2])
    }

    /// Previous state offset (discrete events with byte 2 = previous state; Fh = none).
    pub fn previous_state(&self) -> Option<u8> {
        let v = self.event_data[1] & 0x0f;
        (!self.event_type.is_threshold()
            && self.data2_use == EventDataUse::ReadingOrState
            && v != 0x0f)
            .then_some(v)
    }

    /// Severity offset in event data 2 bits 7:4 (generic severity table offsets; Fh = none).
    pub fn previous_severity(&self) -> Option<u8> {
        let v = self.event_data[1] >> 4;
        (!self.event_type.is_threshold()
            && self.data2_use == EventDataUse::ReadingOrState
            && v != 0x0f)
            .then_some(v)
    }

    /// Memory module (DIMM) number: memory events (sensor type 0Ch) whose event data 3 is a
    /// sensor-specific extension (table 42-3: "Event Data 3 … memory module/device
    /// identification").
    pub fn dimm(&self) -> Option<u8> {
        (self.sensor_type == SensorType::MEMORY
            && self.event_type.is_sensor_specific()
            && self.data3_use == EventDataUse::SensorSpecific)
            .then_some(self.event_data[2])
    }

    /// Slot/connector number: sensor type 21h with event data 3 as extension (table 42-3).
    pub fn slot(&self) -> Option<u8> {
        (self.sensor_type == SensorType::SLOT_CONNECTOR
            && self.event_type.is_sensor_specific()
            && self.data3_use == EventDataUse::SensorSpecific)
            .then_some(self.event_data[2] & 0x7f)
    }

    /// The offset text, trimmed (e.g. "Correctable ECC", "Upper Critical going high").
    pub fn offset_text(&self) -> Option<&'static str> {
        offset_text(
            self.event_type,
            self.sensor_type,
            self.offset,
            self.data2_for_lookup(),
        )
    }

    fn data2_for_lookup(&self) -> Option<u8> {
        // ipmitool matches data-2-specific rows whenever event data 1 bits 7:6 are non-zero.
        (self.event_data[0] & 0xc0 != 0).then_some(self.event_data[1])
    }

    /// Converted trigger reading and threshold, when the context can convert them.
    pub fn trigger_values(&self, ctx: &EventContext) -> (Option<f64>, Option<f64>) {
        let Some(conv) = ctx.conversion else {
            return (None, None);
        };
        (
            self.trigger_reading_raw().and_then(|r| conv.to_value(r)),
            self.trigger_threshold_raw().and_then(|r| conv.to_value(r)),
        )
    }

    /// The text after the timestamp in `ipmitool sel elist`, reproduced byte for byte:
    /// `"<sensor type> <name or #0xNN> | <offset text> | Asserted[ | Reading …]"`.
    /// Quirks kept: ipmitool's threshold texts end in a space ("going low  |"), an
    /// unspecified trigger reading prints as "Reading 0", the reading part is printed
    /// for every threshold event that has an SDR, and a memory event on sensor 0 with an OEM
    /// event data 3 gets ipmitool's vendor-specific " | CPU n DIMM m" (not in the spec).
    pub fn ipmitool_description(&self, ctx: Option<&EventContext>) -> String {
        let mut s = String::from(self.sensor_type.ipmitool_name_for_sel());
        match ctx {
            Some(c) => {
                s.push(' ');
                s.push_str(&c.sensor_name);
            }
            None if self.sensor_number.0 != 0 => {
                s.push_str(&format!(" #0x{:02x}", self.sensor_number.0));
            }
            None => {}
        }
        s.push_str(" | ");
        s.push_str(
            ipmitool_offset_text(
                self.event_type,
                self.sensor_type,
                self.offset,
                self.data2_for_lookup(),
            )
            .unwrap_or(""),
        );
        s.push_str(" | ");
        s.push_str(self.direction.ipmitool_str());
        if let Some(c) = ctx
            && self.event_type.is_threshold()
        {
            let conv = c.conversion;
            let reading = self
                .trigger_reading_raw()
                .and_then(|r| conv.and_then(|cv| cv.to_value(r)))
                .unwrap_or(0.0);
            s.push_str(&format!(" | Reading {}", ipmitool_number(reading)));
            if let Some(t) = self
                .trigger_threshold_raw()
                .and_then(|r| conv.and_then(|cv| cv.to_value(r)))
            {
                let mut high = self.offset % 2 == 1;
                if self.direction == EventDirection::Deassertion {
                    high = !high;
                }
                let units = c.units.map(|u| u.ipmitool_text()).unwrap_or_default();
                s.push_str(&format!(
                    " {} Threshold {} {}",
                    if high { ">" } else { "<" },
                    ipmitool_number(t),
                    units
                ));
            }
        } else if self.event_type.is_sensor_specific()
            && self.sensor_type == SensorType::MEMORY
            && self.sensor_number.0 == 0
            && self.event_data[0] & 0x30 == 0x20
        {
            // ipmitool's own reading of an OEM-coded event data 3 on memory sensor 0.
            s.push_str(&format!(
                " | CPU {} DIMM {}",
                self.event_data[2] & 0x0f,
                self.event_data[2] >> 4
            ));
        }
        s
    }

    /// A human description in ipmitool's wording, tidied: single spaces, the reading part
    /// only when the event carries one, and the DIMM/slot number when the spec gives it
    /// (e.g. `"Memory Memory ECC | Correctable ECC | Asserted | DIMM 2"`).
    pub fn description(&self, ctx: Option<&EventContext>) -> String {
        let mut s = String::from(self.sensor_type.ipmitool_name_for_sel());
        match ctx {
            Some(c) => {
                s.push(' ');
                s.push_str(&c.sensor_name);
            }
            None if self.sensor_number.0 != 0 => {
                s.push_str(&format!(" #0x{:02x}", self.sensor_number.0));
            }
            None => {}
        }
        s.push_str(" | ");
        match self.offset_text() {
            Some(t) => s.push_str(t),
            None => s.push_str(&format!(
                "Event type 0x{:02x} offset 0x{:02x}",
                self.event_type.0, self.offset
            )),
        }
        s.push_str(" | ");
        s.push_str(self.direction.ipmitool_str());
        if let Some(c) = ctx {
            let (reading, threshold) = self.trigger_values(c);
            let units = c.units.map(|u| u.ipmitool_text()).unwrap_or_default();
            if let Some(r) = reading {
                s.push_str(&format!(" | Reading {}", ipmitool_number(r)));
                if let Some(t) = threshold {
                    let mut high = self.offset % 2 == 1;
                    if self.direction == EventDirection::Deassertion {
                        high = !high;
                    }
                    s.push_str(&format!(
                        " {} Threshold {}",
                        if high { ">" } else { "<" },
                        ipmitool_number(t)
                    ));
                }
                if !units.is_empty() {
                    s.push(' ');
                    s.push_str(&units);
                }
            }
        }
        if let Some(d) = self.dimm() {
            s.push_str(&format!(" | DIMM {d}"));
        }
        if let Some(n) = self.slot() {
            s.push_str(&format!(" | Slot {n}"));
        }
        s
    }

    /// The severity of the event, from its meaning: see [`super::sel_severity`].
    pub fn severity(&self) -> Severity {
        super::sel_severity::severity(self)
    }
}

impl SensorType {
    /// The name ipmitool prints before the sensor name in SEL lines ("Unknown" for the
    /// reserved gap and, without vendor tables, for OEM types).
    pub fn ipmitool_name_for_sel(self) -> &'static str {
        if self.is_oem() || self.0 > 0x2c {
            "Unknown"
        } else {
            self.name()
        }
    }
}

/// The body of a SEL record by type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SelRecordBody {
    /// Type 02h.
    System(SystemEvent),
    /// Types C0h–DFh: timestamp, 3-byte manufacturer id, 6 OEM bytes.
    OemTimestamped {
        timestamp: Timestamp,
        manufacturer_id: u32,
        data: Vec<u8>,
    },
    /// Types E0h–FFh: 13 OEM bytes.
    OemNonTimestamped { data: Vec<u8> },
    /// Any other type (undefined in v2.0): the 13 bytes after the type.
    Unknown { data: Vec<u8> },
}

/// One SEL record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SelRecord {
    pub id: SelRecordId,
    pub record_type: u8,
    pub body: SelRecordBody,
}

impl SelRecord {
    /// The system event, for type 02h.
    pub fn system_event(&self) -> Option<&SystemEvent> {
        match &self.body {
            SelRecordBody::System(e) => Some(e),
            _ => None,
        }
    }

    /// The timestamp, for types that have one.
    pub fn timestamp(&self) -> Option<Timestamp> {
        match &self.body {
            SelRecordBody::System(e) => Some(e.timestamp),
            SelRecordBody::OemTimestamped { timestamp, .. } => Some(*timestamp),
            _ => None,
        }
    }

    /// Severity: the system event's, Info for OEM records (we cannot interpret them).
    pub fn severity(&self) -> Severity {
        self.system_event()
            .map(SystemEvent::severity)
            .unwrap_or(Severity::Info)
    }

    /// Human description: the system event's, or for OEM records ipmitool's
    /// `OEM record XX | <manufacturer> | <hex>` form.
    pub fn description(&self, ctx: Option<&EventContext>) -> String {
        match &self.body {
            SelRecordBody::System(e) => e.description(ctx),
            SelRecordBody::OemTimestamped {
                manufacturer_id,
                data,
                ..
            } => format!(
                "OEM record {:02x} | {:06x} | {}",
                self.record_type,
                manufacturer_id,
                hex(data)
            ),
            SelRecordBody::OemNonTimestamped { data } | SelRecordBody::Unknown { data } => {
                format!("OEM record {:02x} | {}", self.record_type, hex(data))
            }
        }
    }

    /// The full `ipmitool sel elist` line (`"   c | 12/03/26 | 18:25:21 UTC | …"`) for
    /// system events and timestamped records.
    pub fn ipmitool_elist_line(&self, ctx: Option<&EventContext>) -> String {
        let mut s = format!("{:4x} | ", self.id.0);
        if let Some(ts) = self.timestamp() {
            s.push_str(&ts.ipmitool_columns());
            s.push_str(if ts.raw() < PRE_INIT_MAX { "| " } else { " | " });
        }
        match &self.body {
            SelRecordBody::System(e) => s.push_str(&e.ipmitool_description(ctx)),
            _ => s.push_str(&self.description(ctx)),
        }
        s
    }
}

/// Decodes one 16-byte SEL record (extra bytes are ignored).
pub fn decode_sel_record(bytes: &[u8]) -> Result<SelRecord> {
    const W: &str = "SEL record";
    need(bytes, SEL_RECORD_LEN, W)?;
    let id = SelRecordId(le16(bytes, 0, W)?);
    let record_type = byte(bytes, 2, W)?;
    let rest = |from: usize| bytes.get(from..SEL_RECORD_LEN).unwrap_or_default().to_vec();
    let body = match record_type {
        0x02 => {
            let d1 = byte(bytes, 13, W)?;
            let dir_type = byte(bytes, 12, W)?;
            SelRecordBody::System(SystemEvent {
                timestamp: Timestamp::from_raw(le32(bytes, 3, W)?),
                generator: GeneratorId::decode(byte(bytes, 7, W)?, byte(bytes, 8, W)?),
                evm_rev: byte(bytes, 9, W)?,
                sensor_type: SensorType(byte(bytes, 10, W)?),
                sensor_number: SensorNumber(byte(bytes, 11, W)?),
                direction: if dir_type & 0x80 != 0 {
                    EventDirection::Deassertion
                } else {
                    EventDirection::Assertion
                },
                event_type: EventReadingType(dir_type & 0x7f),
                event_data: [d1, byte(bytes, 14, W)?, byte(bytes, 15, W)?],
                offset: d1 & 0x0f,
                data2_use: EventDataUse::from_bits(d1 >> 6),
                data3_use: EventDataUse::from_bits(d1 >> 4),
            })
        }
        0xc0..=0xdf => SelRecordBody::OemTimestamped {
            timestamp: Timestamp::from_raw(le32(bytes, 3, W)?),
            manufacturer_id: le24(bytes, 7, W)?,
            data: rest(10),
        },
        0xe0..=0xff => SelRecordBody::OemNonTimestamped { data: rest(3) },
        _ => SelRecordBody::Unknown { data: rest(3) },
    };
    Ok(SelRecord {
        id,
        record_type,
        body,
    })
}

/// Decodes a Get SEL Entry response body (§31.5, completion code stripped): the next record
/// id, then the record (a full 16-byte read).
pub fn decode_get_sel_entry(body: &[u8]) -> Result<(SelRecordId, SelRecord)> {
    let next = SelRecordId(le16(body, 0, "Get SEL Entry response")?);
    let rec = decode_sel_record(body.get(2..).unwrap_or_default())?;
    Ok((next, rec))
}

/// Operation support flags of Get SEL Info (byte 14).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct SelSupport {
    pub raw: u8,
    /// Bit 7: events were dropped because the SEL was full.
    pub overflow: bool,
    /// Bit 3.
    pub delete: bool,
    /// Bit 2.
    pub partial_add: bool,
    /// Bit 1.
    pub reserve: bool,
    /// Bit 0.
    pub get_allocation_info: bool,
}

/// A decoded Get SEL Info response (§31.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct SelInfo {
    /// SEL version, BCD (51h = 1.5).
    pub version: u8,
    pub entries: u16,
    /// Free space in bytes (FFFFh means 65535 or more).
    pub free_bytes: u16,
    pub last_add: Timestamp,
    pub last_erase: Timestamp,
    pub support: SelSupport,
}

impl SelInfo {
    /// Version as "1.5".
    pub fn version_string(&self) -> String {
        format!("{}.{}", self.version & 0x0f, self.version >> 4)
    }
}

/// Decodes a Get SEL Info response body (completion code stripped).
pub fn decode_sel_info(body: &[u8]) -> Result<SelInfo> {
    const W: &str = "Get SEL Info response";
    need(body, 14, W)?;
    let op = byte(body, 13, W)?;
    Ok(SelInfo {
        version: byte(body, 0, W)?,
        entries: le16(body, 1, W)?,
        free_bytes: le16(body, 3, W)?,
        last_add: Timestamp::from_raw(le32(body, 5, W)?),
        last_erase: Timestamp::from_raw(le32(body, 9, W)?),
        support: SelSupport {
            raw: op,
            overflow: op & 0x80 != 0,
            delete: op & 0x08 != 0,
            partial_add: op & 0x04 != 0,
            reserve: op & 0x02 != 0,
            get_allocation_info: op & 0x01 != 0,
        },
    })
}
