use leptos::prelude::*;

use crate::types::{AppError, CollectionProgress};

/// Polls one server (`server_id`) or every active, enabled server (none) at once. Returns
/// how many were queued. Operators and admins.
#[server(endpoint = "collect_now")]
pub async fn collect_now(server_id: Option<i64>) -> Result<usize, AppError> {
    use crate::ssr::auth;
    use crate::ssr::auth::audit::{self, AuditRecord, Outcome};
    use crate::types::{Role, ServerId};

    let principal = auth::require(Role::Operator)?;
    let ctx = crate::ssr::app_context()?;
    let ids = match server_id {
        Some(id) => vec![ServerId(id)],
        None => crate::api::servers::queries::active_server_summaries(&ctx.db)
            .await
            .map_err(crate::ssr::db_error)?
            .into_iter()
            .map(|s| s.id)
            .collect(),
    };
    let queued = ctx.control.collect_now(ids).await.map_err(|err| {
        tracing::error!(error = %err, "collect now");
        AppError::Internal
    })?;
    audit::record(
        &ctx.db,
        AuditRecord {
            actor: principal.actor(),
            action: "server.collect",
            target: server_id.map(|id| format!("server:{id}")),
            outcome: Outcome::Ok,
            detail: Some(format!("{queued} server(s) queued")),
            client: Some(auth::client_addr()),
        },
    )
    .await;
    Ok(queued)
}

/// The requested collection under way (collect now, or the first poll of new servers).
#[server(endpoint = "get_collection_progress")]
pub async fn get_collection_progress() -> Result<Option<CollectionProgress>, AppError> {
    crate::ssr::auth::require(crate::types::Role::Viewer)?;
    let ctx = crate::ssr::app_context()?;
    Ok(ctx.control.progress())
}
