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

    /// A "this severity and worse" filter as a form or query string gives it: absent or
    /// empty (a form's "any severity") means no filter; anything else must be a severity.
    pub fn parse_filter(text: Option<&str>) -> Result<Option<Self>, String> {
        match text.map(str::trim).filter(|t| !t.is_empty()) {
            None => Ok(None),
            Some(t) => Self::parse(t)
                .map(Some)
                .ok_or_else(|| format!("severity '{t}' is not info, warning or critical")),
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
    fn an_empty_severity_filter_is_no_filter_and_a_wrong_one_is_an_error() {
        assert_eq!(Severity::parse_filter(None), Ok(None));
        assert_eq!(Severity::parse_filter(Some(" ")), Ok(None));
        assert_eq!(
            Severity::parse_filter(Some("warning")),
            Ok(Some(Severity::Warning))
        );
        assert!(
            Severity::parse_filter(Some("loud"))
                .unwrap_err()
                .contains("loud")
        );
    }

    #[test]
    fn severity_round_trips_and_orders() {
        for s in [Severity::Info, Severity::Warning, Severity::Critical] {
            assert_eq!(Severity::parse(s.as_str()), Some(s));
        }
        assert_eq!(Severity::parse("fatal"), None);
        assert!(Severity::Critical > Severity::Warning && Severity::Warning > Severity::Info);
    }
}
