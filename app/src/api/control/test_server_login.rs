use leptos::prelude::*;

use crate::types::{AppError, LoginTestResult, SecretText};

/// Logs in to the server's BMC now, with the given login or (both empty) the stored one.
/// Operators and admins; nothing is stored.
#[server(endpoint = "test_server_login")]
pub async fn test_server_login(
    id: i64,
    username: Option<String>,
    password: Option<SecretText>,
) -> Result<LoginTestResult, AppError> {
    use crate::ssr::auth;
    use crate::ssr::control::{ControlError, LoginToTry};
    use crate::types::{Role, ServerId};

    auth::require(Role::Operator)?;
    let ctx = crate::ssr::app_context()?;
    let given = |v: Option<String>| v.filter(|v| !v.is_empty());
    let password = password.map(|p| p.expose().to_owned());
    let login = match (given(username), given(password)) {
        (Some(username), Some(password)) => Some(LoginToTry { username, password }),
        (None, None) => None,
        (Some(_), None) => return Err(auth::invalid("password", "give the password to try")),
        (None, Some(_)) => return Err(auth::invalid("username", "give the user name to try")),
    };
    ctx.control
        .test_login(ServerId(id), login)
        .await
        .map_err(|err| match err {
            ControlError::NotFound => auth::not_found(),
            ControlError::Database(err) => crate::ssr::db_error(err),
            err => auth::invalid("login", err.to_string()),
        })
}
