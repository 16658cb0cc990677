//! Credentials. The password and K_g live in `Secret`, whose `Debug` prints `***` and whose
//! memory is wiped on drop, so neither a log line nor a core dump of a dropped client holds them.

use std::fmt;

/// Bytes that must never be printed.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(Vec<u8>);

impl Secret {
    pub fn new(bytes: impl Into<Vec<u8>>) -> Self {
        Secret(bytes.into())
    }

    /// The secret bytes, for the handshake only.
    pub fn expose(&self) -> &[u8] {
        &self.0
    }
}

impl From<&str> for Secret {
    fn from(s: &str) -> Self {
        Secret(s.as_bytes().to_vec())
    }
}

impl From<String> for Secret {
    fn from(s: String) -> Self {
        Secret(s.into_bytes())
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

impl Drop for Secret {
    fn drop(&mut self) {
        for b in self.0.iter_mut() {
            // Volatile so the wipe is not optimised away as a dead store.
            // SAFETY: `b` is a valid, aligned, exclusive reference into our own Vec.
            unsafe { std::ptr::write_volatile(b, 0) };
        }
    }
}

/// A BMC account: user name (≤ 16 bytes), password (≤ 20 bytes for IPMI 2.0, ≤ 16 for 1.5)
/// and the optional BMC key K_g (13.31; when absent the password is used, as the spec says).
#[derive(Clone, Debug)]
pub struct Credentials {
    pub username: String,
    pub password: Secret,
    pub kg: Option<Secret>,
}

impl Credentials {
    pub fn new(username: impl Into<String>, password: impl Into<Secret>) -> Self {
        Credentials {
            username: username.into(),
            password: password.into(),
            kg: None,
        }
    }

    pub fn with_kg(mut self, kg: impl Into<Secret>) -> Self {
        self.kg = Some(kg.into());
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_secrets() {
        let c = Credentials::new("admin", "hunter2").with_kg("kgkgkg");
        let s = format!("{c:?}");
        assert!(s.contains("admin") && s.contains("***"));
        assert!(!s.contains("hunter2") && !s.contains("kgkgkg"));
    }
}
