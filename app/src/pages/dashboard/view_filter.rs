//! Which cards the dashboard shows and in what order: search text, state, tag, severity and
//! sort, read from the query string (so a filtered view is a link and works without
//! JavaScript) and applied to the live list in the browser as the operator types.

use std::collections::HashMap;

use crate::types::{ServerId, ServerState, ServerStats, ServerSummary};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ViewFilter {
    pub search: String,
    pub state: Option<ServerState>,
    pub tag: Option<String>,
    /// "warning" (warning or critical events) or "critical".
    pub severity: Option<String>,
    pub sort: SortKey,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortKey {
    #[default]
    Name,
    /// Worst first: dark, BMC down, OS down, unknown, online.
    State,
    /// Most critical, then warning events first.
    Events,
    Hottest,
    Power,
}

impl SortKey {
    pub const ALL: [(SortKey, &'static str, &'static str); 5] = [
        (SortKey::Name, "name", "name"),
        (SortKey::State, "state", "worst state first"),
        (SortKey::Events, "events", "most events first"),
        (SortKey::Hottest, "hottest", "hottest first"),
        (SortKey::Power, "power", "highest power first"),
    ];

    pub fn parse(text: &str) -> Self {
        Self::ALL
            .iter()
            .find(|(_, key, _)| *key == text)
            .map_or(SortKey::Name, |(k, _, _)| *k)
    }
}

/// The query-string value of each state.
pub const STATES: [(ServerState, &str); 5] = [
    (ServerState::Online, "online"),
    (ServerState::BmcDown, "bmc-down"),
    (ServerState::OsDown, "os-down"),
    (ServerState::Dark, "dark"),
    (ServerState::Unknown, "unknown"),
];

pub fn parse_state(text: &str) -> Option<ServerState> {
    STATES.iter().find(|(_, key)| *key == text).map(|(s, _)| *s)
}

pub fn state_key(state: ServerState) -> &'static str {
    STATES
        .iter()
        .find(|(s, _)| *s == state)
        .map_or("unknown", |(_, key)| key)
}

fn badness(state: ServerState) -> u8 {
    match state {
        ServerState::Dark => 0,
        ServerState::BmcDown => 1,
        ServerState::OsDown => 2,
        ServerState::Unknown => 3,
        ServerState::Online => 4,
    }
}

impl ViewFilter {
    fn keeps(&self, server: &ServerSummary, stats: Option<&ServerStats>) -> bool {
        let search = self.search.trim().to_lowercase();
        let text_ok = search.is_empty()
            || server.name.to_lowercase().contains(&search)
            || server.bmc_address.contains(&search)
            || server
                .tags
                .iter()
                .any(|t| t.to_lowercase().contains(&search));
        let state_ok = self.state.is_none_or(|s| s == server.state);
        let tag_ok = self
            .tag
            .as_ref()
            .is_none_or(|tag| server.tags.iter().any(|t| t == tag));
        let counts = stats.copied().unwrap_or_default();
        let severity_ok = match self.severity.as_deref() {
            Some("critical") => counts.critical_events > 0,
            Some("warning") => counts.critical_events + counts.warning_events > 0,
            _ => true,
        };
        text_ok && state_ok && tag_ok && severity_ok
    }

