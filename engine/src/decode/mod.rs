//! Pure decoders: bytes in, typed values out, no sockets.
//!
//! Every function here takes untrusted bytes and never panics; failures are
//! [`DecodeError`] values and recoverable problems (bad FRU checksums, SDR padding) are
//! flags on the decoded data. Section numbers refer to IPMI v2.0 rev 1.1 unless noted.
//!
//! ipmitool 1.8.19 and FreeIPMI 1.6.10 are the test oracles; where they depart from the
//! specification we decode by the specification and the golden tests document the gap:
//! * SDR ID strings: the length counts characters (§43.15); 6-bit packed and BCD plus names
//!   are decoded, where both tools print the packed bytes as ASCII garbage.
//! * Shared compact/event-only records (§43.2) expand to N sensors; both tools list one.
//! * BCD plus is read low nibble first (as OpenIPMI writes and reads it); ipmitool reads FRU
//!   BCD plus high nibble first. FRU 6-bit padding is dropped; ipmitool prints it as spaces.
//! * FRU area checksums are verified and reported; ipmitool 1.8.19 ignores them.
//! * LUN 1 sensors are keyed by (owner, LUN, number); FreeIPMI shows no reading for them.
//! * SEL pre-init timestamps are `<= 20000000h` (§37.1); ipmitool uses `<`.
//! * All twelve linearizations match ipmitool; FreeIPMI's cube root is wrong.
//! * FreeIPMI reads FRU BCD plus one digit per byte and drops areas with a bad checksum.
//!
//! `ipmitool_*` functions reproduce ipmitool's text exactly (quirks included) for
//! comparison and CLI parity; the plain functions give the tidied, spec-true form.

mod bytes;
pub mod conversion;
pub mod error;
pub mod event_tables;
pub mod event_text;
pub mod fru;
pub mod id_string;
pub mod reading;
pub mod sdr;
pub mod sel;
pub mod sel_severity;
pub mod sensor_type;
pub mod time;
pub mod units;

pub use bytes::zero_checksum;
pub use conversion::{
    AnalogFormat, Conversion, ConversionFactors, Linearization, ReadingFactors,
    decode_reading_factors,
};
pub use error::{DecodeError, Result};
pub use event_text::{
    DiscreteState, Threshold, ThresholdEvent, discrete_states, offset_text, state_text,
};
pub use fru::{
    BoardInfo, ChassisInfo, FruCommonHeader, FruInventory, FruInventoryInfo, MultiRecord,
    ProductInfo, decode_fru, decode_fru_common_header, decode_fru_inventory_info,
};
pub use id_string::{StringEncoding, TypedString, decode_fru_field, decode_sdr_string};
pub use reading::{
    SensorHysteresis, SensorReading, SensorThresholds, ThresholdState, ThresholdStatus,
    decode_sensor_hysteresis, decode_sensor_reading, decode_sensor_thresholds,
};
pub use sdr::{
    CompactSensorRecord, EntityInstance, EventOnlyRecord, FruDeviceLocator, FullSensorRecord,
    LogicalSensor, McDeviceLocator, OemRecord, RawThresholds, RecordId, RecordType, SdrHeader,
    SdrRecord, SensorNumber, SensorOwner, decode_sdr, decode_sdr_header, decode_sdr_repository,
    expand_shared,
};
pub use sel::{
    EventContext, EventDirection, GeneratorId, SelInfo, SelRecord, SelRecordBody, SelRecordId,
    Severity, SystemEvent, Timestamp, decode_get_sel_entry, decode_sel_info, decode_sel_record,
};
pub use sensor_type::{EntityId, EventReadingType, SensorType};
pub use units::{Measurement, ModifierRelation, RateUnit, SensorUnits, UnitCode};
