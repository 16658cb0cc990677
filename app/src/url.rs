//! Query-string encoding, shared by the server (login redirects) and the pages.

/// Percent-encodes everything but unreserved characters and `/` (so paths stay readable).
pub fn percent_encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// `path` when it is a path on this site, else `/` (a `?next=` must never lead elsewhere).
pub fn local_path(path: &str) -> String {
    if path.starts_with('/')
        && !path.starts_with("//")
        && !path.contains('\\')
        && path.bytes().all(|b| b.is_ascii_graphic())
    {
        path.to_owned()
    } else {
        "/".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_query_characters() {
        assert_eq!(percent_encode("/events?x=1&y"), "/events%3Fx%3D1%26y");
        assert_eq!(percent_encode("wrong password"), "wrong%20password");
    }

    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(local_path("/events?server=3"), "/events?server=3");
        assert_eq!(local_path("//evil.example/"), "/");
        assert_eq!(local_path("https://evil.example/"), "/");
        assert_eq!(local_path("/\\evil.example"), "/");
        assert_eq!(local_path("/a b"), "/");
    }
}
