//! FRU inventory (Platform Management FRU Information Storage Definition v1.0 rev 1.3) and
//! the Get FRU Inventory Area Info response (IPMI v2.0 §34.1).
//!
//! Layout: an 8-byte common header (§8) with offsets in multiples of 8 bytes to the
//! internal use, chassis info (§10), board info (§11), product info (§12) and multi-record
//! (§16) areas. Each info area starts with version and length (× 8) and ends with a zero
//! checksum; fields are type/length strings ending with `C1h`.
//!
//! Checksum failures are reported (`checksum_ok = false` plus a warning) and the data is
//! still decoded: a wrong checksum on a real board is far more often a vendor bug than
//! garbage, and the operator wants to see the serial number either way.

use serde::Serialize;

use super::bytes::{byte, le16, le24, need, zero_checksum};
use super::error::{DecodeError, Result};
use super::id_string::{TypedString, decode_fru_field, is_english};
use super::time::{FRU_EPOCH_UNIX, UtcTime};

/// Get FRU Inventory Area Info response (§34.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct FruInventoryInfo {
    /// Inventory area size in bytes.
    pub size: u16,
    /// Byte 4 bit 0: device is accessed by words (offsets/counts in words), not bytes.
    pub word_access: bool,
}

/// Decodes a Get FRU Inventory Area Info response body (completion code stripped).
pub fn decode_fru_inventory_info(body: &[u8]) -> Result<FruInventoryInfo> {
    const W: &str = "Get FRU Inventory Area Info response";
    Ok(FruInventoryInfo {
        size: le16(body, 0, W)?,
        word_access: byte(body, 2, W)? & 0x01 != 0,
    })
}

/// The 8-byte common header (§8). Offsets are in bytes (already × 8); `None` when 0 (area
/// absent).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct FruCommonHeader {
    /// Bits 3:0 of byte 0 (01h for this spec).
    pub format_version: u8,
    pub internal_use_offset: Option<usize>,
    pub chassis_offset: Option<usize>,
    pub board_offset: Option<usize>,
    pub product_offset: Option<usize>,
    pub multi_record_offset: Option<usize>,
    pub checksum_ok: bool,
}

/// Length of the common header.
pub const FRU_HEADER_LEN: usize = 8;

/// Decodes the common header. A wrong format version is `Unsupported` (the offsets would be
/// meaningless); a bad checksum is only flagged.
pub fn decode_fru_common_header(bytes: &[u8]) -> Result<FruCommonHeader> {
    const W: &str = "FRU common header";
    need(bytes, FRU_HEADER_LEN, W)?;
    let h = bytes.get(..FRU_HEADER_LEN).unwrap_or_default();
    let version = byte(h, 0, W)? & 0x0f;
    if version != 0x01 {
        return Err(DecodeError::unsupported(
            W,
            format!("format version {version:#x}"),
        ));
    }
    let off = |i: usize| -> Result<Option<usize>> {
        let v = usize::from(byte(h, i, W)?) * 8;
        Ok((v != 0).then_some(v))
    };
    Ok(FruCommonHeader {
        format_version: version,
        internal_use_offset: off(1)?,
        chassis_offset: off(2)?,
        board_offset: off(3)?,
        product_offset: off(4)?,
        multi_record_offset: off(5)?,
        checksum_ok: zero_checksum(h) == 0,
    })
}

/// SMBIOS chassis type names (FRU spec §10 refers to SMBIOS), as ipmitool prints them;
/// 1Dh+ are the newer SMBIOS 3.x types ipmitool does not know (it prints "Unknown").
pub fn chassis_type_name(code: u8) -> &'static str {
    const NAMES: [&str; 37] = [
        "Unspecified",
        "Other",
        "Unknown",
        "Desktop",
        "Low Profile Desktop",
        "Pizza Box",
        "Mini Tower",
        "Tower",
        "Portable",
        "LapTop",
        "Notebook",
        "Hand Held",
        "Docking Station",
        "All in One",
        "Sub Notebook",
        "Space-saving",
        "Lunch Box",
        "Main Server Chassis",
        "Expansion Chassis",
        "SubChassis",
        "Bus Expansion Chassis",
        "Peripheral Chassis",
        "RAID Chassis",
        "Rack Mount Chassis",
        "Sealed-case PC",
        "Multi-system Chassis",
        "CompactPCI",
        "AdvancedTCA",
        "Blade",
        "Blade Enclosure",
        "Tablet",
        "Convertible",
        "Detachable",
        "IoT Gateway",
        "Embedded PC",
        "Mini PC",
        "Stick PC",
    ];
    NAMES.get(usize::from(code)).copied().unwrap_or("Unknown")
}

