//! Redirects from server functions, under the app's base path.

/// Sends the browser to the app path `path` (`/login`, `/account?changed=1`): the `Location`
/// gets the base path the app is served under, so a redirect never leaves a sub-path.
pub fn redirect(path: &str) {
    leptos_axum::redirect(&crate::base_path::app_url(path));
}
