use leptos::prelude::*;

use crate::types::AppError;

/// Removes a user and their sessions. Admins only; nobody removes themselves or the last
/// admin.
#[server(endpoint = "delete_user")]
pub async fn delete_user(id: i64) -> Result<(), AppError> {
    use crate::ssr::auth::audit::{self, AuditRecord, Outcome};
    use crate::ssr::auth::{self, users};
    use crate::ssr::db_error;
    use crate::types::{Role, UserId};

    let principal = auth::require(Role::Admin)?;
    let ctx = crate::ssr::app_context()?;
    if principal.user_id() == Some(UserId(id)) {
        return Err(auth::conflict("you cannot remove yourself"));
    }
    let user = users::find(&ctx.db, UserId(id))
        .await
        .map_err(db_error)?
        .ok_or_else(auth::not_found)?;
    if users::role_of(&user) == Role::Admin
        && users::admin_count(&ctx.db).await.map_err(db_error)? <= 1
    {
        return Err(auth::conflict("the last admin cannot be removed"));
    }
    users::delete(&ctx.db, UserId(id)).await.map_err(db_error)?;
    audit::record(
        &ctx.db,
        AuditRecord {
            actor: principal.actor(),
            action: "user.delete",
            target: Some(format!("user:{}", user.username)),
            outcome: Outcome::Ok,
            detail: None,
            client: Some(auth::client_addr()),
        },
    )
    .await;
    Ok(())
}
