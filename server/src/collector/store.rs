//! Writes one poll's results in one transaction: status, latest sensor values, history
//! points, new SEL events and the SEL cursor together. Because the cursor commits with the
//! events it covers, a crash before commit re-reads those records and a crash after never
//! does; the unique event key absorbs any overlap, so nothing is lost or duplicated.

use std::collections::HashMap;

use app::entities::{
    power_reading, sel_event, sensor, sensor_reading, server_inventory, server_status,
};
use app::types::{EventRow, ServerId, Severity};
use chrono::{DateTime, Utc};
use engine::client::{SelEntry, SensorValue};
use engine::decode::{EventDirection, Timestamp};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DatabaseTransaction, DbErr, EntityTrait,
    QueryFilter, Set, TransactionTrait,
};
use sha2::{Digest, Sha256};

use super::poll::PollReport;

/// What changed, for the live hub.
#[derive(Debug)]
pub struct StoredPoll {
    pub new_events: Vec<EventRow>,
    pub consecutive_failures: i32,
}

pub async fn store_report(
    db: &DatabaseConnection,
    report: &PollReport,
) -> Result<StoredPoll, DbErr> {
    let txn = db.begin().await?;
    let new_events = match &report.sel {
        Some(batch) => insert_events(&txn, report, &batch.entries).await?,
        None => Vec::new(),
    };
    if let Some(sensors) = &report.sensors {
        upsert_sensors(&txn, report.server_id, sensors, report.finished_at).await?;
    }
    if let Some(watts) = report.power_watts.filter(|w| w.is_finite()) {
        power_reading::ActiveModel {
            server_id: Set(report.server_id),
            at: Set(report.finished_at),
            watts: Set(watts),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    if let Some(inventory) = &report.inventory {
        upsert_inventory(&txn, report, inventory).await?;
    }
    let consecutive_failures = upsert_status(&txn, report).await?;
    txn.commit().await?;
    Ok(StoredPoll {
        new_events,
        consecutive_failures,
    })
}

async fn upsert_status(txn: &DatabaseTransaction, report: &PollReport) -> Result<i32, DbErr> {
    let previous = server_status::Entity::find_by_id(report.server_id)
        .one(txn)
        .await?;
    let healthy = report.bmc_reachable && report.collectors.values().all(|c| c.ok);
    let failures = if healthy {
        0
    } else {
        previous
            .as_ref()
            .map_or(0, |p| p.consecutive_failures)
            .saturating_add(1)
    };
    let collectors = serde_json::to_string(&report.collectors).unwrap_or_else(|_| "{}".to_owned());
    let mut row = server_status::ActiveModel {
        server_id: Set(report.server_id),
        bmc_reachable: Set(Some(report.bmc_reachable)),
        os_reachable: Set(report.os_reachable),
        last_poll_at: Set(Some(report.finished_at)),
        last_duration_ms: Set(Some(
            i64::try_from(report.duration.as_millis()).unwrap_or(i64::MAX),
        )),
        consecutive_failures: Set(failures),
        last_error: Set(report.error.clone()),
        collectors: Set(collectors),
        updated_at: Set(report.finished_at),
        ..Default::default()
    };
    // Keep what this poll could not learn instead of erasing it.
    if let Some(suite) = report.cipher_suite {
        row.cipher_suite = Set(Some(i32::from(suite)));
    }
    if report.power_on.is_some() {
        row.power_on = Set(report.power_on);
    }
    if report.power_watts.is_some() || report.collectors.get("power").is_some_and(|c| c.ok) {
        row.power_watts = Set(report.power_watts);
    }
    if let Some(batch) = &report.sel {
        row.sel_cursor = Set(serde_json::to_string(&batch.cursor).ok());
        row.sel_entries = Set(Some(i32::from(batch.info.entries)));
        row.sel_free_bytes = Set(Some(i32::from(batch.info.free_bytes)));
    }
    server_status::Entity::insert(row)
        .on_conflict(
            OnConflict::column(server_status::Column::ServerId)
                .update_columns(changed_status_columns(report))
                .to_owned(),
        )
        .exec_without_returning(txn)
        .await?;
    Ok(failures)
}

/// A server that cannot be polled at all (no login, or one that cannot be decrypted) gets
/// the reason as its last error, so the server page says why nothing is collected. What
/// earlier polls learned stays.
pub async fn record_unpollable(
    db: &DatabaseConnection,
    server_id: i64,
    reason: &str,
) -> Result<(), DbErr> {
    let now = Utc::now();
    let row = server_status::ActiveModel {
        server_id: Set(server_id),
        consecutive_failures: Set(0),
        last_error: Set(Some(reason.to_owned())),
        collectors: Set("{}".to_owned()),
        updated_at: Set(now),
        ..Default::default()
    };
    server_status::Entity::insert(row)
        .on_conflict(
            OnConflict::column(server_status::Column::ServerId)
                .update_columns([
                    server_status::Column::LastError,
                    server_status::Column::UpdatedAt,
                ])
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(())
}

fn changed_status_columns(report: &PollReport) -> Vec<server_status::Column> {
    use server_status::Column as C;
    let mut columns = vec![
        C::BmcReachable,
        C::OsReachable,
        C::LastPollAt,
        C::LastDurationMs,
        C::ConsecutiveFailures,
        C::LastError,
        C::Collectors,
        C::UpdatedAt,
    ];
    if report.cipher_suite.is_some() {
        columns.push(C::CipherSuite);
    }
    if report.power_on.is_some() {
        columns.push(C::PowerOn);
    }
    if report.power_watts.is_some() || report.collectors.get("power").is_some_and(|c| c.ok) {
        columns.push(C::PowerWatts);
    }
    if report.sel.is_some() {
        columns.extend([C::SelCursor, C::SelEntries, C::SelFreeBytes]);
    }
    columns
}

/// One row per readable sensor, updated in place; a history point for every numeric
/// reading.
async fn upsert_sensors(
    txn: &DatabaseTransaction,
    server_id: i64,
    sensors: &[SensorValue],
    at: DateTime<Utc>,
) -> Result<(), DbErr> {
    let existing: HashMap<(i32, i32, String), i64> = sensor::Entity::find()
        .filter(sensor::Column::ServerId.eq(server_id))
        .all(txn)
        .await?
        .into_iter()
        .map(|s| ((s.number, s.lun, s.name), s.id))
        .collect();
    let mut points = Vec::new();
    // Event-only sensors have no reading to show; their events arrive through the SEL.
    let readable = sensors
        .iter()
        .filter(|v| v.status != engine::client::ReadingStatus::NotReadable);
    for value in readable {
        let key = (
            i32::from(value.number),
            i32::from(value.lun),
            value.name.clone(),
        );
        let mut row = sensor::ActiveModel {
            server_id: Set(server_id),
            name: Set(value.name.clone()),
            number: Set(i32::from(value.number)),
            lun: Set(i32::from(value.lun)),
            sensor_type: Set(value.sensor_type.to_owned()),
            kind: Set(value.kind.to_owned()),
            status: Set(status_text(value)),
            value: Set(value.value),
            unit: Set(value.unit.clone()),
            state: Set(value.threshold_state.map(str::to_owned)),
            thresholds: Set(value
                .thresholds
                .and_then(|t| serde_json::to_string(&t).ok())),
            discrete: Set((!value.states.is_empty())
                .then(|| serde_json::to_string(&value.states).ok())
                .flatten()),
            updated_at: Set(at),
            ..Default::default()
        };
        let id = match existing.get(&key) {
            Some(id) => {
                row.id = Set(*id);
                row.update(txn).await?.id
            }
            None => row.insert(txn).await?.id,
        };
        if let Some(v) = value.value.filter(|v| v.is_finite()) {
            points.push(sensor_reading::ActiveModel {
                sensor_id: Set(id),
                at: Set(at),
                value: Set(v),
                ..Default::default()
            });
        }
    }
    if !points.is_empty() {
        sensor_reading::Entity::insert_many(points)
            .exec_without_returning(txn)
            .await?;
    }
    Ok(())
}

/// Keeps the previous value of a part this read could not get.
async fn upsert_inventory(
    txn: &DatabaseTransaction,
    report: &PollReport,
    inventory: &super::InventoryReport,
) -> Result<(), DbErr> {
    let text = |v: &Option<serde_json::Value>| v.as_ref().map(|v| v.to_string());
    let row = server_inventory::ActiveModel {
        server_id: Set(report.server_id),
        device: Set(text(&inventory.device)),
        fru: Set(text(&inventory.fru)),
        lan: Set(text(&inventory.lan)),
        error: Set(inventory.error.clone()),
        collected_at: Set(report.finished_at),
    };
    let mut columns = vec![
        server_inventory::Column::Error,
        server_inventory::Column::CollectedAt,
    ];
    for (value, column) in [
        (&inventory.device, server_inventory::Column::Device),
        (&inventory.fru, server_inventory::Column::Fru),
        (&inventory.lan, server_inventory::Column::Lan),
    ] {
        if value.is_some() {
            columns.push(column);
        }
    }
    server_inventory::Entity::insert(row)
        .on_conflict(
            OnConflict::column(server_inventory::Column::ServerId)
                .update_columns(columns)
                .to_owned(),
        )
        .exec_without_returning(txn)
        .await
        .map(drop)
}

fn status_text(value: &SensorValue) -> String {
    serde_json::to_value(&value.status)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_else(|| "error".to_owned())
}

/// Inserts SEL entries not stored yet; returns the ones that were new.
async fn insert_events(
    txn: &DatabaseTransaction,
    report: &PollReport,
    entries: &[SelEntry],
) -> Result<Vec<EventRow>, DbErr> {
    let mut new_events = Vec::new();
    for entry in entries {
        let timestamp = event_time(entry.timestamp);
        let system = entry.record.system_event();
        let severity = severity_of(entry.severity);
        let row = sel_event::ActiveModel {
            server_id: Set(report.server_id),
            source: Set("sel".to_owned()),
            record_id: Set(i64::from(entry.id)),
            timestamp: Set(timestamp),
            raw_hex: Set(hex(&entry.raw)),
            raw_hash: Set(raw_hash(&entry.raw)),
            sensor_type: Set(system.map(|e| e.sensor_type.to_string())),
            sensor_number: Set(system.map(|e| i32::from(e.sensor_number.0))),
            event_type: Set(system.map(|e| format!("{:#04x}", e.event_type.0))),
            asserted: Set(system.is_none_or(|e| e.direction == EventDirection::Assertion)),
            severity: Set(severity.as_str().to_owned()),
            description: Set(entry.description.clone()),
            collected_at: Set(report.finished_at),
            ..Default::default()
        };
        let inserted = sel_event::Entity::insert(row)
            .on_conflict(
                OnConflict::columns([
                    sel_event::Column::ServerId,
                    sel_event::Column::Source,
                    sel_event::Column::RecordId,
                    sel_event::Column::Timestamp,
                    sel_event::Column::RawHash,
                ])
                .do_nothing()
                .to_owned(),
            )
            .exec_without_returning(txn)
            .await?;
        if inserted > 0 {
            new_events.push(EventRow {
                id: 0,
                server_id: ServerId(report.server_id),
                server_name: report.server_name.clone(),
                timestamp: timestamp.to_rfc3339(),
                severity,
                description: entry.description.clone(),
                raw_hex: hex(&entry.raw),
            });
        }
    }
    Ok(new_events)
}

/// The record's own time. A pre-init time (clock never set) is seconds since the BMC
/// started; it is stored as that offset from the epoch so the same record always gets the
/// same key, and shows as a 1970 date rather than a made-up "now".
fn event_time(timestamp: Option<Timestamp>) -> DateTime<Utc> {
    let seconds = match timestamp {
        Some(Timestamp::Unix(t) | Timestamp::PreInit(t)) => i64::from(t),
        Some(Timestamp::Unspecified) | None => 0,
    };
    DateTime::from_timestamp(seconds, 0).unwrap_or_default()
}

fn severity_of(severity: engine::decode::Severity) -> Severity {
    match severity {
        engine::decode::Severity::Info => Severity::Info,
        engine::decode::Severity::Warning => Severity::Warning,
        engine::decode::Severity::Critical => Severity::Critical,
    }
}

fn raw_hash(raw: &[u8]) -> String {
    hex(&Sha256::digest(raw)[..8])
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
