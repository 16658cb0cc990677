//! RMCP+ integrity algorithms (section 13.28.4, table 13-18): the AuthCode trailer of every
//! authenticated session packet, keyed with K1.

use md5::Md5;
use sha1::Sha1;
use sha2::Sha256;

use super::auth_alg::hmac_of;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IntegrityAlg {
    None,
    /// HMAC-SHA1-96 (1): HMAC-SHA1 with K1, first 12 bytes.
    HmacSha1_96,
    /// HMAC-MD5-128 (2).
    HmacMd5_128,
    /// HMAC-SHA256-128 (4): HMAC-SHA256 with K1, first 16 bytes.
    HmacSha256_128,
}

impl IntegrityAlg {
    pub fn id(self) -> u8 {
        match self {
            IntegrityAlg::None => 0,
            IntegrityAlg::HmacSha1_96 => 1,
            IntegrityAlg::HmacMd5_128 => 2,
            IntegrityAlg::HmacSha256_128 => 4,
        }
    }

    /// Bytes of AuthCode appended to each packet.
    pub fn tag_len(self) -> usize {
        match self {
            IntegrityAlg::None => 0,
            IntegrityAlg::HmacSha1_96 => 12,
            IntegrityAlg::HmacMd5_128 | IntegrityAlg::HmacSha256_128 => 16,
        }
    }

    /// The truncated AuthCode over `data` (session header through Next Header).
    pub fn tag(self, k1: &[u8], data: &[u8]) -> Vec<u8> {
        let mut full = match self {
            IntegrityAlg::None => return Vec::new(),
            IntegrityAlg::HmacSha1_96 => hmac_of::<Sha1>(k1, data),
            IntegrityAlg::HmacMd5_128 => hmac_of::<Md5>(k1, data),
            IntegrityAlg::HmacSha256_128 => hmac_of::<Sha256>(k1, data),
        };
        full.truncate(self.tag_len());
        full
    }
}
