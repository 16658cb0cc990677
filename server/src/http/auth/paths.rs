//! Which paths need no login.

/// Routes anyone may use: the probes, and what signing in needs.
pub const PUBLIC_PATHS: &[&str] = &[
    "/health",
    "/api/version",
    "/metrics",
    "/login",
    "/setup",
    "/api/login",
    "/api/logout",
    "/api/setup_first_admin",
    "/api/get_auth_state",
    "/api/openapi.json",
    "/api/grafana/dashboard",
];

/// Requests the auth layer does not look at at all: probes (`/metrics` checks its own token)
/// and static assets.
pub fn is_probe_or_asset(path: &str) -> bool {
    matches!(
        path,
        "/health" | "/api/version" | "/metrics" | "/favicon.ico"
    ) || path.starts_with("/pkg/")
}

/// A path anyone may reach without signing in.
pub fn is_public(path: &str) -> bool {
    PUBLIC_PATHS.contains(&path) || is_probe_or_asset(path)
}

/// A request for a page (as opposed to the API or the websocket): the signed-out are sent to
/// the login page instead of getting a 401.
pub fn is_page(method: &axum::http::Method, path: &str) -> bool {
    (method == axum::http::Method::GET || method == axum::http::Method::HEAD)
        && !path.starts_with("/api/")
        && path != "/ws"
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::Method;

    #[test]
    fn classification() {
        assert!(is_public("/login") && is_public("/pkg/ipmi_monitor.wasm"));
        assert!(!is_public("/") && !is_public("/api/list_servers") && !is_public("/ws"));
        assert!(is_page(&Method::GET, "/events"));
        assert!(!is_page(&Method::POST, "/events"));
        assert!(!is_page(&Method::GET, "/api/servers"));
        assert!(!is_page(&Method::GET, "/ws"));
    }
}
