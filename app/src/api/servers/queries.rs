//! Server-side queries on `servers`.

use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder};

use crate::entities::{sensor, server, server_inventory, server_status};
use crate::types::{
    SensorRow, ServerDetail, ServerId, ServerInventory, ServerState, ServerSummary, StatusDetail,
};

/// Active (not deprecated) servers ordered by name.
pub async fn active_server_summaries(db: &DatabaseConnection) -> Result<Vec<ServerSummary>, DbErr> {
    let rows = server::Entity::find()
        .find_also_related(server_status::Entity)
        .filter(server::Column::Lifecycle.eq("active"))
        .order_by_asc(server::Column::Name)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(row, status)| summary_of(row, status))
        .collect())
}

/// The dashboard card of one server, from its row and its status (absent before the first
/// poll).
pub fn summary_of(row: server::Model, status: Option<server_status::Model>) -> ServerSummary {
    let status = status.as_ref();
    ServerSummary {
        id: ServerId(row.id),
        state: ServerState::from_reachability(
            status.and_then(|s| s.bmc_reachable),
            status.and_then(|s| s.os_reachable),
        ),
        power_on: status.and_then(|s| s.power_on),
        power_watts: status.and_then(|s| s.power_watts),
        last_poll: status.and_then(|s| s.last_poll_at).map(|t| t.to_rfc3339()),
        tags: split_tags(&row.tags),
        name: row.name,
        bmc_address: row.bmc_address,
    }
}

/// One server in depth, or `None` when there is no such server.
pub async fn server_detail(
    db: &DatabaseConnection,
    id: i64,
) -> Result<Option<ServerDetail>, DbErr> {
    let Some((row, status)) = server::Entity::find_by_id(id)
        .find_also_related(server_status::Entity)
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let detail = status.as_ref().map(|s| StatusDetail {
        bmc_reachable: s.bmc_reachable,
        os_reachable: s.os_reachable,
        consecutive_failures: s.consecutive_failures,
        last_error: s.last_error.clone(),
        last_duration_ms: s.last_duration_ms,
        detected_cipher_suite: s.cipher_suite,
        sel_entries: s.sel_entries,
        sel_free_bytes: s.sel_free_bytes,
        collectors: serde_json::from_str(&s.collectors).unwrap_or(serde_json::Value::Null),
    });
    Ok(Some(ServerDetail {
        bmc_port: row.bmc_port,
        os_address: row.os_address.clone(),
        protocol: row.protocol.clone(),
        cipher_suite: row.cipher_suite,
        privilege: row.privilege.clone(),
        notes: row.notes.clone(),
        enabled: row.enabled,
        lifecycle: row.lifecycle.clone(),
        status: detail,
        summary: summary_of(row, status),
    }))
}

/// A server's sensors by type, then name.
pub async fn server_sensors(
    db: &DatabaseConnection,
    server_id: i64,
) -> Result<Vec<SensorRow>, DbErr> {
    let rows = sensor::Entity::find()
        .filter(sensor::Column::ServerId.eq(server_id))
        .order_by_asc(sensor::Column::SensorType)
        .order_by_asc(sensor::Column::Name)
        .all(db)
        .await?;
    let json = |text: &Option<String>| {
        text.as_deref()
            .and_then(|t| serde_json::from_str(t).ok())
            .unwrap_or(serde_json::Value::Null)
    };
    Ok(rows
        .into_iter()
        .map(|s| SensorRow {
            thresholds: json(&s.thresholds),
            states: json(&s.discrete),
            id: s.id,
            name: s.name,
            number: s.number,
            lun: s.lun,
            sensor_type: s.sensor_type,
            kind: s.kind,
            status: s.status,
            value: s.value,
            unit: s.unit,
            state: s.state,
            updated_at: s.updated_at.to_rfc3339(),
        })
        .collect())
}

/// The stored inventory of a server, if one was read.
pub async fn server_inventory(
    db: &DatabaseConnection,
    server_id: i64,
) -> Result<Option<ServerInventory>, DbErr> {
    let json = |text: Option<String>| {
        text.and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or(serde_json::Value::Null)
    };
    Ok(server_inventory::Entity::find_by_id(server_id)
        .one(db)
        .await?
        .map(|row| ServerInventory {
            device: json(row.device),
            fru: json(row.fru),
            lan: json(row.lan),
            error: row.error,
            collected_at: row.collected_at.to_rfc3339(),
        }))
}

/// Tags are stored comma-separated; blanks are dropped.
pub fn split_tags(tags: &str) -> Vec<String> {
    tags.split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_trimmed_and_blanks_dropped() {
        assert_eq!(split_tags(" gpu, rack-3 ,,"), vec!["gpu", "rack-3"]);
        assert!(split_tags("").is_empty());
    }
}
