use leptos::prelude::*;

use crate::types::{AppError, ServerFields, ServerId};

/// Adds a server. Operators and admins.
#[server(endpoint = "add_server")]
pub async fn add_server(server: ServerFields) -> Result<ServerId, AppError> {
    let principal = crate::ssr::auth::require(crate::types::Role::Operator)?;
    let ctx = crate::ssr::app_context()?;
    let by = crate::ssr::auth::Requester::of(&principal);
    let id = crate::ssr::fleet::create_server(&ctx.db, &ctx.secrets, &by, server.pairs())
        .await
        .map_err(|e| e.into_app_error())?;
    // Polled at once rather than at the collector's next look at the server list.
    if let Err(err) = ctx.control.collect_now(vec![id]).await {
        tracing::warn!(error = %err, "cannot queue the new server's first poll");
    }
    Ok(id)
}
