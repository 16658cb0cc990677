//! `GET /api/v1/servers` and `GET /api/v1/servers/{id}`.

use app::api::servers::queries::{active_server_summaries, server_detail, server_inventory};
use app::ssr::auth::Principal;
use app::types::{Role, ServerDetail, ServerInventory, ServerSummary};
use axum::Extension;
use axum::Json;
use axum::extract::{Path, State};

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
pub async fn get_server(
    State(state): State<AppState>,
    Extension(principal): Extension<Principal>,
    Path(id): Path<i64>,
) -> Result<Json<ServerDetail>, ApiError> {
    principal.check(Role::Viewer)?;
    server_detail(&state.db, id)
        .await?
        .map(Json)
        .ok_or(ApiError::NotFound("server"))
}

/// The last hardware inventory read from the server's BMC.
pub async fn get_server_inventory(
    State(state): State<AppState>,
    Extension(principal): Extension<Principal>,
    Path(id): Path<i64>,
) -> Result<Json<ServerInventory>, ApiError> {
    principal.check(Role::Viewer)?;
    server_inventory(&state.db, id)
        .await?
        .map(Json)
        .ok_or(ApiError::NotFound("inventory"))
}
