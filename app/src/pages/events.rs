use leptos::prelude::*;

use crate::base_path::app_url;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::events::list_events_page;
use crate::api::servers::list_servers;
use crate::components::events::SeveritySelect;
use crate::types::Severity;
use crate::url::percent_encode;

/// How many events one page shows.
const PAGE_SIZE: u64 = 200;

/// Every server's events in one table, newest first, filtered by server and severity through
/// the query string (a filtered view is a link; the form works without JavaScript), paged
/// backwards, and downloadable as CSV with the same filters.
#[component]
pub fn EventsPage() -> impl IntoView {
    let query = use_query_map();
    let filter = move || {
        let q = query.read();
        (
            q.get("server").and_then(|v| v.parse::<i64>().ok()),
            q.get("severity").filter(|s| Severity::parse(s).is_some()),
            q.get("before").and_then(|v| v.parse::<i64>().ok()),
        )
    };
    let events = Resource::new(filter, |(server, severity, before)| {
        list_events_page(server, severity, before, PAGE_SIZE)
    });
    let servers = Resource::new(|| (), |_| list_servers());
    let link = move |before: Option<i64>, csv: bool| {
        let (server, severity, _) = filter();
        let mut params = Vec::new();
        if let Some(id) = server {
            params.push(format!("{}={id}", if csv { "server_id" } else { "server" }));
        }
        if let Some(s) = severity {
            params.push(format!("severity={}", percent_encode(&s)));
        }
        if let Some(b) = before {
            params.push(format!("{}={b}", if csv { "before_id" } else { "before" }));
        }
        let base = app_url(if csv { "/api/v1/events.csv" } else { "/events" });
        if params.is_empty() {
            base
        } else {
            format!("{base}?{}", params.join("&"))
        }
    };
    view! {
        <Title text="Events · IPMI Monitor"/>
        <h1>"Events"</h1>
        <Suspense fallback=|| view! { <p class="loading">"Loading events…"</p> }>
            {move || Suspend::new(async move {
                let (server, severity, _) = filter();
                let servers = servers.await.unwrap_or_default();
                let page = events.await;
                view! {
                    <form method="get" action=app_url("/events") class="filters" id="event-filters">
                        <select name="server" aria-label="server">
                            <option value="" selected=server.is_none()>"all servers"</option>
                            {servers
                                .into_iter()
                                .map(|s| view! { <option value=s.id.0.to_string() selected=server == Some(s.id.0)>{s.name}</option> })
                                .collect_view()}
                        </select>
                        <SeveritySelect chosen=severity.clone()/>
                        <button type="submit">"Filter"</button>
                        <a class="button" href=link(None, true) id="events-csv" download="events.csv">"Download CSV"</a>
                    </form>
                    {match page {
                        Ok(page) if page.events.is_empty() => {
                            view! { <p class="empty-state" id="no-events">"No events recorded yet."</p> }.into_any()
                        }
                        Ok(page) => view! {
                            <table class="events" id="event-table">
                                <thead>
                                    <tr><th>"Time (UTC)"</th><th>"Server"</th><th>"Severity"</th><th>"Event"</th></tr>
                                </thead>
                                <tbody>
                                    {page
                                        .events
                                        .into_iter()
                                        .map(|e| view! {
                                            <tr class=format!("severity-{}", e.severity.as_str())>
                                                <td>{e.timestamp}</td>
                                                <td><a href=app_url(&format!("/servers/{}", e.server_id.0))>{e.server_name}</a></td>
                                                <td>{e.severity.as_str()}</td>
                                                <td>{e.description}</td>
                                            </tr>
                                        })
                                        .collect_view()}
                                </tbody>
                            </table>
                            {page.next_before_id.map(|before| view! {
                                <p><a href=link(Some(before), false) id="older-events">"Older events →"</a></p>
                            })}
                        }
                        .into_any(),
                        Err(err) => view! { <p class="error">{err.to_string()}</p> }.into_any(),
                    }}
                }
            })}
        </Suspense>
    }
}
