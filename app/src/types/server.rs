//! A monitored server as the dashboard shows it.

use serde::{Deserialize, Serialize};

/// Database id of a monitored server.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ServerId(pub i64);

/// The four states an operator cares about, from BMC and OS reachability.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ServerState {
    /// BMC and OS both answer.
    Online,
    /// The BMC answers but the operating system does not.
    OsDown,
    /// The OS answers but its BMC does not: no sensors, no events, no power control.
    BmcDown,
    /// Neither answers.
    Dark,
    /// Not polled yet.
    Unknown,
}

impl ServerState {
    /// Derives the state from the two reachability checks (`None` = not checked yet).
    pub fn from_reachability(bmc: Option<bool>, os: Option<bool>) -> Self {
        match (bmc, os) {
            (Some(true), Some(false)) => Self::OsDown,
            (Some(false), Some(true)) => Self::BmcDown,
            (Some(false), Some(false)) => Self::Dark,
            (Some(true), _) => Self::Online,
            (Some(false), None) => Self::BmcDown,
            (None, _) => Self::Unknown,
        }
    }

    /// Short label for badges.
    pub fn label(self) -> &'static str {
        match self {
            Self::Online => "online",
            Self::OsDown => "OS down",
            Self::BmcDown => "BMC down",
            Self::Dark => "dark",
            Self::Unknown => "unknown",
        }
    }

    /// CSS modifier used for the badge colour.
    pub fn css_class(self) -> &'static str {
        match self {
            Self::Online => "state-online",
            Self::OsDown => "state-os-down",
            Self::BmcDown => "state-bmc-down",
            Self::Dark => "state-dark",
            Self::Unknown => "state-unknown",
        }
    }
}

/// One dashboard card.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ServerSummary {
    pub id: ServerId,
    pub name: String,
    pub bmc_address: String,
    pub state: ServerState,
    /// Chassis power, when the BMC told us.
    pub power_on: Option<bool>,
    /// DCMI power draw.
    pub power_watts: Option<f64>,
    /// RFC 3339 time of the last finished poll.
    pub last_poll: Option<String>,
    pub tags: Vec<String>,
}

/// What the dashboard shows beside a card's state: event counts in the chosen time range and
/// the hottest temperature sensor.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ServerStats {
    pub warning_events: u32,
    pub critical_events: u32,
    /// The highest reading of the server's temperature sensors, in °C.
    pub hottest_celsius: Option<f64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_follows_reachability() {
        assert_eq!(
            ServerState::from_reachability(Some(true), Some(true)),
            ServerState::Online
        );
        assert_eq!(
            ServerState::from_reachability(Some(true), Some(false)),
            ServerState::OsDown
        );
        assert_eq!(
            ServerState::from_reachability(Some(false), Some(true)),
            ServerState::BmcDown
        );
        assert_eq!(
            ServerState::from_reachability(Some(false), Some(false)),
            ServerState::Dark
        );
        assert_eq!(
            ServerState::from_reachability(None, None),
            ServerState::Unknown
        );
        // No OS address configured: the BMC alone decides.
        assert_eq!(
            ServerState::from_reachability(Some(true), None),
            ServerState::Online
        );
    }
}
