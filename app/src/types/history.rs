//! Stored readings over time, for charts and the REST API.

use serde::{Deserialize, Serialize};

/// One point: a raw reading, or an hourly average with its minimum and maximum.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HistoryPoint {
    /// RFC 3339.
    pub at: String,
    /// The same instant as Unix seconds, so a chart needs no date parser.
    pub unix_seconds: i64,
    pub value: f64,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub min: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub max: Option<f64>,
}

/// Which stored series a history comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Resolution {
    /// One point per poll (kept 48 h by default).
    Raw,
    /// One point per hour: min, average, max (kept 400 days by default).
    Hourly,
}

impl Resolution {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Raw => "raw",
            Self::Hourly => "hourly",
        }
    }
}

/// A series of one sensor, or of a server's power draw.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct History {
    /// The sensor's id, or the server's for power.
    pub id: i64,
    pub resolution: Resolution,
    /// RFC 3339.
    pub from: String,
    pub to: String,
    pub points: Vec<HistoryPoint>,
}

/// The spans the charts offer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChartRange {
    Hour,
    Day,
    Week,
    Month,
    Year,
}

impl ChartRange {
    pub const ALL: [ChartRange; 5] = [Self::Hour, Self::Day, Self::Week, Self::Month, Self::Year];

    /// As written in URLs: `1h`, `24h`, `7d`, `30d`, `1y`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Hour => "1h",
            Self::Day => "24h",
            Self::Week => "7d",
            Self::Month => "30d",
            Self::Year => "1y",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == text)
    }

    pub fn seconds(self) -> i64 {
        match self {
            Self::Hour => 3_600,
            Self::Day => 86_400,
            Self::Week => 7 * 86_400,
            Self::Month => 30 * 86_400,
            Self::Year => 365 * 86_400,
        }
    }
}
