//! A System Event Log entry (or a synthetic event) as lists show it.

use serde::{Deserialize, Serialize};

use super::ServerId;

/// How urgently an event needs a human, decided from what the event means.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Severity {
    Info,
    Warning,
    Critical,
}

impl Severity {
    /// The stored spelling (also used in URLs and CSV).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Info => "info",
            Self::Warning => "warning",
            Self::Critical => "critical",
        }
    }

    /// Parses the stored spelling; anything else is `None`.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "info" => Some(Self::Info),
            "warning" => Some(Self::Warning),
            "critical" => Some(Self::Critical),
            _ => None,
        }
    }
}

/// One row of an event list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventRow {
    pub id: i64,
    pub server_id: ServerId,
    pub server_name: String,
    /// RFC 3339, UTC.
    pub timestamp: String,
    pub severity: Severity,
    pub description: String,
    /// The SEL record as the BMC sent it (16 bytes, hex); empty for events this app recorded.
    #[serde(default)]
    pub raw_hex: String,
}

/// One page of events, newest first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventPage {
    pub events: Vec<EventRow>,
    /// Pass as `before_id` for the next (older) page; `None` on the last page.
    pub next_before_id: Option<i64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn severity_round_trips_and_orders() {
        for s in [Severity::Info, Severity::Warning, Severity::Critical] {
            assert_eq!(Severity::parse(s.as_str()), Some(s));
        }
        assert_eq!(Severity::parse("fatal"), None);
        assert!(Severity::Critical > Severity::Warning && Severity::Warning > Severity::Info);
    }
}
