//! The per-client SDR cache. SDRs rarely change, so they are read once and revalidated on
//! every poll with ONE Get SDR Repository Info (33.9): a different record count, addition
//! timestamp or erase timestamp means the repository changed and is read again.

use crate::client::bmc_client::Conn;
use crate::client::sdr_read::read_all_sdr_bytes;
use crate::commands::{sdr, sensor};
use crate::decode::{
    Conversion, EventContext, LogicalSensor, RawThresholds, SdrRecord, SensorUnits, decode_sdr,
    decode_sensor_hysteresis, decode_sensor_thresholds, expand_shared,
};
use crate::error::{IpmiError, Result};

/// What identifies one state of the repository.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SdrKey {
    count: u16,
    addition: u32,
    erase: u32,
}

impl From<&sdr::SdrRepositoryInfo> for SdrKey {
    fn from(i: &sdr::SdrRepositoryInfo) -> Self {
        SdrKey {
            count: i.record_count,
            addition: i.most_recent_addition,
            erase: i.most_recent_erase,
        }
    }
}

/// One readable sensor with what is needed to convert its readings.
#[derive(Debug, Clone)]
pub(crate) struct CachedSensor {
    pub(crate) sensor: LogicalSensor,
    /// Full records with an analog reading.
    pub(crate) conversion: Option<Conversion>,
    pub(crate) units: Option<SensorUnits>,
    /// From Get Sensor Thresholds when the BMC answers it, else the SDR's values.
    pub(crate) thresholds: RawThresholds,
    /// Event-only records have no reading to ask for.
    pub(crate) has_reading: bool,
    /// Raw (positive, negative) hysteresis: Get Sensor Hysteresis when readable, else the
    /// SDR's values; `None` when the SDR says there is none.
    pub(crate) hysteresis: Option<(u8, u8)>,
}

#[derive(Debug, Clone)]
pub(crate) struct SdrCache {
    pub(crate) key: SdrKey,
    pub(crate) records: Vec<SdrRecord>,
    pub(crate) sensors: Vec<CachedSensor>,
}

impl SdrCache {
    /// The SEL description context for an event from sensor `number` (owner 0x20 LUN `lun`).
    pub(crate) fn event_context(
        &self,
        owner_addr: u8,
        lun: u8,
        number: u8,
    ) -> Option<EventContext> {
        let s = self.sensors.iter().find(|s| {
            s.sensor.number.0 == number
                && s.sensor.owner.slave_address() == owner_addr
                && s.sensor.owner.lun == lun
        })?;
        let record = self
            .records
            .iter()
            .find(|r| r.header().record_id == s.sensor.record_id)?;
        let mut ctx = EventContext::from_sdr(record)?;
        // Shared records: the event's own instance name.
        ctx.sensor_name = s.sensor.name.clone();
        Some(ctx)
    }
}

/// Makes sure `c.slot.sdr` is current; returns how many records were (re)read (0 = cache hit).
pub(crate) async fn ensure_sdr_cache(c: &mut Conn<'_>) -> Result<usize> {
    let info = sdr::parse_repository_info(&c.call(&sdr::get_repository_info()).await?)?;
    let key = SdrKey::from(&info);
    if c.slot.sdr.as_ref().is_some_and(|s| s.key == key) {
        return Ok(0);
    }
    let raw = read_all_sdr_bytes(c).await?;
    let n = raw.len();
    let mut records = Vec::with_capacity(n);
    for bytes in &raw {
        match decode_sdr(bytes) {
            Ok(r) => records.push(r),
            Err(e) => tracing::warn!(target = %c.target(), "skipping undecodable SDR: {e}"),
        }
    }
    let mut sensors = Vec::new();
    for record in &records {
        let (conversion, units, sdr_thresholds, has_reading) = match record {
            SdrRecord::Full(r) => (
                r.is_analog_threshold().then(|| r.conversion()),
                Some(r.units),
                r.thresholds,
                true,
            ),
            SdrRecord::Compact(r) => (None, Some(r.units), RawThresholds::default(), true),
            SdrRecord::EventOnly(_) => (None, None, RawThresholds::default(), false),
            _ => continue,
        };
        // Hysteresis support (43.1 byte 12 bits 5:4): 1 readable, 2 settable, 3 fixed.
        let sdr_hysteresis = match record {
            SdrRecord::Full(r) if r.capabilities.hysteresis_support != 0 => Some((
                r.capabilities.hysteresis_support,
                r.positive_hysteresis,
                r.negative_hysteresis,
            )),
            _ => None,
        };
        for sensor in expand_shared(record) {
            let mut thresholds = sdr_thresholds;
            if conversion.is_some() && is_local(&sensor) {
                match c
                    .call(&sensor::get_sensor_thresholds(
                        sensor.number.0,
                        sensor.owner.lun,
                    ))
                    .await
                {
                    Ok(d) => {
                        if let Ok(t) = decode_sensor_thresholds(&d) {
                            thresholds = t.thresholds;
                        }
                    }
                    Err(IpmiError::CompletionCode(_)) => {}
                    Err(e) => return Err(e),
                }
            }
            let mut hysteresis = sdr_hysteresis.map(|(_, pos, neg)| (pos, neg));
            if matches!(sdr_hysteresis, Some((1 | 2, _, _)))
                && conversion.is_some()
                && is_local(&sensor)
            {
                match c
                    .call(&sensor::get_sensor_hysteresis(
                        sensor.number.0,
                        sensor.owner.lun,
                    ))
                    .await
                {
                    Ok(d) => {
                        if let Ok(h) = decode_sensor_hysteresis(&d) {
                            hysteresis = Some((h.positive, h.negative));
                        }
                    }
                    Err(IpmiError::CompletionCode(_)) => {}
                    Err(e) => return Err(e),
                }
            }
            sensors.push(CachedSensor {
                sensor,
                conversion,
                units,
                thresholds,
                has_reading,
                hysteresis,
            });
        }
    }
    c.slot.sdr = Some(SdrCache {
        key,
        records,
        sensors,
    });
    Ok(n)
}

/// Sensors owned by the BMC itself (slave address 20h). Others need IPMB bridging, which
/// this client does not do.
pub(crate) fn is_local(s: &LogicalSensor) -> bool {
    !s.owner.software && s.owner.slave_address() == 0x20 && s.owner.channel == 0
}
