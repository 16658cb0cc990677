//! Starting and ending a browser session from inside a server function: the database row and
//! the `Set-Cookie` header together.

use http::HeaderValue;
use http::header::SET_COOKIE;
use leptos::prelude::use_context;
use leptos_axum::ResponseOptions;
use sea_orm::ConnectionTrait;

use super::{AuthSettings, clear_session_cookie, client_addr, session_cookie, sessions};
use crate::ssr::db_error;
use crate::types::{AppError, UserId};

/// Creates a session for `user_id` and sends its cookie.
pub async fn start_session(
    db: &impl ConnectionTrait,
    settings: &AuthSettings,
    user_id: UserId,
) -> Result<(), AppError> {
    let secret = sessions::create(db, user_id, settings.session_lifetime)
        .await
        .map_err(db_error)?;
    let secure = settings.secure_cookies || client_addr().https;
    let base = crate::base_path::use_base_path();
    set_cookie(&session_cookie(
        &secret,
        settings.session_lifetime,
        secure,
        base.cookie_path(),
    ))
}

/// Deletes the session (if any) and tells the browser to forget its cookie.
pub async fn end_session(
    db: &impl ConnectionTrait,
    settings: &AuthSettings,
    session_id: Option<i64>,
) -> Result<(), AppError> {
    if let Some(id) = session_id {
        sessions::delete(db, id).await.map_err(db_error)?;
    }
    let secure = settings.secure_cookies || client_addr().https;
    let base = crate::base_path::use_base_path();
    set_cookie(&clear_session_cookie(secure, base.cookie_path()))
}

fn set_cookie(value: &str) -> Result<(), AppError> {
    let value = HeaderValue::from_str(value).map_err(|_| AppError::Internal)?;
    if let Some(response) = use_context::<ResponseOptions>() {
        response.append_header(SET_COOKIE, value);
    }
    Ok(())
}

/// Where to go after signing in: `next` when it is a path on this site, else the dashboard.
/// Anything else (`//evil.example`, `https://…`, `/\\evil`) would make the login page an
/// open redirect.
pub fn safe_next(next: Option<&str>) -> String {
    next.map(crate::url::local_path)
        .unwrap_or_else(|| "/".to_owned())
}

/// Whether this server-function call is a plain HTML form post (no JavaScript), which
/// cannot show an error value and needs to be sent back to a page instead.
pub fn is_plain_form_post() -> bool {
    use_context::<http::request::Parts>().is_some_and(|parts| {
        parts
            .headers
            .get(http::header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("text/html"))
    })
}

/// For a plain form post, sends the browser back to `page` with the error in `?error=`; the
/// page shows it. Returns the error for the JavaScript caller either way.
pub fn back_with_error(page: &str, err: AppError) -> AppError {
    if is_plain_form_post() {
        let separator = if page.contains('?') { '&' } else { '?' };
        crate::ssr::redirect(&format!(
            "{page}{separator}error={}",
            crate::url::percent_encode(&err.to_string())
        ));
    }
    err
}
