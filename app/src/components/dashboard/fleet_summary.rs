use leptos::prelude::*;

use crate::types::{ServerState, ServerSummary};

/// Counts of servers per state, the first thing an operator reads.
#[component]
pub fn FleetSummary(servers: Vec<ServerSummary>) -> impl IntoView {
    let count = |state: ServerState| servers.iter().filter(|s| s.state == state).count();
    let tiles = [
        ("Servers", servers.len(), "total"),
        ("Online", count(ServerState::Online), "state-online"),
        ("BMC down", count(ServerState::BmcDown), "state-bmc-down"),
        ("OS down", count(ServerState::OsDown), "state-os-down"),
        ("Dark", count(ServerState::Dark), "state-dark"),
    ];
    view! {
        <section class="fleet-summary" aria-label="Fleet summary">
            {tiles
                .into_iter()
                .map(|(label, n, class)| {
                    view! {
                        <div class=format!("summary-tile {class}")>
                            <span class="summary-count">{n}</span>
                            <span class="summary-label">{label}</span>
                        </div>
                    }
                })
                .collect_view()}
        </section>
    }
}
