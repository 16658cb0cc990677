//! `GET /api/v1/servers` and `GET /api/v1/servers/{id}`.

use app::api::servers::queries::{active_server_summaries, summary_of};
use app::entities::{server, server_status};
use app::ssr::auth::Principal;
use app::types::{Role, ServerSummary};
use axum::Extension;
use axum::Json;
use axum::extract::{Path, State};
use sea_orm::EntityTrait;
use serde::Serialize;

use super::ApiError;
use crate::state::AppState;

/// Every active server with its state.
pub async fn list_servers(
    State(state): State<AppState>,
    Extension(principal): Extension<Principal>,
) -> Result<Json<Vec<ServerSummary>>, ApiError> {
    principal.check(Role::Viewer)?;
    Ok(Json(active_server_summaries(&state.db).await?))
}

/// One server: its settings (never its credentials) and what the collector last learned.
#[derive(Debug, Serialize)]
pub struct ServerDetail {
    #[serde(flatten)]
    pub summary: ServerSummary,
    pub bmc_port: i32,
    pub os_address: Option<String>,
    pub protocol: String,
    pub cipher_suite: Option<i32>,
    pub privilege: String,
    pub notes: String,
    pub enabled: bool,
    pub lifecycle: String,
    pub status: Option<StatusDetail>,
}

#[derive(Debug, Serialize)]
pub struct StatusDetail {
    pub bmc_reachable: Option<bool>,
    pub os_reachable: Option<bool>,
    pub consecutive_failures: i32,
    pub last_error: Option<String>,
    pub last_duration_ms: Option<i64>,
    pub detected_cipher_suite: Option<i32>,
    pub sel_entries: Option<i32>,
    pub sel_free_bytes: Option<i32>,
    /// Per collector (sensors, chassis, power, sel): ok, duration and last error.
    pub collectors: serde_json::Value,
}

pub async fn get_server(
    State(state): State<AppState>,
    Extension(principal): Extension<Principal>,
    Path(id): Path<i64>,
) -> Result<Json<ServerDetail>, ApiError> {
    principal.check(Role::Viewer)?;
    let (row, status) = server::Entity::find_by_id(id)
        .find_also_related(server_status::Entity)
        .one(&state.db)
        .await?
        .ok_or(ApiError::NotFound("server"))?;
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
    Ok(Json(ServerDetail {
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
