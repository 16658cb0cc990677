use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::servers::list_servers;
use crate::components::dashboard::{FleetSummary, ServerCard};
use crate::live::use_live;
use crate::types::{LiveMessage, ServerSummary};

/// The fleet at a glance, kept current by the websocket.
#[component]
pub fn DashboardPage() -> impl IntoView {
    let servers = Resource::new(|| (), |_| list_servers());
    view! {
        <Title text="Dashboard · IPMI Monitor"/>
        <h1>"Dashboard"</h1>
        <Suspense fallback=|| view! { <p class="loading">"Loading servers…"</p> }>
            {move || Suspend::new(async move {
                match servers.await {
                    Ok(list) => view! { <Fleet initial=list/> }.into_any(),
                    Err(err) => view! { <p class="error">{err.to_string()}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The summary and the cards, updated in place by `ServerUpdated` messages.
#[component]
fn Fleet(initial: Vec<ServerSummary>) -> impl IntoView {
    let fleet = RwSignal::new(initial);
    let live = use_live();
    Effect::new(move |_| {
        if let Some(LiveMessage::ServerUpdated { server }) = live.last_message.get() {
            fleet.update(|f| match f.iter_mut().find(|s| s.id == server.id) {
                Some(entry) => *entry = server,
                None => {
                    f.push(server);
                    f.sort_by(|a, b| a.name.cmp(&b.name));
                }
            });
        }
    });
    let empty = move || fleet.with(Vec::is_empty);
    view! {
        <FleetSummary fleet/>
        <Show when=empty fallback=move || view! {
            <section class="server-grid">
                <For
                    each=move || fleet.with(|f| f.iter().map(|s| s.id).collect::<Vec<_>>())
                    key=|id| *id
                    let:id
                >
                    <ServerCard id fleet/>
                </For>
            </section>
        }>
            <section class="empty-state" id="empty-fleet">
                <h2>"No servers yet"</h2>
                <p>
                    "Import your fleet with "<code>"ipmi-monitor import servers.csv"</code>
                    " or add servers under "<a href="/settings">"Settings"</a>"."
                </p>
            </section>
        </Show>
    }
}
