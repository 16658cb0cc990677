//! SEL reading (IPMI v2.0 section 31): info, incremental reads from a cursor the caller
//! keeps, and clearing. A clear is detected from the last-erase timestamp (31.2) or from the
//! cursor's record having vanished, and then the SEL is read from the start.

use serde::{Deserialize, Serialize};

use crate::client::bmc_client::{BmcClient, Conn};
use crate::client::sdr_cache::ensure_sdr_cache;
use crate::commands::sel;
use crate::decode::{
    SelInfo, SelRecord, Severity, Timestamp, decode_get_sel_entry, decode_sel_info,
};
use crate::error::{IpmiError, Result};

/// Marks the end of the SEL in "next record ID" (31.5).
const LAST_ENTRY: u16 = 0xFFFF;
/// More records than a SEL can hold (64 KiB / 16 bytes): the chain loops.
const MAX_ENTRIES: usize = 4096;

/// Where the previous read stopped. Store it (it is serializable) and pass it back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SelCursor {
    /// The last record returned; `None` = read from the start.
    pub last_record_id: Option<u16>,
    /// Raw last-erase timestamp seen with that read; a change means the SEL was cleared.
    pub last_erase: Option<u32>,
    /// Raw last-addition timestamp seen with that read (informational: its one-second
    /// resolution cannot prove that nothing was added).
    pub last_add: Option<u32>,
}

/// One SEL record with its texts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SelEntry {
    pub id: u16,
    pub timestamp: Option<Timestamp>,
    /// The generating sensor's SDR name, when known.
    pub sensor_name: Option<String>,
    pub description: String,
    pub severity: Severity,
    /// The same line `ipmitool sel elist` prints.
    pub elist: String,
    pub record: SelRecord,
    /// The 16 record bytes as the BMC sent them: kept so a store can show them and tell a
    /// reused record id after a clear from the record it replaced.
    pub raw: Vec<u8>,
}

/// The result of `read_sel_since`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SelBatch {
    pub info: SelInfo,
    /// The SEL was cleared since the cursor was taken (entries restart from the first).
    pub cleared: bool,
    pub entries: Vec<SelEntry>,
    pub cursor: SelCursor,
}

impl BmcClient {
    /// Get SEL Info (31.2): entry count, free space, overflow, last add/erase times.
    pub async fn sel_info(&self) -> Result<SelInfo> {
        self.with_deadline(async |c: &mut Conn<'_>| {
            Ok(decode_sel_info(&c.call(&sel::get_sel_info()).await?)?)
        })
        .await
    }

    /// Records added after `cursor` (all records for `SelCursor::default()`), oldest first.
    /// Costs two requests (Get SEL Info, Get SEL Entry of the cursor's record) when nothing
    /// changed.
    pub async fn read_sel_since(&self, cursor: &SelCursor) -> Result<SelBatch> {
        let cursor = *cursor;
        self.with_deadline(async move |c: &mut Conn<'_>| read_since(c, cursor).await)
            .await
    }

    /// Clear SEL (31.9): reserve, initiate, then poll until the erase completes.
    pub async fn clear_sel(&self) -> Result<()> {
        self.with_deadline(async |c: &mut Conn<'_>| {
            let res = crate::commands::sdr::parse_reservation(&c.call(&sel::reserve_sel()).await?)?;
            if sel::parse_clear_sel(&c.call(&sel::clear_sel(res, true)).await?)? {
                return Ok(());
            }
            for _ in 0..50 {
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                if sel::parse_clear_sel(&c.call(&sel::clear_sel(res, false)).await?)? {
                    return Ok(());
                }
            }
            Err(IpmiError::Protocol("SEL erase did not complete".into()))
        })
        .await
    }

    /// Get SEL Time (31.10), seconds since 1970 (or since BMC start when < 0x20000000).
    pub async fn sel_time(&self) -> Result<u32> {
        self.with_deadline(async |c: &mut Conn<'_>| {
            sel::parse_sel_time(&c.call(&sel::get_sel_time()).await?)
        })
        .await
    }

    /// Set SEL Time (31.11), so new records get real timestamps instead of "Pre-Init".
    pub async fn set_sel_time(&self, unix_seconds: u32) -> Result<()> {
        self.with_deadline(async |c: &mut Conn<'_>| {
            c.call(&sel::set_sel_time(unix_seconds)).await.map(|_| ())
        })
        .await
    }
}

async fn read_since(c: &mut Conn<'_>, cursor: SelCursor) -> Result<SelBatch> {
    let info = decode_sel_info(&c.call(&sel::get_sel_info()).await?)?;
    let mut cleared = cursor
        .last_erase
        .is_some_and(|e| e != info.last_erase.raw());
    let mut batch = SelBatch {
        info,
        cleared,
        entries: Vec::new(),
        cursor: SelCursor {
            last_record_id: if cleared { None } else { cursor.last_record_id },
            last_erase: Some(info.last_erase.raw()),
            last_add: Some(info.last_add.raw()),
        },
    };
    if info.entries == 0 {
        batch.cursor.last_record_id = None;
        return Ok(batch);
    }
    // Where to start. The last-add timestamp has one-second resolution, so it cannot prove
    // that nothing was added: ask for the record after the cursor instead (one request).
    let mut id = match (cleared, cursor.last_record_id) {
        (false, Some(last)) => match c.call(&sel::get_sel_entry(0, last)).await {
            Ok(d) => decode_get_sel_entry(&d)?.0.0,
            Err(IpmiError::CompletionCode(0xCB)) => {
                // The record is gone: the SEL was cleared (and maybe refilled) meanwhile.
                cleared = true;
                0
            }
            Err(e) => return Err(e),
        },
        _ => 0,
    };
    if id == LAST_ENTRY {
        return Ok(batch);
    }
    // Sensor names for the texts; a BMC without SDRs still has a SEL.
    match ensure_sdr_cache(c).await {
        Ok(_) | Err(IpmiError::CompletionCode(_)) => {}
        Err(e) => return Err(e),
    }
    batch.cleared = cleared;
    if cleared {
        batch.cursor.last_record_id = None;
    }
    while id != LAST_ENTRY && batch.entries.len() < MAX_ENTRIES {
        let d = match c.call(&sel::get_sel_entry(0, id)).await {
            Ok(d) => d,
            // An empty SEL answers the first read with "not present".
            Err(IpmiError::CompletionCode(0xCB)) if id == 0 => break,
            Err(e) => return Err(e),
        };
        let (next, record) = decode_get_sel_entry(&d)?;
        let raw = d.get(2..).unwrap_or_default().to_vec();
        batch.entries.push(entry(c, record, raw));
        batch.cursor.last_record_id = batch.entries.last().map(|e| e.id);
        if next.0 == id {
            break;
        }
        id = next.0;
    }
    Ok(batch)
}

fn entry(c: &Conn<'_>, record: SelRecord, raw: Vec<u8>) -> SelEntry {
    let ctx = record.system_event().and_then(|e| {
        c.slot.sdr.as_ref()?.event_context(
            e.generator.slave_address(),
            e.generator.lun,
            e.sensor_number.0,
        )
    });
    SelEntry {
        id: record.id.0,
        timestamp: record.timestamp(),
        sensor_name: ctx.as_ref().map(|x| x.sensor_name.clone()),
        description: record.description(ctx.as_ref()),
        severity: record.severity(),
        elist: record.ipmitool_elist_line(ctx.as_ref()),
        record,
        raw,
    }
}
