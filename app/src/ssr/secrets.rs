//! Secrets at rest (BMC passwords, keys, notification tokens): AES-256-GCM with a random
//! 96-bit nonce per value. The stored form is `v1:<base64(nonce ‖ ciphertext ‖ tag)>`, so a
//! future key or algorithm change can be told apart from old values.
//!
//! Plaintexts come back as [`Plaintext`], whose `Debug` prints `***`, so they cannot end up
//! in a log by accident.

use aes_gcm::aead::{Aead, KeyInit, OsRng, rand_core::RngCore};
use aes_gcm::{Aes256Gcm, Key, Nonce};
use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;

const PREFIX: &str = "v1:";
const NONCE_LEN: usize = 12;
/// Length of the key in bytes (AES-256).
pub const KEY_LEN: usize = 32;

/// Why a secret could not be opened.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SecretError {
    #[error("stored secret has an unknown format")]
    Format,
    #[error("stored secret does not match the key (wrong IPMI_MONITOR_SECRET_KEY or key file?)")]
    WrongKey,
    #[error("secret key must be {KEY_LEN} bytes, given as 64 hex digits or base64")]
    BadKey,
}

/// A decrypted secret. Use [`Plaintext::expose`] only where the value is needed.
#[derive(Clone, PartialEq, Eq)]
pub struct Plaintext(String);

impl Plaintext {
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Plaintext {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("***")
    }
}

/// Encrypts and decrypts with one key.
#[derive(Clone)]
pub struct SecretBox {
    cipher: Aes256Gcm,
}

impl std::fmt::Debug for SecretBox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretBox(***)")
    }
}

impl SecretBox {
    pub fn new(key: &[u8; KEY_LEN]) -> Self {
        Self {
            cipher: Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(key)),
        }
    }

    /// A fresh random key (for the key file written on first start).
    pub fn generate_key() -> [u8; KEY_LEN] {
        let mut key = [0u8; KEY_LEN];
        OsRng.fill_bytes(&mut key);
        key
    }

    /// Parses a key given as 64 hex digits or as base64 of 32 bytes.
    pub fn parse_key(text: &str) -> Result<[u8; KEY_LEN], SecretError> {
        let text = text.trim();
        let bytes = if text.len() == KEY_LEN * 2 && text.bytes().all(|b| b.is_ascii_hexdigit()) {
            (0..KEY_LEN)
                .map(|i| u8::from_str_radix(&text[2 * i..2 * i + 2], 16))
                .collect::<Result<Vec<u8>, _>>()
                .map_err(|_| SecretError::BadKey)?
        } else {
            B64.decode(text).map_err(|_| SecretError::BadKey)?
        };
        bytes.try_into().map_err(|_| SecretError::BadKey)
    }

    pub fn encrypt(&self, plaintext: &str) -> String {
        let mut nonce = [0u8; NONCE_LEN];
        OsRng.fill_bytes(&mut nonce);
        // Encryption with a valid key and a 12-byte nonce cannot fail for inputs this size.
        let ciphertext = self
            .cipher
            .encrypt(Nonce::from_slice(&nonce), plaintext.as_bytes())
            .unwrap_or_default();
        let mut blob = nonce.to_vec();
        blob.extend_from_slice(&ciphertext);
        format!("{PREFIX}{}", B64.encode(blob))
    }

    pub fn decrypt(&self, stored: &str) -> Result<Plaintext, SecretError> {
        let blob = stored
            .strip_prefix(PREFIX)
            .and_then(|b| B64.decode(b).ok())
            .ok_or(SecretError::Format)?;
        if blob.len() < NONCE_LEN {
            return Err(SecretError::Format);
        }
        let (nonce, ciphertext) = blob.split_at(NONCE_LEN);
        let bytes = self
            .cipher
            .decrypt(Nonce::from_slice(nonce), ciphertext)
            .map_err(|_| SecretError::WrongKey)?;
        String::from_utf8(bytes)
            .map(Plaintext)
            .map_err(|_| SecretError::Format)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_with_fresh_nonces() {
        let sb = SecretBox::new(&SecretBox::generate_key());
        let a = sb.encrypt("password");
        let b = sb.encrypt("password");
        assert_ne!(a, b, "same plaintext must not give the same ciphertext");
        assert!(!a.contains("password"));
        assert_eq!(sb.decrypt(&a).unwrap().expose(), "password");
        assert_eq!(format!("{:?}", sb.decrypt(&b).unwrap()), "***");
    }

    #[test]
    fn wrong_key_and_garbage_are_errors_not_panics() {
        let a = SecretBox::new(&SecretBox::generate_key());
        let b = SecretBox::new(&SecretBox::generate_key());
        let stored = a.encrypt("x");
        assert_eq!(b.decrypt(&stored), Err(SecretError::WrongKey));
        assert_eq!(a.decrypt("plain"), Err(SecretError::Format));
        assert_eq!(a.decrypt("v1:!!"), Err(SecretError::Format));
        assert_eq!(a.decrypt("v1:AAAA"), Err(SecretError::Format));
    }

    #[test]
    fn keys_parse_from_hex_or_base64() {
        let hex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
        let key = SecretBox::parse_key(hex).unwrap();
        assert_eq!(key[1], 0x11);
        assert_eq!(SecretBox::parse_key(&B64.encode(key)).unwrap(), key);
        assert_eq!(SecretBox::parse_key("short"), Err(SecretError::BadKey));
    }
}
