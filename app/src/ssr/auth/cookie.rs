//! The session cookie: HttpOnly (no script reads it), SameSite=Lax (not sent on cross-site
//! POSTs), Secure over TLS, scoped to the app's path.

use std::time::Duration;

use http::HeaderMap;
use http::header::COOKIE;

pub const SESSION_COOKIE: &str = "ipmi_monitor_session";

/// `Set-Cookie` value that stores `token` for `lifetime`, sent only to requests under `path`
/// (the app's base path).
pub fn session_cookie(token: &str, lifetime: Duration, secure: bool, path: &str) -> String {
    format!(
        "{SESSION_COOKIE}={token}; Path={path}; HttpOnly; SameSite=Lax; Max-Age={}{}",
        lifetime.as_secs(),
        if secure { "; Secure" } else { "" }
    )
}

/// `Set-Cookie` value that removes the session cookie set for `path`.
pub fn clear_session_cookie(secure: bool, path: &str) -> String {
    format!(
        "{SESSION_COOKIE}=; Path={path}; HttpOnly; SameSite=Lax; Max-Age=0{}",
        if secure { "; Secure" } else { "" }
    )
}

/// The session token from the request's `Cookie` headers, if any.
pub fn session_token_from_headers(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == SESSION_COOKIE)
        .map(|(_, value)| value.trim().to_owned())
        .filter(|value| !value.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookie_attributes_and_parsing() {
        let set = session_cookie("abc", Duration::from_secs(60), true, "/");
        assert_eq!(
            set,
            "ipmi_monitor_session=abc; Path=/; HttpOnly; SameSite=Lax; Max-Age=60; Secure"
        );
        assert_eq!(
            clear_session_cookie(false, "/ipmi"),
            "ipmi_monitor_session=; Path=/ipmi; HttpOnly; SameSite=Lax; Max-Age=0"
        );
        let mut headers = HeaderMap::new();
        headers.insert(
            COOKIE,
            "theme=dark; ipmi_monitor_session=tok123 ".parse().unwrap(),
        );
        assert_eq!(
            session_token_from_headers(&headers).as_deref(),
            Some("tok123")
        );
        headers.insert(COOKIE, "ipmi_monitor_session=".parse().unwrap());
        assert_eq!(session_token_from_headers(&headers), None);
    }
}
