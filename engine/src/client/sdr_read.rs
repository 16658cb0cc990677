//! Reading the whole SDR repository (IPMI v2.0 section 33.12 and its implementation notes):
//! each record is read as a 5-byte header first, then the body in chunks. A chunk refused
//! with 0xCA ("cannot return number of requested data bytes") is retried smaller; a 0xC5
//! (reservation cancelled — someone changed the repository) gets a fresh reservation. Bytes
//! beyond the declared record length (some BMCs pad) are dropped.

use crate::client::bmc_client::Conn;
use crate::commands::sdr;
use crate::error::{IpmiError, Result};

/// The last record ID marker.
const LAST_RECORD: u16 = 0xFFFF;
/// A repository larger than this is treated as a loop in the record chain.
const MAX_RECORDS: usize = 4096;
/// Re-reservations allowed per record before giving up (someone keeps changing the SDRs).
const MAX_RESERVE_RETRIES: u32 = 5;

/// Reads every record's bytes (header + declared body) in chain order.
pub(crate) async fn read_all_sdr_bytes(c: &mut Conn<'_>) -> Result<Vec<Vec<u8>>> {
    let mut chunk = c.options().chunk_size.clamp(8, 64);
    let mut reservation = reserve(c).await?;
    let mut records = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut id = 0u16;
    while id != LAST_RECORD {
        if !seen.insert(id) || records.len() >= MAX_RECORDS {
            return Err(IpmiError::Protocol(format!(
                "SDR record chain loops at record {id:#06x}"
            )));
        }
        let mut retries = 0;
        let (next, bytes) = loop {
            match read_record(c, &mut reservation, id, &mut chunk).await {
                Err(IpmiError::CompletionCode(0xC5)) if retries < MAX_RESERVE_RETRIES => {
                    retries += 1;
                    reservation = reserve(c).await?;
                }
                other => break other?,
            }
        };
        records.push(bytes);
        id = next;
    }
    Ok(records)
}

async fn reserve(c: &mut Conn<'_>) -> Result<u16> {
    match c.call(&sdr::reserve_repository()).await {
        Ok(d) => sdr::parse_reservation(&d),
        // Reservation is optional (33.11); 0 works for BMCs that do not implement it.
        Err(IpmiError::CompletionCode(0xC1)) => Ok(0),
        Err(e) => Err(e),
    }
}

/// One record: header, then body chunks; shrinks `chunk` for the rest of the walk on 0xCA.
async fn read_record(
    c: &mut Conn<'_>,
    reservation: &mut u16,
    id: u16,
    chunk: &mut u8,
) -> Result<(u16, Vec<u8>)> {
    let header_len = 5u8;
    let d = c
        .call(&sdr::get_sdr(*reservation, id, 0, header_len))
        .await?;
    let (next, head) = sdr::parse_get_sdr(&d)?;
    let head = head
        .get(..usize::from(header_len))
        .ok_or_else(|| IpmiError::Protocol(format!("SDR {id:#06x}: short header")))?;
    let total = usize::from(header_len) + usize::from(head[4]);
    let mut bytes = Vec::with_capacity(total);
    bytes.extend_from_slice(head);
    while bytes.len() < total {
        let offset = bytes.len();
        let want = (*chunk).min(u8::try_from(total - offset).unwrap_or(u8::MAX));
        let off8 = u8::try_from(offset)
            .map_err(|_| IpmiError::Protocol("SDR record longer than 255".into()))?;
        match c.call(&sdr::get_sdr(*reservation, id, off8, want)).await {
            Ok(d) => {
                let (_, part) = sdr::parse_get_sdr(&d)?;
                if part.is_empty() {
                    return Err(IpmiError::Protocol(format!("SDR {id:#06x}: empty chunk")));
                }
                let take = part.len().min(total - offset);
                bytes.extend_from_slice(&part[..take]);
            }
            Err(IpmiError::CompletionCode(0xCA | 0xC7 | 0xC8 | 0xFF)) if *chunk > 4 => {
                *chunk /= 2;
                tracing::debug!(
                    record = id,
                    chunk = *chunk,
                    "Get SDR chunk refused, shrinking"
                );
            }
            Err(e) => return Err(e),
        }
    }
    Ok((next, bytes))
}
