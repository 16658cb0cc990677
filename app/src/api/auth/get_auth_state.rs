use leptos::prelude::*;

use crate::types::{AppError, AuthState};

/// Whether the app still needs its first admin, and who is signed in. Open to everyone: the
/// login and setup pages need it before anyone has signed in.
#[server(endpoint = "get_auth_state")]
pub async fn get_auth_state() -> Result<AuthState, AppError> {
    let ctx = crate::ssr::app_context()?;
    let needs_setup = crate::ssr::auth::users::count(&ctx.db)
        .await
        .map_err(crate::ssr::db_error)?
        == 0;
    Ok(AuthState {
        needs_setup,
        current: crate::ssr::auth::current_principal().current_user(),
    })
}
