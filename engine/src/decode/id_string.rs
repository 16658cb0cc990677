//! Type/length-prefixed strings: SDR ID strings (IPMI v2.0 §43.15) and FRU fields (Platform
//! Management FRU Information Storage Definition v1.0 §13).
//!
//! Both use a type/length byte whose bits 7:6 give the encoding, but they differ:
//! * SDR: bits 4:0 are the length "in characters" (§43.15); `00b` = Unicode, `01b` = BCD plus,
//!   `10b` = 6-bit packed ASCII, `11b` = 8-bit ASCII + Latin-1. So a 6-bit name of k characters
//!   occupies ceil(6k/8) bytes and a BCD plus one ceil(k/2) bytes (OpenIPMI's `sdrcomp` writes
//!   them this way: "FAN1" is `84h 66 E8 46`).
//! * FRU: bits 5:0 are the byte count; `00b` = binary/unspecified, `01b` = BCD plus, `10b` =
//!   6-bit packed ASCII, `11b` = 8-bit ASCII + Latin-1 when the area's language is English
//!   (code 0 or 25) and 2-byte Unicode otherwise. `C1h` ends the field list.
//!
//! Packing is least significant bits first for both packed types: 6-bit characters fill
//! each byte from bit 0 up, and BCD plus puts the first digit in the low nibble (as OpenIPMI
//! does). ipmitool copies SDR ID strings byte-for-byte whatever the type says, so it prints
//! 6-bit packed and BCD plus SDR names as garbage, and it reads FRU BCD plus high nibble
//! first; we decode both by the specification.

use serde::Serialize;

use super::bytes::{hex, slice};
use super::error::Result;

/// How a string's bytes are encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StringEncoding {
    /// SDR type `00b`: Unicode, which the spec never defines further; rendered as hex.
    Unicode,
    /// FRU type `00b`: binary or unspecified; rendered as hex.
    Binary,
    /// Type `01b`: 4-bit BCD plus (digits, space, `-`, `.`, `:`, `,`, `_`).
    BcdPlus,
    /// Type `10b`: 6-bit packed ASCII, 3 bytes hold 4 characters starting at space (20h).
    Packed6Bit,
    /// Type `11b`: 8-bit ASCII + Latin-1.
    Latin1,
    /// FRU type `11b` in an area whose language is not English: 2-byte Unicode (UCS-2 LE).
    Ucs2,
}

/// A decoded type/length string.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TypedString {
    /// The encoding named by the type/length byte.
    pub encoding: StringEncoding,
    /// Printable text (hex for binary/Unicode).
    pub text: String,
    /// The encoded bytes, exactly as stored (without the type/length byte).
    pub raw: Vec<u8>,
}

impl TypedString {
    /// An empty 8-bit string (used where a field is absent).
    pub fn empty() -> Self {
        TypedString {
            encoding: StringEncoding::Latin1,
            text: String::new(),
            raw: Vec::new(),
        }
    }
}

