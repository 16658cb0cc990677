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
    /// The sensor type of the SEL record, as ipmitool names it ("Memory", "Temperature", …).
    pub sensor_type: Option<String>,
    pub since: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
    pub limit: Option<u64>,
    pub before_id: Option<i64>,
}

impl EventQuery {
    /// The filter these parameters describe, at most `limit` rows; a 400 for a bad severity.
    pub fn filter(&self, limit: u64) -> Result<EventFilter, ApiError> {
        Ok(EventFilter {
            server_id: self.server_id,
            min_severity: Severity::parse_filter(self.severity.as_deref())
                .map_err(ApiError::BadRequest)?,
            source: self.source.clone(),
            sensor_type: self.sensor_type.clone(),
            since: self.since,
            until: self.until,
            before_id: self.before_id,
            limit,
        })
    }
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
    let (events, next_before_id) = event_page(&state.db, &query.filter(limit)?).await?;
    Ok(Json(EventPage {
        events,
        next_before_id,
    }))
}
