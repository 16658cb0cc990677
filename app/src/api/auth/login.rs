use leptos::prelude::*;

use crate::types::{AppError, CurrentUser, SecretText};

/// Signs in with a user name and password and sets the session cookie. Open to everyone, but
/// throttled per client: too many failures lock the client out for a while.
#[server(endpoint = "login")]
pub async fn login(
    username: String,
    password: SecretText,
    next: Option<String>,
) -> Result<CurrentUser, AppError> {
    use crate::ssr::auth::signin;
    let back = match next.as_deref().map(|n| signin::safe_next(Some(n))) {
        Some(next) if next != "/" => format!("/login?next={}", crate::url::percent_encode(&next)),
        _ => "/login".to_owned(),
    };
    sign_in(username, password.expose().to_owned(), next)
        .await
        .map_err(|err| signin::back_with_error(&back, err))
}

#[cfg(feature = "ssr")]
async fn sign_in(
    username: String,
    password: String,
    next: Option<String>,
) -> Result<CurrentUser, AppError> {
    use crate::ssr::auth::audit::{self, AuditRecord, Outcome};
    use crate::ssr::auth::{self, password as pw, signin, users};
    use crate::ssr::db_error;

    let ctx = crate::ssr::app_context()?;
    let client = auth::client_addr();
    let username = username.trim().to_owned();
    let attempt = |outcome, detail: &str| AuditRecord {
        actor: "anonymous".to_owned(),
        action: "auth.login",
        target: Some(format!("user:{username}")),
        outcome,
        detail: Some(detail.to_owned()),
        client: Some(client),
    };

    if let Err(remaining) = ctx.throttle.check(client.addr, std::time::Instant::now()) {
        audit::record(&ctx.db, attempt(Outcome::Denied, "client is locked out")).await;
        auth::set_status(http::StatusCode::TOO_MANY_REQUESTS);
        return Err(AppError::LockedOut {
            retry_after_secs: remaining.as_secs().max(1),
        });
    }

    let user = users::find_by_name(&ctx.db, &username)
        .await
        .map_err(db_error)?;
    let Some(user) = user else {
        // Same work as a wrong password, so timing does not tell which user names exist.
        let _ = pw::verify(password, None).await;
        return Err(failed(&ctx, client, attempt(Outcome::Denied, "unknown user")).await);
    };
    if !pw::verify(password, Some(user.password_hash.clone())).await {
        return Err(failed(&ctx, client, attempt(Outcome::Denied, "wrong password")).await);
    }

    ctx.throttle.record_success(client.addr);
    let id = crate::types::UserId(user.id);
    signin::start_session(&ctx.db, &ctx.auth, id).await?;
    users::touch_login(&ctx.db, id).await.map_err(db_error)?;
    audit::record(&ctx.db, attempt(Outcome::Ok, "signed in")).await;
    // A plain form post is sent on; the page's script reloads at `next` itself.
    if signin::is_plain_form_post() {
        crate::ssr::redirect(&signin::safe_next(next.as_deref()));
    }
    Ok(CurrentUser {
        role: users::role_of(&user),
        name: user.username,
        kind: "user".to_owned(),
        can_change_password: true,
    })
}

/// Counts the failure, audits it, and picks the error: wrong credentials, or locked out when
/// this failure was the last one allowed.
#[cfg(feature = "ssr")]
async fn failed(
    ctx: &crate::ssr::AppContext,
    client: crate::ssr::auth::ClientAddr,
    record: crate::ssr::auth::audit::AuditRecord<'_>,
) -> AppError {
    use crate::ssr::auth;
    auth::audit::record(&ctx.db, record).await;
    match ctx
        .throttle
        .record_failure(client.addr, std::time::Instant::now())
    {
        Some(lockout) => {
            tracing::warn!(client = %client.addr, "too many failed logins; client locked out");
            auth::set_status(http::StatusCode::TOO_MANY_REQUESTS);
            AppError::LockedOut {
                retry_after_secs: lockout.as_secs(),
            }
        }
        None => {
            auth::set_status(http::StatusCode::UNAUTHORIZED);
            AppError::BadCredentials
        }
    }
}
