//! `/api/version`: which build is running.

use axum::Json;
use axum::extract::State;

use crate::build_info::BuildInfo;
use crate::state::AppState;

pub async fn version(State(state): State<AppState>) -> Json<BuildInfo> {
    Json(state.build)
}