/// Chassis Info Area (§10).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChassisInfo {
    pub version: u8,
    /// SMBIOS chassis type code.
    pub chassis_type: u8,
    pub part_number: Option<TypedString>,
    pub serial_number: Option<TypedString>,
    pub custom: Vec<TypedString>,
    pub checksum_ok: bool,
}

/// Board Info Area (§11).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BoardInfo {
    pub version: u8,
    pub language: u8,
    /// Minutes since 1996-01-01 00:00 UTC; 0 = unspecified.
    pub mfg_minutes: u32,
    pub manufacturer: Option<TypedString>,
    pub product_name: Option<TypedString>,
    pub serial_number: Option<TypedString>,
    pub part_number: Option<TypedString>,
    pub fru_file_id: Option<TypedString>,
    pub custom: Vec<TypedString>,
    pub checksum_ok: bool,
}

impl BoardInfo {
    /// Manufacturing time as Unix seconds, `None` when unspecified.
    pub fn mfg_unix(&self) -> Option<i64> {
        (self.mfg_minutes != 0).then(|| FRU_EPOCH_UNIX + i64::from(self.mfg_minutes) * 60)
    }

    /// Manufacturing time broken down.
    pub fn mfg_time(&self) -> Option<UtcTime> {
        self.mfg_unix().map(UtcTime::from_unix)
    }
}

/// Product Info Area (§12).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProductInfo {
    pub version: u8,
    pub language: u8,
    pub manufacturer: Option<TypedString>,
    pub product_name: Option<TypedString>,
    pub part_number: Option<TypedString>,
    pub product_version: Option<TypedString>,
    pub serial_number: Option<TypedString>,
    pub asset_tag: Option<TypedString>,
    pub fru_file_id: Option<TypedString>,
    pub custom: Vec<TypedString>,
    pub checksum_ok: bool,
}

/// One multi-record area record (§16): header and raw payload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MultiRecord {
    /// Record type id (00h power supply, 01h DC output, 02h DC load, 03h management access,
    /// 04h base compatibility, 05h extended compatibility, C0h–FFh OEM).
    pub record_type: u8,
    /// Bits 3:0 of byte 1 (02h).
    pub format_version: u8,
    /// Byte 1 bit 7.
    pub end_of_list: bool,
    pub record_checksum_ok: bool,
    pub header_checksum_ok: bool,
    pub data: Vec<u8>,
}

/// A decoded FRU inventory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FruInventory {
    pub header: FruCommonHeader,
    pub chassis: Option<ChassisInfo>,
    pub board: Option<BoardInfo>,
    pub product: Option<ProductInfo>,
    pub multi_records: Vec<MultiRecord>,
    /// Every problem found on the way (bad checksums, truncated areas, fields running past
    /// their area), in words for the log/UI.
    pub warnings: Vec<String>,
}

/// The bytes of the info area at `offset`: from its length byte, clipped to `data` (with a
/// warning when clipped). Returns the area and whether its checksum is right.
fn area<'a>(
    data: &'a [u8],
    offset: usize,
    what: &'static str,
    warnings: &mut Vec<String>,
) -> Result<(&'a [u8], bool)> {
    let start = data
        .get(offset..)
        .ok_or_else(|| DecodeError::truncated(what, offset.saturating_add(2), data.len()))?;
    need(start, 2, what)?;
    let declared = usize::from(byte(start, 1, what)?) * 8;
    if declared < 2 {
        return Err(DecodeError::invalid(what, "area length 0"));
    }
    let (bytes, complete) = match start.get(..declared) {
        Some(b) => (b, true),
        None => (start, false),
    };
    if !complete {
        warnings.push(format!(
            "{what}: declared {declared} bytes, only {} present",
            start.len()
        ));
    }
    let ok = complete && zero_checksum(bytes) == 0;
    if complete && !ok {
        warnings.push(format!("{what}: bad checksum"));
    }
    Ok((bytes, ok))
}

