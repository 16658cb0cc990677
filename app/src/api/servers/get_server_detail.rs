use leptos::prelude::*;

use crate::types::{AppError, ServerDetail};

/// One server's settings (never credentials) and status. Viewers and up.
#[server(endpoint = "get_server_detail")]
pub async fn get_server_detail(id: i64) -> Result<ServerDetail, AppError> {
    crate::ssr::auth::require(crate::types::Role::Viewer)?;
    let ctx = crate::ssr::app_context()?;
    super::queries::server_detail(&ctx.db, id)
        .await
        .map_err(crate::ssr::db_error)?
        .ok_or_else(crate::ssr::auth::not_found)
}
