use leptos::prelude::*;

use crate::base_path::app_url;

use std::collections::HashMap;

use crate::types::{ServerId, ServerStats, ServerSummary};

/// One server on the dashboard: name, BMC address, state badge, power and poll age. Reads its
/// entry from the live fleet list, so a websocket update changes the text in place (no
/// re-created element, no flicker, a text selection elsewhere on the card survives).
#[component]
pub fn ServerCard(
    id: ServerId,
    fleet: RwSignal<Vec<ServerSummary>>,
    stats: RwSignal<HashMap<ServerId, ServerStats>>,
) -> impl IntoView {
    let stat = move || stats.with(|s| s.get(&id).copied().unwrap_or_default());
    let server = Memo::new(move |_| fleet.with(|f| f.iter().find(|s| s.id == id).cloned()));
    let field = move |pick: fn(&ServerSummary) -> String| {
        move || server.with(|s| s.as_ref().map(pick).unwrap_or_default())
    };
    let state = move || server.with(|s| s.as_ref().map(|s| s.state));
    view! {
        <article class="server-card" data-server-id=id.0>
            <header>
                <h2 class="server-name"><a href=app_url(&format!("/servers/{}", id.0))>{field(|s| s.name.clone())}</a></h2>
                <span
                    class=move || format!("badge {}", state().map(|s| s.css_class()).unwrap_or_default())
                    data-state=move || state().map(|s| s.label()).unwrap_or_default()
                >
                    {move || state().map(|s| s.label()).unwrap_or_default()}
                </span>
            </header>
            <p class="server-bmc">"BMC "{field(|s| s.bmc_address.clone())}</p>
            <p class="server-power">{field(power_text)}</p>
            <p class="server-poll">{field(poll_text)}</p>
            <p class="server-stats">
                <span class="count-critical" class:zero=move || stat().critical_events == 0>{move || format!("{} critical", stat().critical_events)}</span>
                " · "
                <span class="count-warning" class:zero=move || stat().warning_events == 0>{move || format!("{} warning", stat().warning_events)}</span>
                {move || stat().hottest_celsius.map(|t| format!(" · hottest {t:.0} °C"))}
            </p>
            <ul class="tags">
                {move || {
                    server
                        .with(|s| s.as_ref().map(|s| s.tags.clone()).unwrap_or_default())
                        .into_iter()
                        .map(|t| view! { <li>{t}</li> })
                        .collect_view()
                }}
            </ul>
        </article>
    }
}

fn power_text(s: &ServerSummary) -> String {
    let power = match s.power_on {
        Some(true) => "Power on",
        Some(false) => "Power off",
        None => "Power unknown",
    };
    match s.power_watts {
        Some(w) => format!("{power} · {w:.0} W"),
        None => power.to_owned(),
    }
}

fn poll_text(s: &ServerSummary) -> String {
    match &s.last_poll {
        // RFC 3339: show the time of day, UTC; the full value is in the title.
        Some(t) => format!("Polled {} UTC", t.get(11..19).unwrap_or(t)),
        None => "Not polled yet".to_owned(),
    }
}
