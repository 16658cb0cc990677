//! Sealing the credentials of a backup with a passphrase: argon2id turns the passphrase and a
//! random salt into an AES-256-GCM key. The sealed form is `p1:<salt b64>:<SecretBox text>`.

use aes_gcm::aead::{OsRng, rand_core::RngCore};
use argon2::Argon2;
use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;

use super::BackupCredential;
use crate::ssr::secrets::{KEY_LEN, SecretBox};

const PREFIX: &str = "p1:";
const SALT_LEN: usize = 16;
/// Shortest passphrase accepted for sealing.
pub const MIN_PASSPHRASE_LEN: usize = 12;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PassphraseError {
    #[error("the passphrase must be at least {MIN_PASSPHRASE_LEN} characters")]
    TooShort,
    #[error("wrong passphrase, or the backup's secrets are damaged")]
    Wrong,
    #[error("the backup's sealed secrets have an unknown format")]
    Format,
}

fn derive(passphrase: &str, salt: &[u8]) -> Result<SecretBox, PassphraseError> {
    let mut key = [0u8; KEY_LEN];
    Argon2::default()
        .hash_password_into(passphrase.as_bytes(), salt, &mut key)
        .map_err(|_| PassphraseError::Format)?;
    Ok(SecretBox::new(&key))
}

/// Seals `credentials` with `passphrase`.
pub fn seal_secrets(
    credentials: &[BackupCredential],
    passphrase: &str,
) -> Result<String, PassphraseError> {
    if passphrase.chars().count() < MIN_PASSPHRASE_LEN {
        return Err(PassphraseError::TooShort);
    }
    let mut salt = [0u8; SALT_LEN];
    OsRng.fill_bytes(&mut salt);
    let json = serde_json::to_string(credentials).map_err(|_| PassphraseError::Format)?;
    let sealed = derive(passphrase, &salt)?.encrypt(&json);
    Ok(format!("{PREFIX}{}:{sealed}", B64.encode(salt)))
}

/// Opens what [`seal_secrets`] sealed.
pub fn open_secrets(
    sealed: &str,
    passphrase: &str,
) -> Result<Vec<BackupCredential>, PassphraseError> {
    let rest = sealed.strip_prefix(PREFIX).ok_or(PassphraseError::Format)?;
    let (salt, boxed) = rest.split_once(':').ok_or(PassphraseError::Format)?;
    let salt = B64.decode(salt).map_err(|_| PassphraseError::Format)?;
    let plain = derive(passphrase, &salt)?
        .decrypt(boxed)
        .map_err(|_| PassphraseError::Wrong)?;
    serde_json::from_str(plain.expose()).map_err(|_| PassphraseError::Format)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn creds() -> Vec<BackupCredential> {
        vec![BackupCredential {
            server: None,
            username: "admin".to_owned(),
            password: "bmc-secret-123".to_owned(),
            kg: None,
        }]
    }

    #[test]
    fn sealed_secrets_open_only_with_the_passphrase() {
        let sealed = seal_secrets(&creds(), "a long passphrase").unwrap();
        assert!(sealed.starts_with("p1:") && !sealed.contains("bmc-secret-123"));
        assert_eq!(open_secrets(&sealed, "a long passphrase").unwrap(), creds());
        assert_eq!(
            open_secrets(&sealed, "a long passphrasE"),
            Err(PassphraseError::Wrong)
        );
        assert_eq!(
            open_secrets("x", "a long passphrase"),
            Err(PassphraseError::Format)
        );
        assert_eq!(
            seal_secrets(&creds(), "short"),
            Err(PassphraseError::TooShort)
        );
    }
}
