//! AES-CBC-128 payload encryption (section 13.29, 13.29.1): a random 16-byte IV in clear,
//! then the payload + confidentiality pad (1, 2, 3, …) + pad length, encrypted with the
//! first 16 bytes of K2.

use aes::Aes128;
use aes::cipher::{BlockCipherDecrypt, BlockCipherEncrypt, KeyInit};

use crate::error::{IpmiError, Result};

const BLOCK: usize = 16;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConfidentialityAlg {
    None,
    /// AES-CBC-128 (1).
    AesCbc128,
}

impl ConfidentialityAlg {
    pub fn id(self) -> u8 {
        match self {
            ConfidentialityAlg::None => 0,
            ConfidentialityAlg::AesCbc128 => 1,
        }
    }
}

fn cipher(k2: &[u8]) -> Result<Aes128> {
    let key = k2
        .get(..BLOCK)
        .ok_or_else(|| IpmiError::Protocol("K2 shorter than an AES-128 key".into()))?;
    Aes128::new_from_slice(key).map_err(|_| IpmiError::Protocol("bad AES key length".into()))
}

/// Encrypts `plain` with a fresh random IV; returns IV ‖ ciphertext.
pub fn aes_cbc_encrypt(k2: &[u8], plain: &[u8]) -> Result<Vec<u8>> {
    let mut iv = [0u8; BLOCK];
    getrandom::fill(&mut iv).map_err(|e| IpmiError::Io(std::io::Error::other(e.to_string())))?;
    aes_cbc_encrypt_with_iv(k2, &iv, plain)
}

/// Deterministic form used by tests with known vectors.
pub fn aes_cbc_encrypt_with_iv(k2: &[u8], iv: &[u8; BLOCK], plain: &[u8]) -> Result<Vec<u8>> {
    let aes = cipher(k2)?;
    let pad_len = (BLOCK - (plain.len() + 1) % BLOCK) % BLOCK;
    let mut buf = Vec::with_capacity(plain.len() + pad_len + 1);
    buf.extend_from_slice(plain);
    buf.extend((1..=pad_len).map(|i| i as u8));
    buf.push(pad_len as u8);
    let mut out = Vec::with_capacity(BLOCK + buf.len());
    out.extend_from_slice(iv);
    let mut prev = *iv;
    for chunk in buf.chunks_exact(BLOCK) {
        let mut block = [0u8; BLOCK];
        for (i, b) in block.iter_mut().enumerate() {
            *b = chunk[i] ^ prev[i];
        }
        let mut b = aes::Block::from(block);
        aes.encrypt_block(&mut b);
        prev.copy_from_slice(b.as_slice());
        out.extend_from_slice(&prev);
    }
    Ok(out)
}

/// Decrypts IV ‖ ciphertext and strips the confidentiality trailer, checking the pad bytes.
pub fn aes_cbc_decrypt(k2: &[u8], payload: &[u8]) -> Result<Vec<u8>> {
    if payload.len() < 2 * BLOCK || !payload.len().is_multiple_of(BLOCK) {
        return Err(IpmiError::Protocol(format!(
            "encrypted payload of {} bytes is not IV + whole AES blocks",
            payload.len()
        )));
    }
    let aes = cipher(k2)?;
    let mut prev = [0u8; BLOCK];
    prev.copy_from_slice(&payload[..BLOCK]);
    let mut out = Vec::with_capacity(payload.len() - BLOCK);
    for chunk in payload[BLOCK..].chunks_exact(BLOCK) {
        let mut b = aes::Block::default();
        b.copy_from_slice(chunk);
        aes.decrypt_block(&mut b);
        for (i, x) in b.iter().enumerate() {
            out.push(x ^ prev[i]);
        }
        prev.copy_from_slice(chunk);
    }
    let pad_len = usize::from(*out.last().unwrap_or(&0));
    if pad_len >= BLOCK || pad_len + 1 > out.len() {
        return Err(IpmiError::Protocol("bad confidentiality pad length".into()));
    }
    let data_len = out.len() - 1 - pad_len;
    if out[data_len..data_len + pad_len]
        .iter()
        .enumerate()
        .any(|(i, b)| usize::from(*b) != i + 1)
    {
        return Err(IpmiError::Protocol("bad confidentiality pad bytes".into()));
    }
    out.truncate(data_len);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nist_sp800_38a_cbc_first_block() {
        // F.2.1 CBC-AES128.Encrypt, block 1; our trailer adds a second block that we ignore.
        let key: Vec<u8> = (0..16)
            .map(|i| {
                [
                    0x2b, 0x7e, 0x15, 0x16, 0x28, 0xae, 0xd2, 0xa6, 0xab, 0xf7, 0x15, 0x88, 0x09,
                    0xcf, 0x4f, 0x3c,
                ][i]
            })
            .collect();
        let iv: [u8; 16] = core::array::from_fn(|i| i as u8);
        let plain = [
            0x6b, 0xc1, 0xbe, 0xe2, 0x2e, 0x40, 0x9f, 0x96, 0xe9, 0x3d, 0x7e, 0x11, 0x73, 0x93,
            0x17, 0x2a,
        ];
        let ct = aes_cbc_encrypt_with_iv(&key, &iv, &plain).unwrap();
        assert_eq!(
            &ct[16..32],
            &[
                0x76, 0x49, 0xab, 0xac, 0x81, 0x19, 0xb2, 0x46, 0xce, 0xe9, 0x8e, 0x9b, 0x12, 0xe9,
                0x19, 0x7d
            ]
        );
        assert_eq!(aes_cbc_decrypt(&key, &ct).unwrap(), plain);
    }

    #[test]
    fn pads_and_round_trips_all_lengths() {
        let key = [7u8; 20];
        for len in 0..40 {
            let plain: Vec<u8> = (0..len as u8).collect();
            let ct = aes_cbc_encrypt(&key, &plain).unwrap();
            assert_eq!(ct.len() % 16, 0);
            assert_eq!(aes_cbc_decrypt(&key, &ct).unwrap(), plain);
        }
        assert!(aes_cbc_decrypt(&key, &[0u8; 20]).is_err());
    }
}