/// Reads type/length fields from `area[pos..]`: first `fixed` named ones, then custom ones
/// until `C1h`. The checksum byte (last of the area) is never read as a field.
fn fields(
    area: &[u8],
    mut pos: usize,
    fixed: usize,
    english: bool,
    what: &'static str,
    warnings: &mut Vec<String>,
) -> (Vec<Option<TypedString>>, Vec<TypedString>) {
    let limit = area.len().saturating_sub(1);
    let body = area.get(..limit).unwrap_or_default();
    let mut named = Vec::with_capacity(fixed);
    let mut custom = Vec::new();
    let mut ended = false;
    let mut i = 0usize;
    loop {
        if ended || pos >= body.len() {
            if !ended && pos >= body.len() {
                warnings.push(format!("{what}: no end-of-fields marker"));
            }
            break;
        }
        match decode_fru_field(body.get(pos..).unwrap_or_default(), english) {
            Ok(Some((s, used))) => {
                pos += used;
                if i < fixed {
                    named.push(Some(s));
                } else {
                    custom.push(s);
                }
                i += 1;
            }
            Ok(None) => ended = true,
            Err(e) => {
                warnings.push(format!("{what}: {e}"));
                break;
            }
        }
    }
    named.resize(fixed, None);
    // An empty field (type/length C0h) is "not present" for display purposes.
    for f in named.iter_mut() {
        if f.as_ref().is_some_and(|s| s.raw.is_empty()) {
            *f = None;
        }
    }
    (named, custom)
}

fn take(v: &mut [Option<TypedString>], i: usize) -> Option<TypedString> {
    v.get_mut(i).and_then(Option::take)
}

fn chassis(data: &[u8], offset: usize, warnings: &mut Vec<String>) -> Result<ChassisInfo> {
    const W: &str = "chassis info area";
    let (a, ok) = area(data, offset, W, warnings)?;
    let (mut named, custom) = fields(a, 3, 2, true, W, warnings);
    Ok(ChassisInfo {
        version: byte(a, 0, W)? & 0x0f,
        chassis_type: byte(a, 2, W)?,
        part_number: take(&mut named, 0),
        serial_number: take(&mut named, 1),
        custom,
        checksum_ok: ok,
    })
}

fn board(data: &[u8], offset: usize, warnings: &mut Vec<String>) -> Result<BoardInfo> {
    const W: &str = "board info area";
    let (a, ok) = area(data, offset, W, warnings)?;
    let language = byte(a, 2, W)?;
    let mfg_minutes = le24(a, 3, W)?;
    let (mut named, custom) = fields(a, 6, 5, is_english(language), W, warnings);
    Ok(BoardInfo {
        version: byte(a, 0, W)? & 0x0f,
        language,
        mfg_minutes,
        manufacturer: take(&mut named, 0),
        product_name: take(&mut named, 1),
        serial_number: take(&mut named, 2),
        part_number: take(&mut named, 3),
        fru_file_id: take(&mut named, 4),
        custom,
        checksum_ok: ok,
    })
}

fn product(data: &[u8], offset: usize, warnings: &mut Vec<String>) -> Result<ProductInfo> {
    const W: &str = "product info area";
    let (a, ok) = area(data, offset, W, warnings)?;
    let language = byte(a, 2, W)?;
    let (mut named, custom) = fields(a, 3, 7, is_english(language), W, warnings);
    Ok(ProductInfo {
        version: byte(a, 0, W)? & 0x0f,
        language,
        manufacturer: take(&mut named, 0),
        product_name: take(&mut named, 1),
        part_number: take(&mut named, 2),
        product_version: take(&mut named, 3),
        serial_number: take(&mut named, 4),
        asset_tag: take(&mut named, 5),
        fru_file_id: take(&mut named, 6),
        custom,
        checksum_ok: ok,
    })
}

