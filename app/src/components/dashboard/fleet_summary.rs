use leptos::prelude::*;

use crate::types::{ServerState, ServerSummary};

/// Counts of servers per state, the first thing an operator reads. Follows the live list.
#[component]
pub fn FleetSummary(fleet: RwSignal<Vec<ServerSummary>>) -> impl IntoView {
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
        </section>
    }
}
