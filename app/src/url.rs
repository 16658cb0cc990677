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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_query_characters() {
        assert_eq!(percent_encode("/events?x=1&y"), "/events%3Fx%3D1%26y");
        assert_eq!(percent_encode("wrong password"), "wrong%20password");
    }
}
