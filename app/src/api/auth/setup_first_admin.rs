use leptos::prelude::*;

use crate::types::{AppError, CurrentUser, SecretText};

/// Creates the first admin and signs them in. Works only while no user exists, so it is open
/// to everyone exactly until it has been used once.
#[server(endpoint = "setup_first_admin")]
pub async fn setup_first_admin(
    username: String,
    password: SecretText,
    confirm: SecretText,
) -> Result<CurrentUser, AppError> {
    create_first_admin(
        username,
        password.expose().to_owned(),
        confirm.expose().to_owned(),
    )
    .await
    .map_err(|err| crate::ssr::auth::signin::back_with_error("/setup", err))
}

#[cfg(feature = "ssr")]
async fn create_first_admin(
    username: String,
    password: String,
    confirm: String,
) -> Result<CurrentUser, AppError> {
    use sea_orm::TransactionTrait;

    use crate::types::Role;

    use crate::ssr::auth::audit::{self, AuditRecord, Outcome};
    use crate::ssr::auth::{self, password as pw, signin, users};
    use crate::ssr::db_error;

    let ctx = crate::ssr::app_context()?;
    let username = username.trim().to_owned();
    users::validate_username(&username).map_err(|message| auth::invalid("username", message))?;
    pw::validate_new(&password).map_err(|e| auth::invalid("password", e.to_string()))?;
    if password != confirm {
        return Err(auth::invalid("confirm", "the two passwords differ"));
    }
    let hash = pw::hash(password).await.map_err(|_| AppError::Internal)?;

    // Check and insert in one transaction, so two set-up forms sent at once make one admin.
    let txn = ctx.db.begin().await.map_err(db_error)?;
    if users::count(&txn).await.map_err(db_error)? > 0 {
        return Err(auth::conflict("set-up is done already; sign in instead"));
    }
    let user = users::insert(&txn, &username, hash, Role::Admin)
        .await
        .map_err(db_error)?;
    txn.commit().await.map_err(db_error)?;

    let id = crate::types::UserId(user.id);
    signin::start_session(&ctx.db, &ctx.auth, id).await?;
    audit::record(
        &ctx.db,
        AuditRecord {
            actor: format!("user:{username}"),
            action: "user.create",
            target: Some(format!("user:{username}")),
            outcome: Outcome::Ok,
            detail: Some("first admin, from the set-up page".to_owned()),
            client: Some(auth::client_addr()),
        },
    )
    .await;
    if signin::is_plain_form_post() {
        crate::ssr::redirect("/");
    }
    Ok(CurrentUser {
        name: username,
        role: Role::Admin,
        kind: "user".to_owned(),
        can_change_password: true,
    })
}
