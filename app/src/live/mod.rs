//! The page's one websocket to `/ws`. Components read its state from context; only the
//! browser build opens the socket, so server rendering always shows "offline" (true until the
//! wasm has loaded and connected).

#[cfg(feature = "hydrate")]
mod socket;

use leptos::prelude::*;

use crate::types::{LiveMessage, ServerId};

/// Shared state of the websocket connection.
#[derive(Clone, Copy)]
pub struct LiveConnection {
    /// True while the socket is open.
    pub connected: RwSignal<bool>,
    /// The last message received, for components that react to pushes.
    pub last_message: RwSignal<Option<LiveMessage>>,
    /// Servers whose sensor updates this page wants (the server page sets its own).
    pub watch: RwSignal<Vec<ServerId>>,
}

/// Creates the connection state and, in the browser, opens the socket (reconnecting with
/// backoff when it drops). Call once, at the root of the app.
pub fn provide_live_connection() {
    let live = LiveConnection {
        connected: RwSignal::new(false),
        last_message: RwSignal::new(None),
        watch: RwSignal::new(Vec::new()),
    };
    provide_context(live);
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| socket::connect(live));
}

/// The connection state provided at the root. Outside the app (a lone component in a test) a
/// disconnected state is returned rather than panicking.
pub fn use_live() -> LiveConnection {
    use_context::<LiveConnection>().unwrap_or_else(|| LiveConnection {
        connected: RwSignal::new(false),
        last_message: RwSignal::new(None),
        watch: RwSignal::new(Vec::new()),
    })
}
