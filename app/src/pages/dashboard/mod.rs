//! The fleet at a glance: summary tiles, a card per server, search, filters, sort and the
//! time range for event counts (all in the query string), collect-now with its progress, and
//! a dialog while new servers get their first collection. Kept current by the websocket.

mod collect;
mod filter_form;
mod view_filter;

use std::collections::HashMap;

use leptos::prelude::*;

use crate::base_path::app_url;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::control::get_collection_progress;
use crate::api::servers::{get_fleet_stats, list_servers};
use crate::components::dashboard::{FleetSummary, ServerCard};
use crate::live::use_live;
use crate::types::{
    ChartRange, CollectionProgress, LiveMessage, ServerId, ServerStats, ServerSummary, Severity,
};
use collect::{CollectNow, InitialCollection};
use filter_form::FilterForm;
use view_filter::{SortKey, ViewFilter, parse_state};

#[component]
pub fn DashboardPage() -> impl IntoView {
    let query = use_query_map();
    let range = move || {
        query
            .read()
            .get("range")
            .and_then(|r| ChartRange::parse(&r))
            .unwrap_or(ChartRange::Day)
    };
    let servers = Resource::new(|| (), |_| list_servers());
    let stats = Resource::new(range, |range| get_fleet_stats(range.as_str().to_owned()));
    let progress = Resource::new(|| (), |_| get_collection_progress());
    view! {
        <Title text="Dashboard · IPMI Monitor"/>
        <h1>"Dashboard"</h1>
        <Suspense fallback=|| view! { <p class="loading">"Loading servers…"</p> }>
            {move || Suspend::new(async move {
                let stats = stats.await.unwrap_or_default();
                let progress = progress.await.ok().flatten();
                match servers.await {
                    Ok(list) => view! { <Fleet initial=list stats progress range=range()/> }.into_any(),
                    Err(err) => view! { <p class="error">{err.to_string()}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The filter the query string asks for.
fn filter_from_query(query: &leptos_router::params::ParamsMap) -> ViewFilter {
    ViewFilter {
        search: query.get("q").unwrap_or_default(),
        state: query.get("state").and_then(|s| parse_state(&s)),
        tag: query.get("tag").filter(|t| !t.is_empty()),
        severity: query
            .get("severity")
            .filter(|s| matches!(s.as_str(), "warning" | "critical")),
        sort: SortKey::parse(&query.get("sort").unwrap_or_default()),
    }
}

/// The summary and the cards, updated in place by websocket messages.
#[component]
fn Fleet(
    initial: Vec<ServerSummary>,
    stats: Vec<(ServerId, ServerStats)>,
    progress: Option<CollectionProgress>,
    range: ChartRange,
) -> impl IntoView {
    let query = use_query_map();
    let fleet = RwSignal::new(initial);
    let stats = RwSignal::new(stats.into_iter().collect::<HashMap<_, _>>());
    let progress = RwSignal::new(progress);
    let filter = RwSignal::new(filter_from_query(&query.get_untracked()));
    let live = use_live();
    Effect::new(move |_| match live.last_message.get() {
        Some(LiveMessage::ServerUpdated { server }) => {
            fleet.update(|f| match f.iter_mut().find(|s| s.id == server.id) {
                Some(entry) => *entry = server,
                None => {
                    f.push(server);
                    f.sort_by(|a, b| a.name.cmp(&b.name));
                }
            });
        }
        Some(LiveMessage::NewEvents { events }) => stats.update(|all| {
            for event in events {
                let entry = all.entry(event.server_id).or_default();
                match event.severity {
                    Severity::Critical => entry.critical_events += 1,
                    Severity::Warning => entry.warning_events += 1,
                    Severity::Info => {}
                }
            }
        }),
        Some(LiveMessage::CollectionProgress { progress: p }) => progress.set(Some(p)),
        _ => {}
    });
    let shown = Memo::new(move |_| {
        let filter = filter.get();
        fleet.with(|f| stats.with(|s| filter.apply(f, s)))
    });
    let tags = Memo::new(move |_| {
        let mut tags: Vec<String> = fleet.with(|f| f.iter().flat_map(|s| s.tags.clone()).collect());
        tags.sort();
        tags.dedup();
        tags
    });
    let empty = move || fleet.with(Vec::is_empty);
    view! {
        <FleetSummary fleet stats range/>
        <InitialCollection progress/>
        <Show when=empty fallback=move || view! {
            <div class="dashboard-tools">
                <FilterForm filter tags range/>
                <CollectNow progress/>
            </div>
            <p class="hint" id="shown-count">{move || format!("{} of {} servers shown", shown.with(Vec::len), fleet.with(Vec::len))}</p>
            <section class="server-grid">
                <For each=move || shown.get() key=|id| *id let:id>
                    <ServerCard id fleet stats/>
                </For>
            </section>
        }>
            <section class="empty-state" id="empty-fleet">
                <h2>"No servers yet"</h2>
                <p>
                    "Add or import servers under "<a href=app_url("/settings/servers")>"Settings → Servers"</a>
                    ", or from the shell with "<code>"ipmi-monitor import servers.csv"</code>"."
                </p>
            </section>
        </Show>
    }
}
