use leptos::prelude::*;

use crate::types::{AppError, DefaultLogin, LoginChange, SecretText};

#[cfg(feature = "ssr")]
fn requester() -> Result<crate::ssr::auth::Requester, AppError> {
    let principal = crate::ssr::auth::require(crate::types::Role::Operator)?;
    Ok(crate::ssr::auth::Requester::of(&principal))
}

/// The default login's user name and whether a password is stored.
#[server(endpoint = "get_default_login")]
pub async fn get_default_login() -> Result<DefaultLogin, AppError> {
    requester()?;
    let ctx = crate::ssr::app_context()?;
    crate::ssr::fleet::default_login(&ctx.db)
        .await
        .map_err(|e| e.into_app_error())
}

/// Sets the login used by every server without its own.
#[server(endpoint = "set_default_login")]
pub async fn set_default_login(username: String, password: SecretText) -> Result<(), AppError> {
    let by = requester()?;
    let ctx = crate::ssr::app_context()?;
    crate::ssr::fleet::set_default_login(&ctx.db, &ctx.secrets, &by, &username, password.expose())
        .await
        .map_err(|e| e.into_app_error())
}

/// Gives the servers `ids` (comma-separated) their own login; with `overwrite` unset, a
/// server that has one keeps it. One result per server.
#[server(endpoint = "apply_login_to_servers")]
pub async fn apply_login_to_servers(
    ids: String,
    username: String,
    password: SecretText,
    overwrite: Option<String>,
) -> Result<Vec<LoginChange>, AppError> {
    use crate::types::ServerId;
    let by = requester()?;
    let ctx = crate::ssr::app_context()?;
    let mut parsed = Vec::new();
    for part in ids.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let id = part.parse::<i64>().map_err(|_| {
            crate::ssr::auth::invalid("ids", format!("'{part}' is not a server id"))
        })?;
        parsed.push(ServerId(id));
    }
    let overwrite = overwrite.is_some_and(|v| matches!(v.as_str(), "on" | "true" | "1"));
    crate::ssr::fleet::apply_login(
        &ctx.db,
        &ctx.secrets,
        &by,
        &parsed,
        &username,
        password.expose(),
        overwrite,
    )
    .await
    .map_err(|e| e.into_app_error())
}

/// Removes a server's own login, so it uses the default again.
#[server(endpoint = "clear_server_login")]
pub async fn clear_server_login(id: i64) -> Result<(), AppError> {
    let by = requester()?;
    let ctx = crate::ssr::app_context()?;
    crate::ssr::fleet::clear_login(&ctx.db, &by, crate::types::ServerId(id))
        .await
        .map_err(|e| e.into_app_error())
}