impl std::fmt::Display for TypedString {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

/// The BCD plus alphabet (§43.15): 0h–9h digits, Ah space, Bh `-`, Ch `.`, Dh `:`, Eh `,`,
/// Fh `_`.
const BCD_PLUS: &[u8; 16] = b"0123456789 -.:,_";

/// Decodes BCD plus, two characters per byte, first character in the low nibble (the
/// least-significant-first packing the spec uses for 6-bit ASCII too).
pub fn decode_bcd_plus(bytes: &[u8]) -> String {
    decode_bcd_plus_chars(bytes, bytes.len() * 2)
}

/// Decodes at most `chars` BCD plus characters (SDR lengths count characters).
pub fn decode_bcd_plus_chars(bytes: &[u8], chars: usize) -> String {
    bytes
        .iter()
        .flat_map(|b| [b & 0x0f, b >> 4])
        .take(chars)
        .map(|nib| char::from(BCD_PLUS.get(usize::from(nib)).copied().unwrap_or(b'?')))
        .collect()
}

/// Decodes at most `chars` 6-bit packed characters (SDR lengths count characters).
pub fn decode_6bit_chars(bytes: &[u8], chars: usize) -> String {
    let mut s = String::with_capacity(chars);
    let mut acc: u32 = 0;
    let mut nbits: u32 = 0;
    let mut it = bytes.iter();
    for _ in 0..chars {
        while nbits < 6 {
            match it.next() {
                Some(b) => {
                    acc |= u32::from(*b) << nbits;
                    nbits += 8;
                }
                None => return s,
            }
        }
        s.push(char::from((acc & 0x3f) as u8 + 0x20));
        acc >>= 6;
        nbits -= 6;
    }
    s
}

/// Decodes 6-bit packed ASCII whose length is given in bytes (FRU fields). Characters are
/// packed LSB first (§43.15): byte 0 bits 5:0 hold the first character, byte 0 bits 7:6 +
/// byte 1 bits 3:0 the second, and so on; each 6-bit code is added to 20h (space), so 20h
/// is `@`. `n` bytes hold `floor(n*8/6)` whole characters.
///
/// A byte count, not characters, so a string of `k` characters whose
/// packing leaves 6 or more spare bits (e.g. "12V": 18 bits in 3 bytes) decodes with one
/// extra code 0, a space. When the last character is a space and one character fewer would
/// need the same number of bytes, that space is padding and is dropped ("12V", not "12V ");
/// a space that needs its own bits (e.g. "DIMM " in 4 bytes) is kept.
pub fn decode_6bit_packed(bytes: &[u8]) -> String {
    let chars = bytes.len() * 8 / 6;
    let mut s = decode_6bit_chars(bytes, chars);
    if chars > 0 && s.ends_with(' ') && (6 * (chars - 1)).div_ceil(8) == bytes.len() {
        s.pop();
    }
    s
}

/// Decodes 8-bit ASCII + Latin-1 (every byte is its own code point). Stops at the first NUL:
/// writers pad fixed-size buffers with zeros.
pub fn decode_latin1(bytes: &[u8]) -> String {
    bytes
        .iter()
        .take_while(|b| **b != 0)
        .map(|b| char::from(*b))
        .collect()
}

/// Decodes 2-byte little-endian Unicode (UCS-2), replacing invalid code units.
pub fn decode_ucs2(bytes: &[u8]) -> String {
    let units: Vec<u16> = bytes
        .chunks_exact(2)
        .map(|c| {
            u16::from_le_bytes([
                c.first().copied().unwrap_or(0),
                c.get(1).copied().unwrap_or(0),
            ])
        })
        .take_while(|u| *u != 0)
        .collect();
    String::from_utf16_lossy(&units)
}

fn render(encoding: StringEncoding, raw: &[u8]) -> String {
    match encoding {
        StringEncoding::Unicode | StringEncoding::Binary => hex(raw),
        StringEncoding::BcdPlus => decode_bcd_plus(raw),
        StringEncoding::Packed6Bit => decode_6bit_packed(raw),
        StringEncoding::Latin1 => decode_latin1(raw),
        StringEncoding::Ucs2 => decode_ucs2(raw),
    }
}

/// Decodes an SDR ID string from its type/length byte and the bytes after it (§43.15).
///
/// The length counts characters: 6-bit strings use ceil(6n/8) bytes, BCD plus ceil(n/2),
/// 8-bit n. Unicode is undefined by the spec and taken as n bytes. Returns the string and
/// the number of bytes it used after the type/length byte. The bytes are clipped to what is
/// there: a record that lies about its string still yields the part that is present (the
/// SDR header length is what we trust).
pub fn decode_sdr_string(type_length: u8, data: &[u8]) -> (TypedString, usize) {
    let n = usize::from(type_length & 0x1f);
    let encoding = match type_length >> 6 {
        0 => StringEncoding::Unicode,
        1 => StringEncoding::BcdPlus,
        2 => StringEncoding::Packed6Bit,
        _ => StringEncoding::Latin1,
    };
    let nbytes = match encoding {
        StringEncoding::BcdPlus => n.div_ceil(2),
        StringEncoding::Packed6Bit => (6 * n).div_ceil(8),
        _ => n,
    }
    .min(data.len());
    let raw = data.get(..nbytes).unwrap_or_default();
    // Trailing blanks are kept: a shared record's name such as "Temp " relies on them before
    // the instance suffix (§43.2).
    let text = match encoding {
        StringEncoding::BcdPlus => decode_bcd_plus_chars(raw, n),
        StringEncoding::Packed6Bit => decode_6bit_chars(raw, n),
        other => render(other, raw),
    };
    (
        TypedString {
            encoding,
            text,
            raw: raw.to_vec(),
        },
        nbytes,
    )
}

/// The FRU type/length byte `C1h` marks the end of an area's fields (FRU spec §13).
pub const FRU_END_OF_FIELDS: u8 = 0xc1;

/// Whether a FRU area's language code means English, where `11b` is 8-bit Latin-1
/// (FRU spec §13: 0 = English by default, 25 = English).
pub fn is_english(language_code: u8) -> bool {
    language_code == 0 || language_code == 25
}

/// Decodes one FRU type/length field at the start of `data` (type/length byte included).
///
/// BCD plus is read packed, two digits per byte, low nibble first, with the SDR alphabet
/// (the FRU spec reserves Dh–Fh; we still show them as `:`, `,`, `_`). Readers disagree
/// here: ipmitool reads the high nibble first and FreeIPMI one digit per byte; see the FRU
/// golden tests.
///
/// Returns `Ok(None)` at the `C1h` end marker, otherwise the string and the total bytes used
/// (1 + length). A length running past `data` is `Truncated`.
pub fn decode_fru_field(data: &[u8], english: bool) -> Result<Option<(TypedString, usize)>> {
    let tl = super::bytes::byte(data, 0, "FRU type/length byte")?;
    if tl == FRU_END_OF_FIELDS {
        return Ok(None);
    }
    let len = usize::from(tl & 0x3f);
    let raw = slice(data, 1, len, "FRU field")?;
    let encoding = match tl >> 6 {
        0 => StringEncoding::Binary,
        1 => StringEncoding::BcdPlus,
        2 => StringEncoding::Packed6Bit,
        _ if english => StringEncoding::Latin1,
        _ => StringEncoding::Ucs2,
    };
    Ok(Some((
        TypedString {
            encoding,
            text: render(encoding, raw),
            raw: raw.to_vec(),
        },
        1 + len,
    )))
}

/// Encodes ASCII text as 6-bit packed bytes (characters outside 20h–5Fh become `?`);
/// lower-case letters are upper-cased. Used to build fixtures and by tests.
pub fn encode_6bit_packed(text: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let mut acc: u32 = 0;
    let mut nbits = 0u32;
    for c in text.chars() {
        let c = c.to_ascii_uppercase();
        let code = if (' '..='_').contains(&c) {
            c as u32 - 0x20
        } else {
            u32::from(b'?' - 0x20)
        };
        acc |= code << nbits;
        nbits += 6;
        while nbits >= 8 {
            out.push((acc & 0xff) as u8);
            acc >>= 8;
            nbits -= 8;
        }
    }
    if nbits > 0 {
        out.push((acc & 0xff) as u8);
    }
    out
}
