use leptos::prelude::*;

use crate::types::{AppError, UserSummary};

/// Every user, by name. Admins only.
#[server(endpoint = "list_users")]
pub async fn list_users() -> Result<Vec<UserSummary>, AppError> {
    crate::ssr::auth::require(crate::types::Role::Admin)?;
    let ctx = crate::ssr::app_context()?;
    crate::ssr::auth::users::list(&ctx.db)
        .await
        .map_err(crate::ssr::db_error)
}
