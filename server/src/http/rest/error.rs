//! Errors of the REST API: a status code and `{"error": "…"}`; internal details go to the
//! log only.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

#[derive(Debug)]
pub enum ApiError {
    Denied(app::ssr::auth::Denied),
    NotFound(&'static str),
    BadRequest(String),
    /// Values that break the import rules: 422 with each problem and its field.
    Invalid(Vec<app::import::RowError>),
    /// A duplicate or a change the current state does not allow: 409.
    Conflict(String),
    /// The BMC refused or did not answer: 502.
    Bmc(String),
    Database(sea_orm::DbErr),
}

impl From<sea_orm::DbErr> for ApiError {
    fn from(err: sea_orm::DbErr) -> Self {
        Self::Database(err)
    }
}

impl From<app::ssr::auth::Denied> for ApiError {
    fn from(denied: app::ssr::auth::Denied) -> Self {
        Self::Denied(denied)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, message) = match self {
            Self::Denied(denied) => (denied.status(), "not allowed for this identity".to_owned()),
            Self::NotFound(what) => (StatusCode::NOT_FOUND, format!("no such {what}")),
            Self::BadRequest(message) => (StatusCode::BAD_REQUEST, message),
            Self::Invalid(problems) => {
                let message = problems
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; ");
                let body = serde_json::json!({ "error": message, "problems": problems });
                return (StatusCode::UNPROCESSABLE_ENTITY, Json(body)).into_response();
            }
            Self::Conflict(message) => (StatusCode::CONFLICT, message),
            Self::Bmc(message) => (StatusCode::BAD_GATEWAY, message),
            Self::Database(err) => {
                tracing::error!(error = %err, "REST API database error");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal error; see the server log".to_owned(),
                )
            }
        };
        (status, Json(serde_json::json!({ "error": message }))).into_response()
    }
}