    /// The ids of the servers to show, in display order.
    pub fn apply(
        &self,
        fleet: &[ServerSummary],
        stats: &HashMap<ServerId, ServerStats>,
    ) -> Vec<ServerId> {
        let mut shown: Vec<&ServerSummary> = fleet
            .iter()
            .filter(|s| self.keeps(s, stats.get(&s.id)))
            .collect();
        let stat = |s: &ServerSummary| stats.get(&s.id).copied().unwrap_or_default();
        let desc = |a: Option<f64>, b: Option<f64>| {
            b.unwrap_or(f64::MIN).total_cmp(&a.unwrap_or(f64::MIN))
        };
        shown.sort_by(|a, b| {
            let primary = match self.sort {
                SortKey::Name => std::cmp::Ordering::Equal,
                SortKey::State => badness(a.state).cmp(&badness(b.state)),
                SortKey::Events => {
                    let key = |s: &ServerSummary| {
                        let st = stat(s);
                        (st.critical_events, st.warning_events)
                    };
                    key(b).cmp(&key(a))
                }
                SortKey::Hottest => desc(stat(a).hottest_celsius, stat(b).hottest_celsius),
                SortKey::Power => desc(a.power_watts, b.power_watts),
            };
            primary.then_with(|| a.name.cmp(&b.name))
        });
        shown.into_iter().map(|s| s.id).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn server(id: i64, name: &str, state: ServerState, tags: &[&str]) -> ServerSummary {
        ServerSummary {
            id: ServerId(id),
            name: name.to_owned(),
            bmc_address: format!("10.0.0.{id}"),
            state,
            power_on: Some(true),
            power_watts: Some(id as f64 * 100.0),
            last_poll: None,
            tags: tags.iter().map(|t| t.to_string()).collect(),
        }
    }

    fn fleet() -> Vec<ServerSummary> {
        vec![
            server(1, "gpu-01", ServerState::Online, &["gpu"]),
            server(2, "db-01", ServerState::Dark, &["db"]),
            server(3, "gpu-02", ServerState::BmcDown, &["gpu", "rack-4"]),
        ]
    }

    fn ids(list: Vec<ServerId>) -> Vec<i64> {
        list.into_iter().map(|i| i.0).collect()
    }

    #[test]
    fn search_state_and_tag_narrow_the_list() {
        let stats = HashMap::new();
        let by = |f: ViewFilter| ids(f.apply(&fleet(), &stats));
        assert_eq!(by(ViewFilter::default()), [2, 1, 3], "by name");
        let search = ViewFilter {
            search: "GPU".into(),
            ..Default::default()
        };
        assert_eq!(by(search), [1, 3]);
        let address = ViewFilter {
            search: "10.0.0.2".into(),
            ..Default::default()
        };
        assert_eq!(by(address), [2]);
        let state = ViewFilter {
            state: Some(ServerState::BmcDown),
            ..Default::default()
        };
        assert_eq!(by(state), [3]);
        let tag = ViewFilter {
            tag: Some("rack-4".into()),
            ..Default::default()
        };
        assert_eq!(by(tag), [3]);
    }

    #[test]
    fn severity_filter_and_sorts_use_the_stats() {
        let mut stats = HashMap::new();
        stats.insert(
            ServerId(1),
            ServerStats {
                warning_events: 5,
                critical_events: 0,
                hottest_celsius: Some(71.0),
            },
        );
        stats.insert(
            ServerId(3),
            ServerStats {
                warning_events: 0,
                critical_events: 1,
                hottest_celsius: Some(55.0),
            },
        );
        let by = |f: ViewFilter| ids(f.apply(&fleet(), &stats));
        let critical = ViewFilter {
            severity: Some("critical".into()),
            ..Default::default()
        };
        assert_eq!(by(critical), [3]);
        let warning = ViewFilter {
            severity: Some("warning".into()),
            ..Default::default()
        };
        assert_eq!(by(warning), [1, 3]);
        let sorted = |sort| {
            by(ViewFilter {
                sort,
                ..Default::default()
            })
        };
        assert_eq!(sorted(SortKey::State), [2, 3, 1]);
        assert_eq!(sorted(SortKey::Events), [3, 1, 2]);
        assert_eq!(sorted(SortKey::Hottest), [1, 3, 2]);
        assert_eq!(sorted(SortKey::Power), [3, 2, 1]);
        assert_eq!(SortKey::parse("hottest"), SortKey::Hottest);
        assert_eq!(SortKey::parse("nonsense"), SortKey::Name);
    }
}
