//! `GET /api/v1/events?server_id=&severity=&source=&since=&until=&limit=&before_id=`: events
//! newest first, paged backwards with `before_id` (the `next_before_id` of the last page).

use app::entities::{sel_event, server};
use app::ssr::auth::Principal;
use app::types::{EventRow, Role, ServerId, Severity};
use axum::Extension;
use axum::Json;
use axum::extract::{Query, State};
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use serde::{Deserialize, Serialize};

use super::ApiError;
use crate::state::AppState;

const DEFAULT_LIMIT: u64 = 100;
const MAX_LIMIT: u64 = 1000;

#[derive(Debug, Deserialize)]
pub struct EventQuery {
    pub server_id: Option<i64>,
    /// `info`, `warning` or `critical`: that severity and worse.
    pub severity: Option<String>,
    /// `sel` or `synthetic`.
    pub source: Option<String>,
    pub since: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
    pub limit: Option<u64>,
    pub before_id: Option<i64>,
}

#[derive(Debug, Serialize)]
pub struct EventPage {
    pub events: Vec<EventRow>,
    /// Pass as `before_id` for the next (older) page; `null` on the last page.
    pub next_before_id: Option<i64>,
}

pub async fn list_events(
    State(state): State<AppState>,
    Extension(principal): Extension<Principal>,
    Query(query): Query<EventQuery>,
) -> Result<Json<EventPage>, ApiError> {
    principal.check(Role::Viewer)?;
    let limit = query.limit.unwrap_or(DEFAULT_LIMIT);
    if limit == 0 || limit > MAX_LIMIT {
        return Err(ApiError::BadRequest(format!(
            "limit must be 1 to {MAX_LIMIT}"
        )));
    }
    let mut select = sel_event::Entity::find()
        .find_also_related(server::Entity)
        .order_by_desc(sel_event::Column::Id);
    if let Some(id) = query.server_id {
        select = select.filter(sel_event::Column::ServerId.eq(id));
    }
    if let Some(text) = &query.severity {
        let floor = Severity::parse(text).ok_or_else(|| {
            ApiError::BadRequest(format!(
                "severity '{text}' is not info, warning or critical"
            ))
        })?;
        let wanted: Vec<&str> = [Severity::Info, Severity::Warning, Severity::Critical]
            .into_iter()
            .filter(|s| *s >= floor)
            .map(Severity::as_str)
            .collect();
        select = select.filter(sel_event::Column::Severity.is_in(wanted));
    }
    if let Some(source) = &query.source {
        select = select.filter(sel_event::Column::Source.eq(source.as_str()));
    }
    if let Some(since) = query.since {
        select = select.filter(sel_event::Column::Timestamp.gte(since));
    }
    if let Some(until) = query.until {
        select = select.filter(sel_event::Column::Timestamp.lt(until));
    }
    if let Some(before) = query.before_id {
        select = select.filter(sel_event::Column::Id.lt(before));
    }
    let rows = select.limit(limit).all(&state.db).await?;
    let full_page = rows.len() as u64 == limit;
    let events: Vec<EventRow> = rows
        .into_iter()
        .map(|(event, server)| EventRow {
            id: event.id,
            server_id: ServerId(event.server_id),
            server_name: server.map(|s| s.name).unwrap_or_default(),
            timestamp: event.timestamp.to_rfc3339(),
            severity: Severity::parse(&event.severity).unwrap_or(Severity::Info),
            description: event.description,
        })
        .collect();
    let next_before_id = if full_page {
        events.last().map(|e| e.id)
    } else {
        None
    };
    Ok(Json(EventPage {
        events,
        next_before_id,
    }))
}
