use leptos::prelude::*;

use crate::types::{AppError, ServerInventory};

/// The last hardware inventory read from a server's BMC (`None` before the first read).
/// Viewers and up.
#[server(endpoint = "get_server_inventory")]
pub async fn get_server_inventory(id: i64) -> Result<Option<ServerInventory>, AppError> {
    crate::ssr::auth::require(crate::types::Role::Viewer)?;
    let ctx = crate::ssr::app_context()?;
    super::queries::server_inventory(&ctx.db, id)
        .await
        .map_err(crate::ssr::db_error)
}
