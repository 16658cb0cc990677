use leptos::prelude::*;

use crate::types::ServerSummary;

/// One server on the dashboard: name, BMC address, state badge and tags.
#[component]
pub fn ServerCard(server: ServerSummary) -> impl IntoView {
    let state = server.state;
    view! {
        <article class="server-card" data-server-id=server.id.0>
            <header>
                <h2 class="server-name">{server.name}</h2>
                <span class=format!("badge {}", state.css_class())>{state.label()}</span>
            </header>
            <p class="server-bmc">"BMC "{server.bmc_address}</p>
            <ul class="tags">
                {server.tags.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}
            </ul>
        </article>
    }
}
