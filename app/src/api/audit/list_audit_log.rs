use leptos::prelude::*;

use crate::types::{AppError, AuditEntry};

/// Audit rows, newest first, filtered by actor (substring), action (prefix) and outcome;
/// `before_id` pages back. Admins only.
#[server(endpoint = "list_audit_log")]
pub async fn list_audit_log(
    actor: Option<String>,
    action: Option<String>,
    outcome: Option<String>,
    before_id: Option<i64>,
    limit: Option<u64>,
) -> Result<Vec<AuditEntry>, AppError> {
    use crate::ssr::auth::audit::{self, AuditQuery};

    crate::ssr::auth::require(crate::types::Role::Admin)?;
    let ctx = crate::ssr::app_context()?;
    let query = AuditQuery {
        actor: actor.unwrap_or_default().trim().to_owned(),
        action: action.unwrap_or_default().trim().to_owned(),
        outcome: outcome.unwrap_or_default().trim().to_owned(),
        before_id,
        limit: limit.unwrap_or(100),
    };
    audit::list(&ctx.db, &query)
        .await
        .map_err(crate::ssr::db_error)
}
