//! `/metrics`: open by default (Prometheus scrapes it).

use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::metrics::render_metrics;
use crate::state::AppState;

pub async fn metrics(State(state): State<AppState>) -> Response {
    match render_metrics(&state.db, state.poll_metrics.snapshot()).await {
        Ok(text) => (
            [(
                header::CONTENT_TYPE,
                "text/plain; version=0.0.4; charset=utf-8",
            )],
            text,
        )
            .into_response(),
        Err(err) => {
            tracing::error!(error = %err, "rendering /metrics");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable\n").into_response()
        }
    }
}
