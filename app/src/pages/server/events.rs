use leptos::prelude::*;

use crate::base_path::app_url;

use crate::api::events::list_events_page;
use crate::components::events::SeveritySelect;
use crate::types::{EventRow, Severity};
use crate::url::percent_encode;

const PAGE_SIZE: u64 = 100;

/// The server's events, newest first: a severity filter and older pages through the query
/// string (links, so it works without JavaScript), the raw SEL bytes on expand, CSV export.
#[component]
pub fn EventsTab(id: i64, severity: Option<String>, before: Option<i64>) -> impl IntoView {
    let filter = (severity.clone(), before);
    let page = Resource::new(
        move || filter.clone(),
        move |(severity, before)| list_events_page(Some(id), severity, before, PAGE_SIZE),
    );
    let query = move |severity: &Option<String>, before: Option<i64>| {
        let mut params = vec![format!("tab=events")];
        if let Some(s) = severity {
            params.push(format!("severity={}", percent_encode(s)));
        }
        if let Some(b) = before {
            params.push(format!("before={b}"));
        }
        app_url(&format!("/servers/{id}?{}", params.join("&")))
    };
    let csv = app_url(&match &severity {
        Some(s) => format!(
            "/api/v1/events.csv?server_id={id}&severity={}",
            percent_encode(s)
        ),
        None => format!("/api/v1/events.csv?server_id={id}"),
    });
    let chosen = severity.clone();
    view! {
        <section class="card" id="server-events">
            <h2>"Events"</h2>
            <form method="get" action=app_url(&format!("/servers/{id}")) class="filters">
                <input type="hidden" name="tab" value="events"/>
                <SeveritySelect chosen=chosen/>
                <button type="submit">"Filter"</button>
                <a class="button" href=csv download="events.csv">"Download CSV"</a>
            </form>
            <Suspense fallback=|| view! { <p class="loading">"Loading events…"</p> }>
                {move || {
                    let severity = severity.clone();
                    Suspend::new(async move {
                        match page.await {
                            Ok(page) if page.events.is_empty() => view! {
                                <p class="empty-state" id="no-server-events">"No events recorded yet."</p>
                            }.into_any(),
                            Ok(page) => view! {
                                <EventTable rows=page.events/>
                                {page.next_before_id.map(|b| view! {
                                    <p><a href=query(&severity, Some(b)) id="older-server-events">"Older events →"</a></p>
                                })}
                            }.into_any(),
                            Err(err) => view! { <p class="error">{err.to_string()}</p> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </section>
    }
}

#[component]
fn EventTable(rows: Vec<EventRow>) -> impl IntoView {
    view! {
        <table class="events" id="server-event-table">
            <thead>
                <tr><th>"Time (UTC)"</th><th>"Severity"</th><th>"Event"</th></tr>
            </thead>
            <tbody>
                {rows
                    .into_iter()
                    .map(|e| {
                        let raw = (!e.raw_hex.is_empty()).then(|| spaced(&e.raw_hex));
                        view! {
                            <tr class=format!("severity-{}", e.severity.as_str())>
                                <td>{e.timestamp}</td>
                                <td>{e.severity.as_str()}</td>
                                <td>
                                    {e.description}
                                    {raw.map(|raw| view! {
                                        <details class="raw"><summary>"raw"</summary><code>{raw}</code></details>
                                    })}
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

/// `0a1b2c…` as `0a 1b 2c …`.
fn spaced(hex: &str) -> String {
    hex.as_bytes()
        .chunks(2)
        .map(|pair| String::from_utf8_lossy(pair).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Keeps `Severity` in the public vocabulary of this tab's query string.
pub fn parse_severity(text: Option<String>) -> Option<String> {
    text.filter(|s| Severity::parse(s).is_some())
}
