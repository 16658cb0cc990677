//! Server-side queries on `servers`.

use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder};

use crate::entities::server;
use crate::types::{ServerId, ServerState, ServerSummary};

/// Active (not deprecated) servers ordered by name.
pub async fn active_server_summaries(db: &DatabaseConnection) -> Result<Vec<ServerSummary>, DbErr> {
    let rows = server::Entity::find()
        .filter(server::Column::Lifecycle.eq("active"))
        .order_by_asc(server::Column::Name)
        .all(db)
        .await?;
    Ok(rows.into_iter().map(summary_of).collect())
}

fn summary_of(row: server::Model) -> ServerSummary {
    ServerSummary {
        id: ServerId(row.id),
        state: ServerState::from_reachability(row.bmc_reachable, row.os_reachable),
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
