use leptos::prelude::*;

use crate::types::{AppError, ServerSummary};

/// Every active server, by name, for the dashboard.
#[server(endpoint = "list_servers")]
pub async fn list_servers() -> Result<Vec<ServerSummary>, AppError> {
    crate::ssr::auth::require(crate::types::Role::Viewer)?;
    let ctx = crate::ssr::app_context()?;
    super::queries::active_server_summaries(&ctx.db)
        .await
        .map_err(crate::ssr::db_error)
}
