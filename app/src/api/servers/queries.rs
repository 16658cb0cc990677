//! Server-side queries on `servers`.

use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder};

use crate::entities::{server, server_status};
use crate::types::{ServerId, ServerState, ServerSummary};

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
