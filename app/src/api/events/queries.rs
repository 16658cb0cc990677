//! Server-side queries on `sel_events`.

use sea_orm::{
    ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};

use crate::entities::{sel_event, server};
use crate::types::{EventRow, ServerId, Severity};

/// What the events page and the REST API filter on.
#[derive(Clone, Debug, Default)]
pub struct EventFilter {
    pub server_id: Option<i64>,
    /// This severity and worse.
    pub min_severity: Option<Severity>,
    /// `sel` or `synthetic`.
    pub source: Option<String>,
    /// The SEL record's sensor type as stored ("Memory", "Temperature", …), any case.
    pub sensor_type: Option<String>,
    pub since: Option<chrono::DateTime<chrono::Utc>>,
    pub until: Option<chrono::DateTime<chrono::Utc>>,
    /// Only events older than this id (paging backwards).
    pub before_id: Option<i64>,
    pub limit: u64,
}

/// One page of events, newest first, and the `before_id` of the next (older) page.
pub async fn event_page(
    db: &DatabaseConnection,
    filter: &EventFilter,
) -> Result<(Vec<EventRow>, Option<i64>), DbErr> {
    let mut select = sel_event::Entity::find()
        .find_also_related(server::Entity)
        .order_by_desc(sel_event::Column::Id);
    if let Some(id) = filter.server_id {
        select = select.filter(sel_event::Column::ServerId.eq(id));
    }
    if let Some(floor) = filter.min_severity {
        let wanted: Vec<&str> = [Severity::Info, Severity::Warning, Severity::Critical]
            .into_iter()
            .filter(|s| *s >= floor)
            .map(Severity::as_str)
            .collect();
        select = select.filter(sel_event::Column::Severity.is_in(wanted));
    }
    if let Some(source) = &filter.source {
        select = select.filter(sel_event::Column::Source.eq(source.as_str()));
    }
    if let Some(kind) = filter
        .sensor_type
        .as_deref()
        .map(str::trim)
        .filter(|k| !k.is_empty())
    {
        use sea_orm::sea_query::{Expr, ExprTrait, Func};
        let stored = Expr::expr(Func::lower(Expr::col(sel_event::Column::SensorType)));
        select = select.filter(ExprTrait::eq(stored, kind.to_lowercase()));
    }
    if let Some(since) = filter.since {
        select = select.filter(sel_event::Column::Timestamp.gte(since));
    }
    if let Some(until) = filter.until {
        select = select.filter(sel_event::Column::Timestamp.lt(until));
    }
    if let Some(before) = filter.before_id {
        select = select.filter(sel_event::Column::Id.lt(before));
    }
    let rows = select.limit(filter.limit).all(db).await?;
    let full_page = rows.len() as u64 == filter.limit;
    let events: Vec<EventRow> = rows
        .into_iter()
        .map(|(event, server)| EventRow {
            id: event.id,
            server_id: ServerId(event.server_id),
            server_name: server.map(|s| s.name).unwrap_or_default(),
            timestamp: event.timestamp.to_rfc3339(),
            severity: Severity::parse(&event.severity).unwrap_or(Severity::Info),
            description: event.description,
            raw_hex: event.raw_hex,
        })
        .collect();
    let next = if full_page {
        events.last().map(|e| e.id)
    } else {
        None
    };
    Ok((events, next))
}
