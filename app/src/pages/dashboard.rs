use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::servers::list_servers;
use crate::components::dashboard::{FleetSummary, ServerCard};

/// The fleet at a glance.
#[component]
pub fn DashboardPage() -> impl IntoView {
    let servers = Resource::new(|| (), |_| list_servers());
    view! {
        <Title text="Dashboard · IPMI Monitor"/>
        <h1>"Dashboard"</h1>
        <Suspense fallback=|| view! { <p class="loading">"Loading servers…"</p> }>
            {move || Suspend::new(async move {
                match servers.await {
                    Ok(list) if list.is_empty() => view! {
                        <FleetSummary servers=Vec::new()/>
                        <section class="empty-state" id="empty-fleet">
                            <h2>"No servers yet"</h2>
                            <p>
                                "Import your fleet with "<code>"ipmi-monitor import servers.csv"</code>
                                " or add servers under "<a href="/settings">"Settings"</a>"."
                            </p>
                        </section>
                    }
                    .into_any(),
                    Ok(list) => view! {
                        <FleetSummary servers=list.clone()/>
                        <section class="server-grid">
                            {list.into_iter().map(|s| view! { <ServerCard server=s/> }).collect_view()}
                        </section>
                    }
                    .into_any(),
                    Err(err) => view! { <p class="error">{err.to_string()}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}
