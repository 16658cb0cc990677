use leptos::prelude::*;

use crate::types::AppError;

/// Deprecates a server: no longer polled or on the dashboard; its history stays.
#[server(endpoint = "deprecate_server")]
pub async fn deprecate_server(id: i64, reason: String) -> Result<(), AppError> {
    let principal = crate::ssr::auth::require(crate::types::Role::Operator)?;
    let ctx = crate::ssr::app_context()?;
    let by = crate::ssr::auth::Requester::of(&principal);
    crate::ssr::fleet::deprecate_server(&ctx.db, &by, crate::types::ServerId(id), &reason)
        .await
        .map_err(|e| e.into_app_error())
}

/// Restores a deprecated server.
#[server(endpoint = "restore_server")]
pub async fn restore_server(id: i64) -> Result<(), AppError> {
    let principal = crate::ssr::auth::require(crate::types::Role::Operator)?;
    let ctx = crate::ssr::app_context()?;
    let by = crate::ssr::auth::Requester::of(&principal);
    crate::ssr::fleet::restore_server(&ctx.db, &by, crate::types::ServerId(id))
        .await
        .map_err(|e| e.into_app_error())
}
