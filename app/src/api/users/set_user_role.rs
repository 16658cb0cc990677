use leptos::prelude::*;

use crate::types::AppError;

/// Changes a user's role. Admins only; the last admin cannot be demoted.
#[server(endpoint = "set_user_role")]
pub async fn set_user_role(id: i64, role: String) -> Result<(), AppError> {
    use crate::ssr::auth::audit::{self, AuditRecord, Outcome};
    use crate::ssr::auth::{self, users};
    use crate::ssr::db_error;
    use crate::types::{Role, UserId};

    let principal = auth::require(Role::Admin)?;
    let ctx = crate::ssr::app_context()?;
    let role = Role::parse(&role)
        .ok_or_else(|| auth::invalid("role", "role must be viewer, operator or admin"))?;
    let user = users::find(&ctx.db, UserId(id))
        .await
        .map_err(db_error)?
        .ok_or_else(auth::not_found)?;
    let was = users::role_of(&user);
    if was == Role::Admin
        && role != Role::Admin
        && users::admin_count(&ctx.db).await.map_err(db_error)? <= 1
    {
        return Err(auth::conflict(
            "the last admin cannot be demoted; make another admin first",
        ));
    }
    users::set_role(&ctx.db, UserId(id), role)
        .await
        .map_err(db_error)?;
    audit::record(
        &ctx.db,
        AuditRecord {
            actor: principal.actor(),
            action: "user.set_role",
            target: Some(format!("user:{}", user.username)),
            outcome: Outcome::Ok,
            detail: Some(format!("{was} → {role}")),
            client: Some(auth::client_addr()),
        },
    )
    .await;
    Ok(())
}
