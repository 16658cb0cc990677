//! Server-side queries on `sel_events`.

use sea_orm::{
    ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};

use crate::entities::{sel_event, server};
use crate::types::{EventRow, ServerId, Severity};

/// The newest `limit` events with their server's name, of one server or of all.
pub async fn recent_events(
    db: &DatabaseConnection,
    limit: u64,
    server_id: Option<i64>,
) -> Result<Vec<EventRow>, DbErr> {
    let mut select = sel_event::Entity::find().find_also_related(server::Entity);
    if let Some(id) = server_id {
        select = select.filter(sel_event::Column::ServerId.eq(id));
    }
    let rows = select
        .order_by_desc(sel_event::Column::Timestamp)
        .order_by_desc(sel_event::Column::Id)
        .limit(limit)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(event, server)| EventRow {
            id: event.id,
            server_id: ServerId(event.server_id),
            server_name: server.map(|s| s.name).unwrap_or_default(),
            timestamp: event.timestamp.to_rfc3339(),
            // A value written by an older or newer version is shown, not dropped.
            severity: Severity::parse(&event.severity).unwrap_or(Severity::Info),
            description: event.description,
        })
        .collect())
}
