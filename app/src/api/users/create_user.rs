use leptos::prelude::*;

use crate::types::{AppError, SecretText, UserSummary};

/// Adds a user with a role. Admins only.
#[server(endpoint = "create_user")]
pub async fn create_user(
    username: String,
    password: SecretText,
    role: String,
) -> Result<UserSummary, AppError> {
    use crate::ssr::auth::audit::{self, AuditRecord, Outcome};
    use crate::ssr::auth::{self, password as pw, users};
    use crate::ssr::db_error;
    use crate::types::Role;

    let principal = auth::require(Role::Admin)?;
    let ctx = crate::ssr::app_context()?;
    let username = username.trim().to_owned();
    users::validate_username(&username).map_err(|m| auth::invalid("username", m))?;
    let role = Role::parse(&role)
        .ok_or_else(|| auth::invalid("role", "role must be viewer, operator or admin"))?;
    pw::validate_new(password.expose()).map_err(|e| auth::invalid("password", e.to_string()))?;
    if users::find_by_name(&ctx.db, &username)
        .await
        .map_err(db_error)?
        .is_some()
    {
        return Err(auth::conflict(format!(
            "a user named {username} exists already"
        )));
    }
    let hash = pw::hash(password.expose().to_owned())
        .await
        .map_err(|_| AppError::Internal)?;
    let row = users::insert(&ctx.db, &username, hash, role)
        .await
        .map_err(db_error)?;
    audit::record(
        &ctx.db,
        AuditRecord {
            actor: principal.actor(),
            action: "user.create",
            target: Some(format!("user:{username}")),
            outcome: Outcome::Ok,
            detail: Some(format!("role {role}")),
            client: Some(auth::client_addr()),
        },
    )
    .await;
    Ok(users::summary(row))
}
