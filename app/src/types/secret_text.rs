//! A password or passphrase on its way from a form to the server.

use serde::{Deserialize, Serialize};

/// Text that must never be printed: the arguments a `#[server]` function receives derive
/// `Debug`, and a password in one would show in any log or panic message that formats them.
/// This prints `***`; on the wire it is the plain string (the request itself is protected by
/// TLS, the same-origin checks and the session).
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SecretText(String);

impl SecretText {
    pub fn new(text: impl Into<String>) -> Self {
        Self(text.into())
    }

    /// The plaintext; call only where it is hashed, encrypted, compared or sent to a BMC.
    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl From<String> for SecretText {
    fn from(text: String) -> Self {
        Self(text)
    }
}

impl From<&str> for SecretText {
    fn from(text: &str) -> Self {
        Self(text.to_owned())
    }
}

impl std::fmt::Debug for SecretText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("***")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_hides_the_text_and_the_wire_carries_it() {
        let secret = SecretText::new("hunter2 and more");
        assert_eq!(format!("{secret:?}"), "***");
        assert_eq!(
            serde_json::to_string(&secret).unwrap(),
            "\"hunter2 and more\""
        );
        let back: SecretText = serde_json::from_str("\"x y\"").unwrap();
        assert_eq!(back.expose(), "x y");
    }
}
