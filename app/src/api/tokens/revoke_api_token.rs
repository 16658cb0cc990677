use leptos::prelude::*;

use crate::types::AppError;

/// Revokes a token at once: the next request with it is refused. Admins only.
#[server(endpoint = "revoke_api_token")]
pub async fn revoke_api_token(id: i64) -> Result<(), AppError> {
    use crate::ssr::auth::audit::{self, AuditRecord, Outcome};
    use crate::ssr::auth::{self, api_tokens};
    use crate::ssr::db_error;
    use crate::types::{ApiTokenId, Role};

    let principal = auth::require(Role::Admin)?;
    let ctx = crate::ssr::app_context()?;
    let name = api_tokens::revoke(&ctx.db, ApiTokenId(id))
        .await
        .map_err(db_error)?
        .ok_or_else(auth::not_found)?;
    audit::record(
        &ctx.db,
        AuditRecord {
            actor: principal.actor(),
            action: "token.revoke",
            target: Some(format!("token:{name}")),
            outcome: Outcome::Ok,
            detail: None,
            client: Some(auth::client_addr()),
        },
    )
    .await;
    Ok(())
}
