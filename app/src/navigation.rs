//! Full page loads, for the few moments a client-side route change is not enough: after
//! signing in or out, every part of the page (the user menu, the websocket) must start over
//! with the new identity.

/// Loads `path` (an app path, under the base path) as a new page. Does nothing on the server.
pub fn reload_at(path: &str) {
    #[cfg(feature = "hydrate")]
    if let Some(window) = web_sys::window() {
        let _ = window
            .location()
            .set_href(&crate::base_path::from_document().url(path));
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = path;
}
