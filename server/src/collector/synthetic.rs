//! Events this app records itself (a BMC or OS going away and coming back; later, power and
//! admin actions), stored beside the SEL records with `source = "synthetic"`. Their record id
//! is the event time in milliseconds, so they never collide with each other or with SEL ids.

use app::entities::sel_event;
use app::types::{EventRow, ServerId, Severity};
use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, Set};
use sha2::{Digest, Sha256};

/// `sel_events.source` of synthetic events.
pub const SYNTHETIC_SOURCE: &str = "synthetic";

/// One event to record.
pub struct SyntheticEvent<'a> {
    pub server_id: i64,
    pub server_name: &'a str,
    pub at: DateTime<Utc>,
    pub severity: Severity,
    /// What the event table shows, e.g. "BMC unreachable (no answer to ASF presence ping)".
    pub description: String,
    /// Whether a problem began (true) or ended (false).
    pub asserted: bool,
}

/// Stores the event; returns the row the websocket pushes.
pub async fn record(
    db: &impl ConnectionTrait,
    event: SyntheticEvent<'_>,
) -> Result<EventRow, DbErr> {
    let hash: String = Sha256::digest(event.description.as_bytes())
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect();
    let row = sel_event::ActiveModel {
        server_id: Set(event.server_id),
        source: Set(SYNTHETIC_SOURCE.to_owned()),
        record_id: Set(event.at.timestamp_millis()),
        timestamp: Set(event.at),
        raw_hex: Set(String::new()),
        raw_hash: Set(hash),
        sensor_type: Set(None),
        sensor_number: Set(None),
        event_type: Set(None),
        asserted: Set(event.asserted),
        severity: Set(event.severity.as_str().to_owned()),
        description: Set(event.description.clone()),
        collected_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(EventRow {
        id: row.id,
        server_id: ServerId(event.server_id),
        server_name: event.server_name.to_owned(),
        timestamp: event.at.to_rfc3339(),
        severity: event.severity,
        description: event.description,
        raw_hex: String::new(),
    })
}
