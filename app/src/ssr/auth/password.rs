//! Password hashing with argon2id (the argon2 crate's defaults: 19 MiB, 2 passes, which is
//! OWASP's recommendation), run on the blocking pool so a login never stalls the async runtime.

use std::sync::LazyLock;

use aes_gcm::aead::{OsRng, rand_core::RngCore};
use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

pub use crate::types::MIN_PASSWORD_LEN;
const MAX_PASSWORD_LEN: usize = 1024;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PasswordError {
    #[error("password must be at least {MIN_PASSWORD_LEN} characters")]
    TooShort,
    #[error("password must be at most {MAX_PASSWORD_LEN} characters")]
    TooLong,
    #[error("password hashing failed")]
    Hash,
}

/// Checks a password someone wants to set.
pub fn validate_new(password: &str) -> Result<(), PasswordError> {
    let chars = password.chars().count();
    if chars < MIN_PASSWORD_LEN {
        Err(PasswordError::TooShort)
    } else if chars > MAX_PASSWORD_LEN {
        Err(PasswordError::TooLong)
    } else {
        Ok(())
    }
}

/// The PHC string to store.
pub fn hash_blocking(password: &str) -> Result<String, PasswordError> {
    let mut salt = [0u8; 16];
    OsRng.fill_bytes(&mut salt);
    let salt = SaltString::encode_b64(&salt).map_err(|_| PasswordError::Hash)?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|_| PasswordError::Hash)
}

/// Whether `password` matches `stored`. An unreadable stored hash never matches.
pub fn verify_blocking(password: &str, stored: &str) -> bool {
    match PasswordHash::new(stored) {
        Ok(parsed) => Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok(),
        Err(_) => false,
    }
}

/// A hash of nothing anyone knows, verified against when the user name does not exist, so a
/// login for an unknown user takes as long as one with a wrong password.
static DECOY_HASH: LazyLock<String> =
    LazyLock::new(|| hash_blocking("decoy password nobody has").unwrap_or_default());

/// [`hash_blocking`] on the blocking pool.
pub async fn hash(password: String) -> Result<String, PasswordError> {
    tokio::task::spawn_blocking(move || hash_blocking(&password))
        .await
        .map_err(|_| PasswordError::Hash)?
}

/// [`verify_blocking`] on the blocking pool; `stored = None` (no such user) verifies against
/// the decoy and always fails.
pub async fn verify(password: String, stored: Option<String>) -> bool {
    tokio::task::spawn_blocking(move || match stored {
        Some(stored) => verify_blocking(&password, &stored),
        None => {
            let _ = verify_blocking(&password, &DECOY_HASH);
            false
        }
    })
    .await
    .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_argon2id_salted_and_verify() {
        let a = hash_blocking("correct horse battery").unwrap();
        let b = hash_blocking("correct horse battery").unwrap();
        assert!(a.starts_with("$argon2id$v=19$"), "{a}");
        assert_ne!(a, b, "salted");
        assert!(!a.contains("correct horse"));
        assert!(verify_blocking("correct horse battery", &a));
        assert!(!verify_blocking("correct horse batterx", &a));
        assert!(!verify_blocking("anything", "not a hash"));
    }

    #[test]
    fn new_passwords_have_a_minimum_length() {
        assert_eq!(validate_new("short"), Err(PasswordError::TooShort));
        assert_eq!(validate_new("long enough!"), Ok(()));
        assert_eq!(validate_new(&"x".repeat(2000)), Err(PasswordError::TooLong));
    }

    #[tokio::test]
    async fn unknown_users_never_verify() {
        assert!(!verify("decoy password nobody has".to_owned(), None).await);
    }
}
