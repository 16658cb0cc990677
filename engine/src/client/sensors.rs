//! `poll_sensors`: one Get SDR Repository Info to revalidate the cache, then one Get Sensor
//! Reading per readable sensor (plus Get Sensor Reading Factors for non-linear sensors).

use crate::client::bmc_client::{BmcClient, Conn};
use crate::client::sdr_cache::{CachedSensor, ensure_sdr_cache, is_local};
use crate::client::sensor_value::{Hysteresis, ReadingStatus, SensorValue, Thresholds};
use crate::commands::sensor;
use crate::decode::{
    Linearization, Threshold, decode_reading_factors, decode_sensor_reading, discrete_states,
};
use crate::error::{IpmiError, Result};

impl BmcClient {
    /// Reads every sensor in the SDR. Per-sensor problems (unavailable, not present, a
    /// completion code) are reported in the sensor's `status`; only a failure of the BMC
    /// itself (timeout, unreachable, session) fails the call.
    pub async fn poll_sensors(&self) -> Result<Vec<SensorValue>> {
        self.with_deadline(async |c: &mut Conn<'_>| {
            ensure_sdr_cache(c).await?;
            let sensors = c
                .slot
                .sdr
                .as_ref()
                .map(|s| s.sensors.clone())
                .unwrap_or_default();
            let mut out = Vec::with_capacity(sensors.len());
            for s in &sensors {
                out.push(read_one(c, s).await?);
            }
            Ok(out)
        })
        .await
    }
}

fn convert_thresholds(s: &CachedSensor) -> Option<Thresholds> {
    let conv = s.conversion?;
    let v = |t: Threshold| s.thresholds.get(t).and_then(|raw| conv.to_value(raw));
    Some(Thresholds {
        lower_non_recoverable: v(Threshold::LowerNonRecoverable),
        lower_critical: v(Threshold::LowerCritical),
        lower_non_critical: v(Threshold::LowerNonCritical),
        upper_non_critical: v(Threshold::UpperNonCritical),
        upper_critical: v(Threshold::UpperCritical),
        upper_non_recoverable: v(Threshold::UpperNonRecoverable),
    })
}

fn convert_hysteresis(s: &CachedSensor) -> Option<Hysteresis> {
    let (positive_raw, negative_raw) = s.hysteresis?;
    let linear = s
        .conversion
        .filter(|c| c.linearization == Linearization::Linear);
    Some(Hysteresis {
        positive_raw,
        negative_raw,
        positive: linear.and_then(|c| c.hysteresis_value(positive_raw)),
        negative: linear.and_then(|c| c.hysteresis_value(negative_raw)),
    })
}

async fn read_one(c: &mut Conn<'_>, s: &CachedSensor) -> Result<SensorValue> {
    let ls = &s.sensor;
    let threshold_kind = ls.event_reading_type.is_threshold();
    let mut v = SensorValue {
        name: ls.name.clone(),
        number: ls.number.0,
        lun: ls.owner.lun,
        owner: ls.owner.slave_address(),
        entity: ls.entity.dotted(),
        entity_name: ls.entity.id.name(),
        sensor_type: ls.sensor_type.name(),
        sensor_type_code: ls.sensor_type.0,
        event_reading_type: ls.event_reading_type.0,
        kind: if threshold_kind {
            "threshold"
        } else {
            "discrete"
        },
        status: ReadingStatus::Ok,
        raw: None,
        value: None,
        step: None,
        unit: if threshold_kind {
            s.units.map(|u| u.ipmitool_text())
        } else {
            None
        },
        threshold_state: None,
        thresholds: convert_thresholds(s),
        hysteresis: convert_hysteresis(s),
        state_bits: None,
        states: Vec::new(),
        error: None,
    };
    if !s.has_reading || !is_local(ls) {
        v.status = ReadingStatus::NotReadable;
        return Ok(v);
    }
    let data = match c
        .call(&sensor::get_sensor_reading(ls.number.0, ls.owner.lun))
        .await
    {
        Ok(d) => d,
        Err(IpmiError::CompletionCode(0xCB)) => {
            v.status = ReadingStatus::NotPresent;
            return Ok(v);
        }
        Err(e @ IpmiError::CompletionCode(_)) => {
            v.status = ReadingStatus::Error;
            v.error = Some(e.to_string());
            return Ok(v);
        }
        Err(e) => return Err(e),
    };
    let reading = decode_sensor_reading(&data)?;
    if !reading.scanning_enabled {
        v.status = ReadingStatus::ScanningDisabled;
    } else if reading.unavailable {
        v.status = ReadingStatus::Unavailable;
    }
    if threshold_kind {
        v.threshold_state = Some(reading.threshold_state().ipmitool_str());
    }
    if reading.is_valid() {
        v.raw = Some(reading.raw);
        if let Some(mut conv) = s.conversion {
            if conv.linearization.is_non_linear() {
                let req =
                    sensor::get_sensor_reading_factors(ls.number.0, reading.raw, ls.owner.lun);
                match c.call(&req).await {
                    Ok(d) => conv = conv.with_factors(decode_reading_factors(&d)?.factors),
                    Err(e @ IpmiError::CompletionCode(_)) => v.error = Some(e.to_string()),
                    Err(e) => return Err(e),
                }
            }
            v.value = conv.to_value(reading.raw);
            v.step = conv.step(reading.raw);
        }
        if !threshold_kind && reading.has_state_byte {
            v.state_bits = Some(reading.discrete_states);
            v.states = discrete_states(
                ls.event_reading_type,
                ls.sensor_type,
                reading.discrete_states,
            )
            .into_iter()
            .map(|s| s.text)
            .collect();
        }
    }
    Ok(v)
}
