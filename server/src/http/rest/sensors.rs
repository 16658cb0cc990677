//! `GET /api/v1/servers/{id}/sensors` (latest values) and
//! `GET /api/v1/sensors/{id}/history?from=&to=&resolution=raw|hourly|auto` (stored points).

use app::api::servers::queries::server_sensors as server_sensors_query;
use app::entities::{sensor, sensor_reading, sensor_reading_hourly};
use app::ssr::auth::Principal;
use app::types::{Role, SensorRow};
use axum::Extension;
use axum::Json;
use axum::extract::{Path, Query, State};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use serde::{Deserialize, Serialize};

use super::ApiError;
use crate::state::AppState;

/// Most points one history answer holds.
const MAX_POINTS: u64 = 20_000;
/// `auto` resolution uses raw points for ranges up to this long, hourly rows beyond.
const AUTO_RAW_LIMIT: Duration = Duration::hours(48);

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

#[derive(Debug, Serialize, PartialEq)]
pub struct HistoryPoint {
    pub at: DateTime<Utc>,
    pub value: f64,
    /// Hourly points only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
}

#[derive(Debug, Serialize)]
pub struct History {
    pub sensor_id: i64,
    pub resolution: &'static str,
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    pub points: Vec<HistoryPoint>,
}

pub async fn sensor_history(
    State(state): State<AppState>,
    Extension(principal): Extension<Principal>,
    Path(sensor_id): Path<i64>,
    Query(query): Query<HistoryQuery>,
) -> Result<Json<History>, ApiError> {
    principal.check(Role::Viewer)?;
    let to = query.to.unwrap_or_else(Utc::now);
    let from = query.from.unwrap_or(to - Duration::hours(24));
    if from >= to {
        return Err(ApiError::BadRequest("from must be before to".to_owned()));
    }
    let resolution = match query.resolution.as_deref().unwrap_or("auto") {
        "raw" => "raw",
        "hourly" => "hourly",
        "auto" if to - from <= AUTO_RAW_LIMIT => "raw",
        "auto" => "hourly",
        other => {
            return Err(ApiError::BadRequest(format!(
                "resolution '{other}' is not raw, hourly or auto"
            )));
        }
    };
    if sensor::Entity::find_by_id(sensor_id)
        .one(&state.db)
        .await?
        .is_none()
    {
        return Err(ApiError::NotFound("sensor"));
    }
    let points = if resolution == "raw" {
        sensor_reading::Entity::find()
            .filter(sensor_reading::Column::SensorId.eq(sensor_id))
            .filter(sensor_reading::Column::At.gte(from))
            .filter(sensor_reading::Column::At.lt(to))
            .order_by_asc(sensor_reading::Column::At)
            .limit(MAX_POINTS)
            .all(&state.db)
            .await?
            .into_iter()
            .map(|p| HistoryPoint {
                at: p.at,
                value: p.value,
                min: None,
                max: None,
            })
            .collect()
    } else {
        sensor_reading_hourly::Entity::find()
            .filter(sensor_reading_hourly::Column::SensorId.eq(sensor_id))
            .filter(sensor_reading_hourly::Column::Hour.gte(from))
            .filter(sensor_reading_hourly::Column::Hour.lt(to))
            .order_by_asc(sensor_reading_hourly::Column::Hour)
            .limit(MAX_POINTS)
            .all(&state.db)
            .await?
            .into_iter()
            .map(|h| HistoryPoint {
                at: h.hour,
                value: h.avg,
                min: Some(h.min),
                max: Some(h.max),
            })
            .collect()
    };
    Ok(Json(History {
        sensor_id,
        resolution,
        from,
        to,
        points,
    }))
}
