use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::events::list_recent_events;

/// How many events the page shows.
const PAGE_SIZE: u64 = 200;

/// Every server's events in one table, newest first.
#[component]
pub fn EventsPage() -> impl IntoView {
    let events = Resource::new(|| (), |_| list_recent_events(PAGE_SIZE));
    view! {
        <Title text="Events · IPMI Monitor"/>
        <h1>"Events"</h1>
        <Suspense fallback=|| view! { <p class="loading">"Loading events…"</p> }>
            {move || Suspend::new(async move {
                match events.await {
                    Ok(rows) if rows.is_empty() => {
                        view! { <p class="empty-state" id="no-events">"No events recorded yet."</p> }.into_any()
                    }
                    Ok(rows) => view! {
                        <table class="events">
                            <thead>
                                <tr><th>"Time (UTC)"</th><th>"Server"</th><th>"Severity"</th><th>"Event"</th></tr>
                            </thead>
                            <tbody>
                                {rows
                                    .into_iter()
                                    .map(|e| view! {
                                        <tr class=format!("severity-{}", e.severity.as_str())>
                                            <td>{e.timestamp}</td>
                                            <td>{e.server_name}</td>
                                            <td>{e.severity.as_str()}</td>
                                            <td>{e.description}</td>
                                        </tr>
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    }
                    .into_any(),
                    Err(err) => view! { <p class="error">{err.to_string()}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}
