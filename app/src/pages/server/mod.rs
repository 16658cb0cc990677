//! One server, titled by its name: its facts on top, then a tab chosen by `?tab=` (links, so
//! every tab works without JavaScript): overview (sensors and recent events), events,
//! sensors with history charts, power chart, inventory, actions and settings.

mod actions;
mod events;
mod facts;
mod inventory;
mod power;
mod sensors;
mod settings;

use leptos::prelude::*;

use crate::base_path::app_url;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::servers::get_server_detail;
use crate::types::ChartRange;
use actions::ActionsTab;
use events::{EventsTab, parse_severity};
use facts::Facts;
use inventory::InventoryTab;
use power::PowerTab;
use sensors::SensorsTab;
use settings::SettingsTab;

/// The tabs, as `(query value, label)`.
const TABS: [(&str, &str); 7] = [
    ("overview", "Overview"),
    ("events", "Events"),
    ("sensors", "Sensors"),
    ("power", "Power"),
    ("inventory", "Inventory"),
    ("actions", "Actions"),
    ("settings", "Settings"),
];

#[component]
pub fn ServerPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let id = move || params.read().get("id").and_then(|v| v.parse::<i64>().ok());
    let detail = Resource::new(id, |id| async move {
        match id {
            Some(id) => get_server_detail(id).await.map(Some),
            None => Ok(None),
        }
    });
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || {
                // Tracked: a tab link changes only the query, and the page must follow.
                let q = query.get();
                let tab = q
                    .get("tab")
                    .filter(|t| TABS.iter().any(|(key, _)| key == t))
                    .unwrap_or_else(|| "overview".to_owned());
                let range = q
                    .get("range")
                    .and_then(|r| ChartRange::parse(&r))
                    .unwrap_or(ChartRange::Day);
                let sensor = q.get("sensor").and_then(|v| v.parse::<i64>().ok());
                let severity = parse_severity(q.get("severity"));
                let before = q.get("before").and_then(|v| v.parse::<i64>().ok());
                Suspend::new(async move {
                match detail.await {
                    Ok(Some(detail)) => {
                        let id = detail.summary.id.0;
                        let name = detail.summary.name.clone();
                        let body = match tab.as_str() {
                            "events" => view! { <EventsTab id severity before/> }.into_any(),
                            "sensors" => view! { <SensorsTab id sensor range/> }.into_any(),
                            "power" => view! { <PowerTab id range/> }.into_any(),
                            "inventory" => view! { <InventoryTab id/> }.into_any(),
                            "actions" => view! { <ActionsTab id name=name.clone()/> }.into_any(),
                            "settings" => view! { <SettingsTab id/> }.into_any(),
                            _ => view! {
                                <SensorsTab id sensor range/>
                                <EventsTab id severity before/>
                            }
                            .into_any(),
                        };
                        view! {
                            <Title text=format!("{name} · IPMI Monitor")/>
                            <Facts detail/>
                            <nav class="tabs" aria-label="Server" id="server-tabs">
                                {TABS
                                    .into_iter()
                                    .map(|(key, label)| {
                                        let current = (key == tab).then_some("page");
                                        view! { <a href=app_url(&format!("/servers/{id}?tab={key}")) aria-current=current>{label}</a> }
                                    })
                                    .collect_view()}
                            </nav>
                            {body}
                        }
                        .into_any()
                    }
                    Ok(None) | Err(crate::types::AppError::NotFound) => view! {
                        <Title text="No such server · IPMI Monitor"/>
                        <h1>"No such server"</h1>
                        <p><a href=app_url("/")>"Back to the dashboard"</a></p>
                    }
                    .into_any(),
                    Err(err) => view! { <p class="error">{err.to_string()}</p> }.into_any(),
                }
                })
            }}
        </Suspense>
    }
}
