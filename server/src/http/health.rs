//! `/health`: for load balancers, container health checks and operators. Open to everyone and
//! free of secrets. 503 when the database cannot answer, since nothing works without it.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::Serialize;

use crate::state::{AppState, CollectorSnapshot};

#[derive(Serialize)]
pub struct Health {
    status: &'static str,
    version: &'static str,
    database: DatabaseHealth,
    collector: CollectorSnapshot,
}

#[derive(Serialize)]
struct DatabaseHealth {
    ok: bool,
    kind: &'static str,
}

pub async fn health(State(state): State<AppState>) -> (StatusCode, Json<Health>) {
    let database_ok = match state.db.ping().await {
        Ok(()) => true,
        Err(err) => {
            tracing::warn!(error = %err, "health check: database unusable");
            false
        }
    };
    let status = if database_ok {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    let body = Health {
        status: if database_ok { "ok" } else { "unavailable" },
        version: state.build.version,
        database: DatabaseHealth {
            ok: database_ok,
            kind: state.config.database_kind().as_str(),
        },
        collector: state.collector.snapshot(),
    };
    (status, Json(body))
}
