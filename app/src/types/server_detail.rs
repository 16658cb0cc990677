//! One server in depth: what the server page and the REST API show.

use serde::{Deserialize, Serialize};

use super::ServerSummary;

/// A server's settings (never its credentials) and what the collector last learned.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ServerDetail {
    #[serde(flatten)]
    pub summary: ServerSummary,
    pub bmc_port: i32,
    pub os_address: Option<String>,
    pub protocol: String,
    pub cipher_suite: Option<i32>,
    pub privilege: String,
    pub notes: String,
    pub enabled: bool,
    pub lifecycle: String,
    pub status: Option<StatusDetail>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StatusDetail {
    pub bmc_reachable: Option<bool>,
    pub os_reachable: Option<bool>,
    pub consecutive_failures: i32,
    pub last_error: Option<String>,
    pub last_duration_ms: Option<i64>,
    pub detected_cipher_suite: Option<i32>,
    pub sel_entries: Option<i32>,
    pub sel_free_bytes: Option<i32>,
    /// Per collector (sensors, chassis, power, sel): ok, duration and last error.
    pub collectors: serde_json::Value,
}

/// The last hardware inventory read from the BMC, as the engine reports it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ServerInventory {
    /// Get Device ID: `firmware_version`, `ipmi_version`, `manufacturer_id`, `product_id`, …
    pub device: serde_json::Value,
    /// FRU devices: [{ `id`, `name`, `fields`: [[label, value], …], `error` }].
    pub fru: serde_json::Value,
    /// LAN settings: `ip_address`, `mac_address`, `default_gateway`, …
    pub lan: serde_json::Value,
    pub error: Option<String>,
    /// RFC 3339.
    pub collected_at: String,
}

/// One sensor's latest reading.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SensorRow {
    pub id: i64,
    pub name: String,
    pub number: i32,
    pub lun: i32,
    pub sensor_type: String,
    pub kind: String,
    pub status: String,
    pub value: Option<f64>,
    pub unit: Option<String>,
    /// "ok", "nc", "cr", "nr" (threshold sensors) or the discrete state.
    pub state: Option<String>,
    pub thresholds: serde_json::Value,
    pub states: serde_json::Value,
    /// RFC 3339.
    pub updated_at: String,
}

impl SensorRow {
    /// CSS class for the state colour.
    pub fn state_class(&self) -> &'static str {
        match (self.status.as_str(), self.state.as_deref()) {
            ("ok", Some("cr" | "nr")) => "sensor-critical",
            ("ok", Some("nc")) => "sensor-warning",
            ("ok", _) => "sensor-ok",
            _ => "sensor-na",
        }
    }

    /// The value with its unit, or the status when there is none.
    pub fn value_text(&self) -> String {
        match (self.value, &self.unit) {
            (Some(v), Some(u)) => format!("{} {u}", trim_number(v)),
            (Some(v), None) => trim_number(v),
            (None, _) if self.kind == "discrete" => self
                .states
                .as_array()
                .map(|s| {
                    s.iter()
                        .filter_map(|v| v.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| self.status.clone()),
            (None, _) => self.status.clone(),
        }
    }
}

/// At most three decimals, without trailing zeros.
fn trim_number(v: f64) -> String {
    let text = format!("{v:.3}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(value: Option<f64>, state: Option<&str>) -> SensorRow {
        SensorRow {
            id: 1,
            name: "CPU1 Temp".to_owned(),
            number: 1,
            lun: 0,
            sensor_type: "temperature".to_owned(),
            kind: "threshold".to_owned(),
            status: "ok".to_owned(),
            value,
            unit: Some("degrees C".to_owned()),
            state: state.map(str::to_owned),
            thresholds: serde_json::Value::Null,
            states: serde_json::Value::Null,
            updated_at: String::new(),
        }
    }

    #[test]
    fn values_and_state_colours() {
        assert_eq!(row(Some(41.5), Some("ok")).value_text(), "41.5 degrees C");
        assert_eq!(row(Some(40.0), Some("ok")).value_text(), "40 degrees C");
        assert_eq!(row(Some(91.0), Some("cr")).state_class(), "sensor-critical");
        assert_eq!(row(Some(85.0), Some("nc")).state_class(), "sensor-warning");
        assert_eq!(row(None, None).value_text(), "ok");
    }
}
