//! The two histories that are rolled up, described by their tables and columns so one
//! rollup implementation serves both.

/// A raw history table and its hourly table.
#[derive(Clone, Copy, Debug)]
pub struct Series {
    /// For logs.
    pub name: &'static str,
    pub raw_table: &'static str,
    /// What one series is keyed by (`sensor_id`, `server_id`).
    pub key: &'static str,
    pub value: &'static str,
    pub hourly_table: &'static str,
}

pub const SENSORS: Series = Series {
    name: "sensor",
    raw_table: "sensor_readings",
    key: "sensor_id",
    value: "value",
    hourly_table: "sensor_readings_hourly",
};

pub const POWER: Series = Series {
    name: "power",
    raw_table: "power_readings",
    key: "server_id",
    value: "watts",
    hourly_table: "power_readings_hourly",
};
