//! Cross-site request forgery: a state-changing request that relies on the session cookie
//! must come from our own pages. Browsers say where a request comes from (`Sec-Fetch-Site`,
//! `Origin`, `Referer`) and a page on another site cannot forge those; together with the
//! SameSite=Lax cookie this is OWASP's "verify origin with standard headers" defence, and it
//! works for plain HTML forms without a hidden token field.

use axum::http::HeaderMap;
use axum::http::header::{HOST, ORIGIN, REFERER};

/// Whether the request was sent by a page of this site. `host` is the host the client
/// addressed (the `Host` header, or a trusted proxy's `X-Forwarded-Host`).
pub fn is_same_origin(headers: &HeaderMap, host: Option<&str>) -> bool {
    if let Some(site) = text(headers, "sec-fetch-site") {
        return matches!(site, "same-origin" | "none");
    }
    let Some(host) = host.or_else(|| text(headers, HOST.as_str())) else {
        return false;
    };
    let source = text(headers, ORIGIN.as_str())
        .filter(|origin| *origin != "null")
        .or_else(|| text(headers, REFERER.as_str()));
    source
        .and_then(authority)
        .is_some_and(|authority| authority.eq_ignore_ascii_case(host))
}

fn text<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

/// `host[:port]` of an absolute http(s) URL.
fn authority(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("http://")
        .or_else(|| url.strip_prefix("https://"))?;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    Some(&rest[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, value.parse().unwrap());
        }
        map
    }

    #[test]
    fn fetch_metadata_decides_when_present() {
        assert!(is_same_origin(
            &headers(&[("sec-fetch-site", "same-origin")]),
            None
        ));
        assert!(!is_same_origin(
            &headers(&[
                ("sec-fetch-site", "cross-site"),
                ("origin", "http://a:1"),
                ("host", "a:1")
            ]),
            None
        ));
        assert!(!is_same_origin(
            &headers(&[("sec-fetch-site", "same-site")]),
            None
        ));
    }

    #[test]
    fn origin_or_referer_must_name_our_host() {
        let ok = headers(&[
            ("host", "mon.example:5001"),
            ("origin", "http://mon.example:5001"),
        ]);
        assert!(is_same_origin(&ok, None));
        let evil = headers(&[
            ("host", "mon.example:5001"),
            ("origin", "http://evil.example"),
        ]);
        assert!(!is_same_origin(&evil, None));
        let referer = headers(&[
            ("host", "mon.example"),
            ("referer", "https://mon.example/settings"),
        ]);
        assert!(is_same_origin(&referer, None));
        let prefix = headers(&[
            ("host", "mon.example"),
            ("origin", "https://mon.example.evil"),
        ]);
        assert!(!is_same_origin(&prefix, None));
        assert!(
            !is_same_origin(&headers(&[("host", "mon.example")]), None),
            "no source: refused"
        );
        let proxied = headers(&[("host", "10.0.0.5:5001"), ("origin", "https://mon.example")]);
        assert!(is_same_origin(&proxied, Some("mon.example")));
    }
}
