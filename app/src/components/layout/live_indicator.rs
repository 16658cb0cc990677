use leptos::prelude::*;

use crate::live::use_live;

/// "live" while the websocket is open, "offline" otherwise (including before hydration and
/// with JavaScript off, when nothing can update the page).
#[component]
pub fn LiveIndicator() -> impl IntoView {
    let live = use_live();
    let connected = live.connected;
    view! {
        <span
            id="live-indicator"
            class="live-indicator"
            class:live=move || connected.get()
            data-live=move || if connected.get() { "true" } else { "false" }
            role="status"
            title="Live updates over the websocket"
        >
            {move || if connected.get() { "live" } else { "offline" }}
        </span>
    }
}
