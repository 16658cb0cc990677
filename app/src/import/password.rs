//! A BMC password read from an import file.

/// Plaintext password on its way to [`SecretBox::encrypt`](crate::ssr::secrets::SecretBox).
/// `Debug` prints `***` so a row logged or printed whole never shows it, and it is not
/// `Serialize`, so it cannot be sent back to a browser.
#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

impl Password {
    pub fn new(text: impl Into<String>) -> Self {
        Self(text.into())
    }

    /// The plaintext; call only where it is encrypted or compared.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("***")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_hides_the_password() {
        let password = Password::new("hunter2");
        assert_eq!(format!("{password:?}"), "***");
        assert_eq!(format!("{:?}", Some(password.clone())), "Some(***)");
        assert_eq!(password.expose(), "hunter2");
    }
}
