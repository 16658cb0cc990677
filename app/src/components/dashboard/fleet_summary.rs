use leptos::prelude::*;

use std::collections::HashMap;

use crate::types::{ChartRange, ServerId, ServerState, ServerStats, ServerSummary};

/// Counts of servers per state and of warning and critical events in the chosen range, the
/// first thing an operator reads. Follows the live list.
#[component]
pub fn FleetSummary(
    fleet: RwSignal<Vec<ServerSummary>>,
    stats: RwSignal<HashMap<ServerId, ServerStats>>,
    range: ChartRange,
) -> impl IntoView {
    let events = move |critical: bool| {
        move || {
            stats.with(|all| {
                all.values()
                    .map(|s| {
                        if critical {
                            s.critical_events
                        } else {
                            s.warning_events
                        }
                    })
                    .sum::<u32>()
            })
        }
    };
    let count = move |state: Option<ServerState>| {
        move || {
            fleet.with(|f| {
                f.iter()
                    .filter(|s| state.is_none_or(|want| s.state == want))
                    .count()
            })
        }
    };
    let tiles = [
        ("Servers", None, "total"),
        ("Online", Some(ServerState::Online), "state-online"),
        ("BMC down", Some(ServerState::BmcDown), "state-bmc-down"),
        ("OS down", Some(ServerState::OsDown), "state-os-down"),
        ("Dark", Some(ServerState::Dark), "state-dark"),
    ];
    view! {
        <section class="fleet-summary" aria-label="Fleet summary">
            {tiles
                .into_iter()
                .map(|(label, state, class)| {
                    view! {
                        <div class=format!("summary-tile {class}")>
                            <span class="summary-count">{count(state)}</span>
                            <span class="summary-label">{label}</span>
                        </div>
                    }
                })
                .collect_view()}
            <div class="summary-tile events-critical">
                <span class="summary-count" id="critical-count">{events(true)}</span>
                <span class="summary-label">{format!("Critical events, {}", range.as_str())}</span>
            </div>
            <div class="summary-tile events-warning">
                <span class="summary-count" id="warning-count">{events(false)}</span>
                <span class="summary-label">{format!("Warnings, {}", range.as_str())}</span>
            </div>
        </section>
    }
}
