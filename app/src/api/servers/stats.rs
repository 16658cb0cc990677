//! Per-server figures for the dashboard: warning and critical events since a time, and the
//! hottest temperature. Two grouped queries for the whole fleet, not one per server.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QuerySelect};

use crate::entities::{sel_event, sensor};
use crate::types::{ServerId, ServerStats};

pub async fn fleet_stats(
    db: &DatabaseConnection,
    since: DateTime<Utc>,
) -> Result<Vec<(ServerId, ServerStats)>, DbErr> {
    let counts: Vec<(i64, String, i64)> = sel_event::Entity::find()
        .select_only()
        .column(sel_event::Column::ServerId)
        .column(sel_event::Column::Severity)
        .column_as(sel_event::Column::Id.count(), "n")
        .filter(sel_event::Column::Timestamp.gte(since))
        .filter(sel_event::Column::Severity.is_in(["warning", "critical"]))
        .group_by(sel_event::Column::ServerId)
        .group_by(sel_event::Column::Severity)
        .into_tuple()
        .all(db)
        .await?;
    let hottest: Vec<(i64, Option<f64>)> = sensor::Entity::find()
        .select_only()
        .column(sensor::Column::ServerId)
        .column_as(sensor::Column::Value.max(), "hottest")
        .filter(sensor::Column::SensorType.eq("temperature"))
        .filter(sensor::Column::Unit.eq("degrees C"))
        .group_by(sensor::Column::ServerId)
        .into_tuple()
        .all(db)
        .await?;
    let mut stats: HashMap<i64, ServerStats> = HashMap::new();
    for (server, severity, n) in counts {
        let entry = stats.entry(server).or_default();
        let n = u32::try_from(n).unwrap_or(u32::MAX);
        match severity.as_str() {
            "critical" => entry.critical_events = n,
            _ => entry.warning_events = n,
        }
    }
    for (server, value) in hottest {
        stats.entry(server).or_default().hottest_celsius = value;
    }
    let mut list: Vec<(ServerId, ServerStats)> =
        stats.into_iter().map(|(id, s)| (ServerId(id), s)).collect();
    list.sort_by_key(|(id, _)| *id);
    Ok(list)
}
