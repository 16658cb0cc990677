//! Checked access to untrusted byte buffers (crate-private helpers).
//!
//! All decoders go through these so that a short buffer becomes
//! [`DecodeError::Truncated`](super::DecodeError::Truncated) instead of a panic.

use super::error::{DecodeError, Result};

/// Byte `i` of `b`, or `Truncated` naming `what`.
pub(crate) fn byte(b: &[u8], i: usize, what: &'static str) -> Result<u8> {
    b.get(i)
        .copied()
        .ok_or_else(|| DecodeError::truncated(what, i.saturating_add(1), b.len()))
}

/// Little-endian u16 at `i`.
pub(crate) fn le16(b: &[u8], i: usize, what: &'static str) -> Result<u16> {
    Ok(u16::from_le_bytes([
        byte(b, i, what)?,
        byte(b, i.saturating_add(1), what)?,
    ]))
}

/// Little-endian 24-bit value at `i` (IANA manufacturer ids, FRU dates).
pub(crate) fn le24(b: &[u8], i: usize, what: &'static str) -> Result<u32> {
    Ok(u32::from_le_bytes([
        byte(b, i, what)?,
        byte(b, i.saturating_add(1), what)?,
        byte(b, i.saturating_add(2), what)?,
        0,
    ]))
}

/// Little-endian u32 at `i` (SEL timestamps).
pub(crate) fn le32(b: &[u8], i: usize, what: &'static str) -> Result<u32> {
    Ok(u32::from_le_bytes([
        byte(b, i, what)?,
        byte(b, i.saturating_add(1), what)?,
        byte(b, i.saturating_add(2), what)?,
        byte(b, i.saturating_add(3), what)?,
    ]))
}

/// `b[start..start+len]`, or `Truncated`.
pub(crate) fn slice<'a>(
    b: &'a [u8],
    start: usize,
    len: usize,
    what: &'static str,
) -> Result<&'a [u8]> {
    let end = start.saturating_add(len);
    b.get(start..end)
        .ok_or_else(|| DecodeError::truncated(what, end, b.len()))
}

/// Requires `b.len() >= needed`.
pub(crate) fn need(b: &[u8], needed: usize, what: &'static str) -> Result<()> {
    if b.len() < needed {
        Err(DecodeError::truncated(what, needed, b.len()))
    } else {
        Ok(())
    }
}

/// The IPMI zero checksum: the byte that makes the sum of `data` plus itself 0 mod 256.
pub fn zero_checksum(data: &[u8]) -> u8 {
    data.iter()
        .fold(0u8, |acc, b| acc.wrapping_add(*b))
        .wrapping_neg()
}

/// Sign-extends the low `bits` bits of `v` (10-bit M and B, 4-bit exponents).
pub(crate) fn sign_extend(v: u16, bits: u32) -> i16 {
    let shift = 16u32.saturating_sub(bits);
    (v.wrapping_shl(shift) as i16).wrapping_shr(shift)
}

/// Lower-case hex without separators, as ipmitool renders binary fields.
pub(crate) fn hex(b: &[u8]) -> String {
    use std::fmt::Write;
    let mut s = String::with_capacity(b.len() * 2);
    for x in b {
        let _ = write!(s, "{x:02x}");
    }
    s
}
