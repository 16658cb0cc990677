//! Acting on servers over REST: `POST /api/v1/servers/{id}/actions/{action}` (power, identify,
//! BMC reset, SEL clear; the body names the server to confirm), `POST /api/v1/collect`,
//! `GET /api/v1/collection` and `POST /api/v1/servers/{id}/login-test`. Operators and admins
//! (viewers may read the progress); the same confirmation and audit as the web UI.

use app::ssr::auth::{ClientAddr, Principal};
use app::ssr::control::{ActionError, ControlError, LoginToTry, perform_action};
use app::types::{CollectionProgress, LoginTestResult, Role, ServerAction, ServerId};
use axum::Extension;
use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use serde::Deserialize;
use serde_json::{Value, json};

use super::{ApiError, requester};
use crate::state::AppState;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionBody {
    /// The server's name, as a guard against acting on the wrong id.
    pub confirm_name: String,
}

pub async fn run_action(
    State(state): State<AppState>,
    Extension(principal): Extension<Principal>,
    client: Option<Extension<ClientAddr>>,
    Path((id, action)): Path<(i64, String)>,
    payload: Result<Json<ActionBody>, JsonRejection>,
) -> Result<Json<Value>, ApiError> {
    principal.check(Role::Operator)?;
    let action = ServerAction::parse(&action)
        .ok_or_else(|| ApiError::BadRequest(format!("unknown action '{action}'")))?;
    let Json(body) = payload.map_err(|r| ApiError::BadRequest(r.body_text()))?;
    let by = requester(&principal, client);
    let message = perform_action(
        &state.db,
        state.control.as_ref(),
        &by,
        ServerId(id),
        action,
        &body.confirm_name,
    )
    .await
    .map_err(|err| match err {
        ActionError::NotConfirmed(_) => ApiError::Invalid(vec![app::import::RowError::new(
            1,
            Some("confirm_name"),
            err.to_string(),
        )]),
        ActionError::Control(err) => control_error(err),
    })?;
    Ok(Json(json!({ "message": message })))
}

fn control_error(err: ControlError) -> ApiError {
    match err {
        ControlError::NotFound => ApiError::NotFound("server"),
        ControlError::Database(err) => ApiError::Database(err),
        ControlError::NoCredentials(message) => ApiError::Conflict(message),
        ControlError::Bmc(message) => ApiError::Bmc(message),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CollectBody {
    /// Servers to poll now; absent or empty: every active, enabled server.
    pub server_ids: Vec<i64>,
}

pub async fn collect_now(
    State(state): State<AppState>,
    Extension(principal): Extension<Principal>,
    client: Option<Extension<ClientAddr>>,
    payload: Option<Json<CollectBody>>,
) -> Result<Json<Value>, ApiError> {
    principal.check(Role::Operator)?;
    let wanted = payload.map(|Json(b)| b.server_ids).unwrap_or_default();
    // The audit names the servers asked for (none: every server; many: how many).
    let target = match wanted.len() {
        0 => None,
        1..=10 => Some(
            wanted
                .iter()
                .map(|id| format!("server:{id}"))
                .collect::<Vec<_>>()
                .join(","),
        ),
        n => Some(format!("{n} servers")),
    };
    let ids: Vec<ServerId> = if wanted.is_empty() {
        app::api::servers::queries::active_server_summaries(&state.db)
            .await?
            .into_iter()
            .map(|s| s.id)
            .collect()
    } else {
        wanted.into_iter().map(ServerId).collect()
    };
    let queued = state
        .control
        .collect_now(ids)
        .await
        .map_err(control_error)?;
    app::ssr::auth::audit::record(
        &state.db,
        app::ssr::auth::audit::AuditRecord {
            actor: principal.actor(),
            action: "server.collect",
            target,
            outcome: app::ssr::auth::audit::Outcome::Ok,
            detail: Some(format!("{queued} server(s) queued")),
            client: client.map(|Extension(c)| c),
        },
    )
    .await;
    Ok(Json(json!({ "queued": queued })))
}

/// `{"progress": {total, done, failed, initial, latest, errors}}`, or `{"progress": null}` when nothing is running.
pub async fn collection_progress(
    State(state): State<AppState>,
    Extension(principal): Extension<Principal>,
) -> Result<Json<Value>, ApiError> {
    principal.check(Role::Viewer)?;
    let progress: Option<CollectionProgress> = state.control.progress();
    Ok(Json(json!({ "progress": progress })))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LoginTestBody {
    pub username: Option<String>,
    pub password: Option<app::types::SecretText>,
}

pub async fn login_test(
    State(state): State<AppState>,
    Extension(principal): Extension<Principal>,
    Path(id): Path<i64>,
    payload: Option<Json<LoginTestBody>>,
) -> Result<Json<LoginTestResult>, ApiError> {
    principal.check(Role::Operator)?;
    let body = payload.map(|Json(b)| b).unwrap_or_default();
    let login = match (body.username, body.password) {
        (Some(username), Some(password)) => Some(LoginToTry {
            username,
            password: password.expose().to_owned(),
        }),
        (None, None) => None,
        _ => {
            return Err(ApiError::BadRequest(
                "give both username and password, or neither".to_owned(),
            ));
        }
    };
    state
        .control
        .test_login(ServerId(id), login)
        .await
        .map(Json)
        .map_err(control_error)
}