/// Decodes the multi-record area starting at `offset`. Stops at the end-of-list flag, at
/// the end of `data`, or at a record whose header checksum fails (the length can't be
/// trusted then).
pub fn decode_multi_records(
    data: &[u8],
    offset: usize,
    warnings: &mut Vec<String>,
) -> Vec<MultiRecord> {
    const W: &str = "multi-record area";
    let mut out = Vec::new();
    let mut pos = offset;
    // Each record has a 5-byte header, so this bounds the loop on any input.
    while let Some(h) = data.get(pos..pos.saturating_add(5)) {
        let header_ok = zero_checksum(h) == 0;
        let (rtype, flags, len, rsum) = (
            h.first().copied().unwrap_or(0),
            h.get(1).copied().unwrap_or(0),
            usize::from(h.get(2).copied().unwrap_or(0)),
            h.get(3).copied().unwrap_or(0),
        );
        if !header_ok {
            warnings.push(format!("{W}: bad header checksum at offset {pos}"));
            break;
        }
        let start = pos + 5;
        let payload = match data.get(start..start + len) {
            Some(p) => p,
            None => {
                warnings.push(format!("{W}: record at offset {pos} runs past the data"));
                break;
            }
        };
        let sum = payload.iter().fold(rsum, |a, b| a.wrapping_add(*b));
        let record_ok = sum == 0;
        if !record_ok {
            warnings.push(format!("{W}: bad record checksum at offset {pos}"));
        }
        let end = flags & 0x80 != 0;
        out.push(MultiRecord {
            record_type: rtype,
            format_version: flags & 0x0f,
            end_of_list: end,
            record_checksum_ok: record_ok,
            header_checksum_ok: header_ok,
            data: payload.to_vec(),
        });
        if end {
            break;
        }
        pos = start + len;
    }
    out
}

/// Runs an area decoder when the area exists, turning its error into a warning.
fn keep<T>(
    offset: Option<usize>,
    f: impl FnOnce(usize, &mut Vec<String>) -> Result<T>,
    warnings: &mut Vec<String>,
) -> Option<T> {
    let o = offset?;
    match f(o, warnings) {
        Ok(v) => Some(v),
        Err(e) => {
            warnings.push(e.to_string());
            None
        }
    }
}

/// Decodes a whole FRU inventory image (as read with Read FRU Data or `ipmitool fru read`).
///
/// Only an unusable common header is an error; problems inside areas become warnings and
/// the area is decoded as far as possible (or left out when it cannot be).
pub fn decode_fru(data: &[u8]) -> Result<FruInventory> {
    let header = decode_fru_common_header(data)?;
    let mut warnings = Vec::new();
    if !header.checksum_ok {
        warnings.push("common header: bad checksum".to_string());
    }
    let chassis = keep(
        header.chassis_offset,
        |o, w| chassis(data, o, w),
        &mut warnings,
    );
    let board = keep(header.board_offset, |o, w| board(data, o, w), &mut warnings);
    let product = keep(
        header.product_offset,
        |o, w| product(data, o, w),
        &mut warnings,
    );
    let multi_records = header
        .multi_record_offset
        .map(|o| decode_multi_records(data, o, &mut warnings))
        .unwrap_or_default();
    Ok(FruInventory {
        header,
        chassis,
        board,
        product,
        multi_records,
        warnings,
    })
}

/// ipmitool `fru print` labels for the fields we decode.
pub mod labels {
    pub const CHASSIS_TYPE: &str = "Chassis Type";
    pub const CHASSIS_PART_NUMBER: &str = "Chassis Part Number";
    pub const CHASSIS_SERIAL: &str = "Chassis Serial";
    pub const CHASSIS_EXTRA: &str = "Chassis Extra";
    pub const BOARD_MFG_DATE: &str = "Board Mfg Date";
    pub const BOARD_MFG: &str = "Board Mfg";
    pub const BOARD_PRODUCT: &str = "Board Product";
    pub const BOARD_SERIAL: &str = "Board Serial";
    pub const BOARD_PART_NUMBER: &str = "Board Part Number";
    pub const BOARD_FRU_ID: &str = "Board FRU ID";
    pub const BOARD_EXTRA: &str = "Board Extra";
    pub const PRODUCT_MANUFACTURER: &str = "Product Manufacturer";
    pub const PRODUCT_NAME: &str = "Product Name";
    pub const PRODUCT_PART_NUMBER: &str = "Product Part Number";
    pub const PRODUCT_VERSION: &str = "Product Version";
    pub const PRODUCT_SERIAL: &str = "Product Serial";
    pub const PRODUCT_ASSET_TAG: &str = "Product Asset Tag";
    pub const PRODUCT_FRU_ID: &str = "Product FRU ID";
    pub const PRODUCT_EXTRA: &str = "Product Extra";
}

