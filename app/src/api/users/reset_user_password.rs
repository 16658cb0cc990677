use leptos::prelude::*;

use crate::types::{AppError, SecretText};

/// Sets another user's password and signs them out everywhere. Admins only.
#[server(endpoint = "reset_user_password")]
pub async fn reset_user_password(id: i64, password: SecretText) -> Result<(), AppError> {
    use crate::ssr::auth::audit::{self, AuditRecord, Outcome};
    use crate::ssr::auth::{self, password as pw, sessions, users};
    use crate::ssr::db_error;
    use crate::types::{Role, UserId};

    let principal = auth::require(Role::Admin)?;
    let ctx = crate::ssr::app_context()?;
    let user = users::find(&ctx.db, UserId(id))
        .await
        .map_err(db_error)?
        .ok_or_else(auth::not_found)?;
    pw::validate_new(password.expose()).map_err(|e| auth::invalid("password", e.to_string()))?;
    let hash = pw::hash(password.expose().to_owned())
        .await
        .map_err(|_| AppError::Internal)?;
    users::set_password(&ctx.db, UserId(id), hash)
        .await
        .map_err(db_error)?;
    sessions::delete_for_user(&ctx.db, UserId(id), None)
        .await
        .map_err(db_error)?;
    audit::record(
        &ctx.db,
        AuditRecord {
            actor: principal.actor(),
            action: "user.reset_password",
            target: Some(format!("user:{}", user.username)),
            outcome: Outcome::Ok,
            detail: Some("their sessions were ended".to_owned()),
            client: Some(auth::client_addr()),
        },
    )
    .await;
    Ok(())
}
