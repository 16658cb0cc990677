//! Cipher suite IDs (IPMI v2.0 section 22.15.2, table 22-20) mapped to their algorithms.

use crate::rmcp_plus::{AuthAlg, ConfidentialityAlg, IntegrityAlg};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CipherSuite {
    pub id: u8,
    pub auth: AuthAlg,
    pub integrity: IntegrityAlg,
    pub confidentiality: ConfidentialityAlg,
}

impl CipherSuite {
    /// The suites this client implements; `None` for the rest (RC4 and MD5-128 suites).
    pub fn from_id(id: u8) -> Option<Self> {
        use AuthAlg as A;
        use ConfidentialityAlg as C;
        use IntegrityAlg as I;
        let (auth, integrity, confidentiality) = match id {
            0 => (A::None, I::None, C::None),
            1 => (A::HmacSha1, I::None, C::None),
            2 => (A::HmacSha1, I::HmacSha1_96, C::None),
            3 => (A::HmacSha1, I::HmacSha1_96, C::AesCbc128),
            6 => (A::HmacMd5, I::None, C::None),
            7 => (A::HmacMd5, I::HmacMd5_128, C::None),
            8 => (A::HmacMd5, I::HmacMd5_128, C::AesCbc128),
            15 => (A::HmacSha256, I::None, C::None),
            16 => (A::HmacSha256, I::HmacSha256_128, C::None),
            17 => (A::HmacSha256, I::HmacSha256_128, C::AesCbc128),
            _ => return None,
        };
        Some(CipherSuite {
            id,
            auth,
            integrity,
            confidentiality,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suites_3_and_17() {
        let s3 = CipherSuite::from_id(3).unwrap();
        assert_eq!(
            (s3.auth.id(), s3.integrity.id(), s3.confidentiality.id()),
            (1, 1, 1)
        );
        let s17 = CipherSuite::from_id(17).unwrap();
        assert_eq!(
            (s17.auth.id(), s17.integrity.id(), s17.confidentiality.id()),
            (3, 4, 1)
        );
        assert!(CipherSuite::from_id(4).is_none());
    }
}