fn push(out: &mut Vec<(&'static str, String)>, label: &'static str, v: Option<&TypedString>) {
    if let Some(s) = v
        && !s.text.is_empty()
    {
        out.push((label, s.text.clone()));
    }
}

impl FruInventory {
    /// `(label, value)` pairs in `ipmitool fru print` order and wording as ipmitool 1.8.19
    /// prints them: empty fields skipped, no FRU file id lines (1.8.19 reads but never
    /// prints them) and no checksum lines (1.8.19 never checks area checksums). The board
    /// date prints as `Mon Mar 18 09:30:00 2024 UTC`, or `Unspecified` when 0.
    pub fn ipmitool_fields(&self) -> Vec<(&'static str, String)> {
        self.labelled(false)
    }

    /// Every decoded field with ipmitool's labels, including the FRU file ids
    /// (`Board FRU ID`, `Product FRU ID`, as newer ipmitool prints them).
    pub fn fields(&self) -> Vec<(&'static str, String)> {
        self.labelled(true)
    }

    fn labelled(&self, file_ids: bool) -> Vec<(&'static str, String)> {
        use labels::*;
        let mut out: Vec<(&'static str, String)> = Vec::new();
        if let Some(c) = &self.chassis {
            out.push((CHASSIS_TYPE, chassis_type_name(c.chassis_type).to_string()));
            push(&mut out, CHASSIS_PART_NUMBER, c.part_number.as_ref());
            push(&mut out, CHASSIS_SERIAL, c.serial_number.as_ref());
            for x in &c.custom {
                push(&mut out, CHASSIS_EXTRA, Some(x));
            }
        }
        if let Some(b) = &self.board {
            let date = b
                .mfg_time()
                .map(|t| t.asctime_utc())
                .unwrap_or_else(|| "Unspecified".to_string());
            out.push((BOARD_MFG_DATE, date));
            push(&mut out, BOARD_MFG, b.manufacturer.as_ref());
            push(&mut out, BOARD_PRODUCT, b.product_name.as_ref());
            push(&mut out, BOARD_SERIAL, b.serial_number.as_ref());
            push(&mut out, BOARD_PART_NUMBER, b.part_number.as_ref());
            if file_ids {
                push(&mut out, BOARD_FRU_ID, b.fru_file_id.as_ref());
            }
            for x in &b.custom {
                push(&mut out, BOARD_EXTRA, Some(x));
            }
        }
        if let Some(p) = &self.product {
            push(&mut out, PRODUCT_MANUFACTURER, p.manufacturer.as_ref());
            push(&mut out, PRODUCT_NAME, p.product_name.as_ref());
            push(&mut out, PRODUCT_PART_NUMBER, p.part_number.as_ref());
            push(&mut out, PRODUCT_VERSION, p.product_version.as_ref());
            push(&mut out, PRODUCT_SERIAL, p.serial_number.as_ref());
            push(&mut out, PRODUCT_ASSET_TAG, p.asset_tag.as_ref());
            if file_ids {
                push(&mut out, PRODUCT_FRU_ID, p.fru_file_id.as_ref());
            }
            for x in &p.custom {
                push(&mut out, PRODUCT_EXTRA, Some(x));
            }
        }
        out
    }

    /// Whether every checksum (header, areas, multi-records) was right.
    pub fn checksums_ok(&self) -> bool {
        self.header.checksum_ok
            && self.chassis.as_ref().is_none_or(|c| c.checksum_ok)
            && self.board.as_ref().is_none_or(|b| b.checksum_ok)
            && self.product.as_ref().is_none_or(|p| p.checksum_ok)
            && self
                .multi_records
                .iter()
                .all(|m| m.record_checksum_ok && m.header_checksum_ok)
    }
}
