//! Server management over REST: `POST /api/v1/servers`, `PUT`/`DELETE /api/v1/servers/{id}`,
//! `POST …/{id}/deprecate` and `…/{id}/restore`, `POST /api/v1/servers/import` and
//! `GET /api/v1/servers/export.csv`. Operators and admins; the same rules and audit records as
//! Settings → Servers, because both call `app::ssr::fleet`.

use app::ssr::auth::{ClientAddr, Principal};
use app::ssr::fleet::{self, FleetError};
use app::types::{Role, ServerFields, ServerId};
use axum::Extension;
use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::json;

use super::{ApiError, requester};
use crate::state::AppState;

/// A new or edited server is polled at once, not at the collector's next look at the list.
async fn poll_soon(state: &AppState, id: ServerId) {
    if let Err(err) = state.control.collect_now(vec![id]).await {
        tracing::warn!(error = %err, "cannot queue a poll of a changed server");
    }
}

/// A JSON body, or a 400 that says what is wrong with it.
fn body<T>(payload: Result<Json<T>, JsonRejection>) -> Result<T, ApiError> {
    payload
        .map(|Json(value)| value)
        .map_err(|rejection| ApiError::BadRequest(rejection.body_text()))
}

/// Adds a server: 201 with its id.
pub async fn create_server(
    State(state): State<AppState>,
    Extension(principal): Extension<Principal>,
    client: Option<Extension<ClientAddr>>,
    payload: Result<Json<ServerFields>, JsonRejection>,
) -> Result<Response, ApiError> {
    principal.check(Role::Operator)?;
    let fields = body(payload)?;
    let by = requester(&principal, client);
    let id = fleet::create_server(&state.db, &state.secrets, &by, fields.pairs()).await?;
    poll_soon(&state, id).await;
    Ok((StatusCode::CREATED, Json(json!({ "id": id.0 }))).into_response())
}

/// Replaces a server's settings (absent fields take their defaults; the login changes only
/// when `username` or `password` is given).
pub async fn update_server(
    State(state): State<AppState>,
    Extension(principal): Extension<Principal>,
    client: Option<Extension<ClientAddr>>,
    Path(id): Path<i64>,
    payload: Result<Json<ServerFields>, JsonRejection>,
) -> Result<StatusCode, ApiError> {
    principal.check(Role::Operator)?;
    let fields = body(payload)?;
    let by = requester(&principal, client);
    fleet::update_server(&state.db, &state.secrets, &by, ServerId(id), fields.pairs()).await?;
    poll_soon(&state, ServerId(id)).await;
    Ok(StatusCode::NO_CONTENT)
}

/// Deletes a server with all its history.
pub async fn delete_server(
    State(state): State<AppState>,
    Extension(principal): Extension<Principal>,
    client: Option<Extension<ClientAddr>>,
    Path(id): Path<i64>,
) -> Result<Json<serde_json::Value>, ApiError> {
    principal.check(Role::Operator)?;
    let by = requester(&principal, client);
    let name = fleet::delete_server(&state.db, &by, ServerId(id)).await?;
    Ok(Json(json!({ "deleted": name })))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DeprecateBody {
    pub reason: String,
}

pub async fn deprecate_server(
    State(state): State<AppState>,
    Extension(principal): Extension<Principal>,
    client: Option<Extension<ClientAddr>>,
    Path(id): Path<i64>,
    payload: Option<Json<DeprecateBody>>,
) -> Result<StatusCode, ApiError> {
    principal.check(Role::Operator)?;
    let reason = payload.map(|Json(b)| b.reason).unwrap_or_default();
    let by = requester(&principal, client);
    fleet::deprecate_server(&state.db, &by, ServerId(id), &reason).await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn restore_server(
    State(state): State<AppState>,
    Extension(principal): Extension<Principal>,
    client: Option<Extension<ClientAddr>>,
    Path(id): Path<i64>,
) -> Result<StatusCode, ApiError> {
    principal.check(Role::Operator)?;
    let by = requester(&principal, client);
    fleet::restore_server(&state.db, &by, ServerId(id)).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Default, Deserialize)]
pub struct ImportQuery {
    /// csv, json, yaml or ini; absent: detected from the content.
    pub format: Option<String>,
    /// `true`: only report what would happen (the preview).
    #[serde(default)]
    pub dry_run: bool,
}

/// The body is the file itself. A dry run answers the preview (rows, problems, changes); a
/// real import answers what it changed, or 422 with every problem and writes nothing.
pub async fn import_servers(
    State(state): State<AppState>,
    Extension(principal): Extension<Principal>,
    client: Option<Extension<ClientAddr>>,
    Query(query): Query<ImportQuery>,
    text: String,
) -> Result<Response, ApiError> {
    principal.check(Role::Operator)?;
    let format = fleet::parse_format(query.format.as_deref())?;
    if query.dry_run {
        let preview = fleet::preview_import(&state.db, &state.secrets, &text, format).await?;
        return Ok(Json(preview).into_response());
    }
    let by = requester(&principal, client);
    let summary = fleet::run_import(&state.db, &state.secrets, &by, &text, format).await?;
    Ok(Json(summary).into_response())
}

/// Every server as CSV that the import reads back (no passwords).
pub async fn export_servers(
    State(state): State<AppState>,
    Extension(principal): Extension<Principal>,
) -> Result<Response, ApiError> {
    principal.check(Role::Operator)?;
    let csv = fleet::export_csv(&state.db).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"servers.csv\"",
            ),
        ],
        csv,
    )
        .into_response())
}

impl From<FleetError> for ApiError {
    fn from(err: FleetError) -> Self {
        match err {
            FleetError::NotFound => Self::NotFound("server"),
            FleetError::Invalid(errors) => Self::Invalid(errors),
            FleetError::Conflict(message) => Self::Conflict(message),
            FleetError::Database(err) => Self::Database(err),
        }
    }
}
