//! `GET /api/v1/events?server_id=&severity=&source=&since=&until=&limit=&before_id=`: events
//! newest first, paged backwards with `before_id` (the `next_before_id` of the last page).

use app::api::events::queries::{EventFilter, event_page};
use app::ssr::auth::Principal;
use app::types::{EventPage, Role, Severity};
use axum::Extension;
use axum::Json;
use axum::extract::{Query, State};
use chrono::{DateTime, Utc};
use serde::Deserialize;

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
    let min_severity = match &query.severity {
        Some(text) => Some(Severity::parse(text).ok_or_else(|| {
            ApiError::BadRequest(format!(
                "severity '{text}' is not info, warning or critical"
            ))
        })?),
        None => None,
    };
    let filter = EventFilter {
        server_id: query.server_id,
        min_severity,
        source: query.source.clone(),
        since: query.since,
        until: query.until,
        before_id: query.before_id,
        limit,
    };
    let (events, next_before_id) = event_page(&state.db, &filter).await?;
    Ok(Json(EventPage {
        events,
        next_before_id,
    }))
}
