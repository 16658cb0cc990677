use leptos::prelude::*;

use crate::types::{AppError, SecretText};

/// Changes the signed-in user's own password (the current one is asked again) and signs out
/// their other sessions.
#[server(endpoint = "change_password")]
pub async fn change_password(
    current: SecretText,
    new_password: SecretText,
    confirm: SecretText,
) -> Result<(), AppError> {
    use crate::ssr::auth::signin;
    let result = change_own_password(
        current.expose().to_owned(),
        new_password.expose().to_owned(),
        confirm.expose().to_owned(),
    )
    .await;
    match result {
        Ok(()) => {
            if signin::is_plain_form_post() {
                crate::ssr::redirect("/account?changed=1");
            }
            Ok(())
        }
        Err(err) => Err(signin::back_with_error("/account", err)),
    }
}

#[cfg(feature = "ssr")]
async fn change_own_password(
    current: String,
    new_password: String,
    confirm: String,
) -> Result<(), AppError> {
    use crate::ssr::auth::audit::{self, AuditRecord, Outcome};
    use crate::ssr::auth::{self, Principal, password as pw, sessions, users};
    use crate::ssr::db_error;
    use crate::types::Role;

    let ctx = crate::ssr::app_context()?;
    let principal = auth::require(Role::Viewer)?;
    let Principal::User { id, session_id, .. } = &principal else {
        auth::set_status(http::StatusCode::FORBIDDEN);
        return Err(AppError::Forbidden);
    };
    let record = |outcome, detail: &str| AuditRecord {
        actor: principal.actor(),
        action: "user.change_password",
        target: Some(principal.actor()),
        outcome,
        detail: Some(detail.to_owned()),
        client: Some(auth::client_addr()),
    };
    let user = users::find(&ctx.db, *id)
        .await
        .map_err(db_error)?
        .ok_or_else(auth::not_found)?;
    if !pw::verify(current, Some(user.password_hash)).await {
        audit::record(&ctx.db, record(Outcome::Denied, "current password wrong")).await;
        return Err(auth::invalid("current", "the current password is wrong"));
    }
    pw::validate_new(&new_password).map_err(|e| auth::invalid("new_password", e.to_string()))?;
    if new_password != confirm {
        return Err(auth::invalid("confirm", "the two passwords differ"));
    }
    let hash = pw::hash(new_password)
        .await
        .map_err(|_| AppError::Internal)?;
    users::set_password(&ctx.db, *id, hash)
        .await
        .map_err(db_error)?;
    sessions::delete_for_user(&ctx.db, *id, Some(*session_id))
        .await
        .map_err(db_error)?;
    audit::record(
        &ctx.db,
        record(Outcome::Ok, "password changed; other sessions ended"),
    )
    .await;
    Ok(())
}
