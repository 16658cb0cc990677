use leptos::prelude::*;

use crate::types::{ApiTokenSummary, AppError};

/// Every API token, newest first (never the secret). Admins only.
#[server(endpoint = "list_api_tokens")]
pub async fn list_api_tokens() -> Result<Vec<ApiTokenSummary>, AppError> {
    crate::ssr::auth::require(crate::types::Role::Admin)?;
    let ctx = crate::ssr::app_context()?;
    crate::ssr::auth::api_tokens::list(&ctx.db)
        .await
        .map_err(crate::ssr::db_error)
}
