use leptos::prelude::*;

use crate::types::{AppError, ServerFields};

/// Replaces a server's settings; its login changes only when a user name or password is
/// given. Operators and admins.
#[server(endpoint = "edit_server")]
pub async fn edit_server(id: i64, server: ServerFields) -> Result<(), AppError> {
    let principal = crate::ssr::auth::require(crate::types::Role::Operator)?;
    let ctx = crate::ssr::app_context()?;
    let by = crate::ssr::auth::Requester::of(&principal);
    let id = crate::types::ServerId(id);
    crate::ssr::fleet::update_server(&ctx.db, &ctx.secrets, &by, id, server.pairs())
        .await
        .map_err(|e| e.into_app_error())?;
    // The new settings are tried at once.
    if let Err(err) = ctx.control.collect_now(vec![id]).await {
        tracing::warn!(error = %err, "cannot queue a poll of the edited server");
    }
    Ok(())
}
