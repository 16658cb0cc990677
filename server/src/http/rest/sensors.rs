//! `GET /api/v1/servers/{id}/sensors` (latest values),
//! `GET /api/v1/sensors/{id}/history?from=&to=&resolution=raw|hourly|auto` (stored points) and
//! `GET /api/v1/servers/{id}/power/history` (the same for the server's power draw).

use app::api::history::queries::{self as history_queries, pick_resolution};
use app::api::servers::queries::server_sensors as server_sensors_query;
use app::entities::{sensor, server};
use app::ssr::auth::Principal;
use app::types::{History, Resolution, Role, SensorRow};
use axum::Extension;
use axum::Json;
use axum::extract::{Path, Query, State};
use chrono::{DateTime, Duration, Utc};
use sea_orm::EntityTrait;
use serde::Deserialize;

use super::ApiError;
use crate::state::AppState;

pub async fn server_sensors(
    State(state): State<AppState>,
    Extension(principal): Extension<Principal>,
    Path(server_id): Path<i64>,
) -> Result<Json<Vec<SensorRow>>, ApiError> {
    principal.check(Role::Viewer)?;
    Ok(Json(server_sensors_query(&state.db, server_id).await?))
}

#[derive(Debug, Deserialize)]
pub struct HistoryQuery {
    /// RFC 3339; default 24 h before `to`.
    pub from: Option<DateTime<Utc>>,
    /// RFC 3339; default now.
    pub to: Option<DateTime<Utc>>,
    /// `raw`, `hourly` or `auto` (default: raw up to 48 h, hourly beyond).
    pub resolution: Option<String>,
}

impl HistoryQuery {
    /// The span and stored resolution asked for, or a 400 that says what is wrong.
    fn span(&self) -> Result<(DateTime<Utc>, DateTime<Utc>, Resolution), ApiError> {
        let to = self.to.unwrap_or_else(Utc::now);
        let from = self.from.unwrap_or(to - Duration::hours(24));
        if from >= to {
            return Err(ApiError::BadRequest("from must be before to".to_owned()));
        }
        let wanted = match self.resolution.as_deref().unwrap_or("auto") {
            "raw" => Some(Resolution::Raw),
            "hourly" => Some(Resolution::Hourly),
            "auto" => None,
            other => {
                return Err(ApiError::BadRequest(format!(
                    "resolution '{other}' is not raw, hourly or auto"
                )));
            }
        };
        Ok((from, to, pick_resolution(wanted, from, to)))
    }
}

/// A sensor's stored readings.
pub async fn sensor_history(
    State(state): State<AppState>,
    Extension(principal): Extension<Principal>,
    Path(sensor_id): Path<i64>,
    Query(query): Query<HistoryQuery>,
) -> Result<Json<History>, ApiError> {
    principal.check(Role::Viewer)?;
    let (from, to, resolution) = query.span()?;
    if sensor::Entity::find_by_id(sensor_id)
        .one(&state.db)
        .await?
        .is_none()
    {
        return Err(ApiError::NotFound("sensor"));
    }
    Ok(Json(
        history_queries::sensor_history(&state.db, sensor_id, from, to, resolution).await?,
    ))
}

/// A server's stored power draw (DCMI).
pub async fn power_history(
    State(state): State<AppState>,
    Extension(principal): Extension<Principal>,
    Path(server_id): Path<i64>,
    Query(query): Query<HistoryQuery>,
) -> Result<Json<History>, ApiError> {
    principal.check(Role::Viewer)?;
    let (from, to, resolution) = query.span()?;
    if server::Entity::find_by_id(server_id)
        .one(&state.db)
        .await?
        .is_none()
    {
        return Err(ApiError::NotFound("server"));
    }
    Ok(Json(
        history_queries::power_history(&state.db, server_id, from, to, resolution).await?,
    ))
}
