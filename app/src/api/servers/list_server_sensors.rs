use leptos::prelude::*;

use crate::types::{AppError, SensorRow};

/// A server's sensors with their latest readings. Viewers and up.
#[server(endpoint = "list_server_sensors")]
pub async fn list_server_sensors(id: i64) -> Result<Vec<SensorRow>, AppError> {
    crate::ssr::auth::require(crate::types::Role::Viewer)?;
    let ctx = crate::ssr::app_context()?;
    super::queries::server_sensors(&ctx.db, id)
        .await
        .map_err(crate::ssr::db_error)
}
