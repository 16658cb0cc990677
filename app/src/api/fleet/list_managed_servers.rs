use leptos::prelude::*;

use crate::types::{AppError, ManagedServer};

/// Every server with every setting (deprecated ones too) and whether it has its own login.
#[server(endpoint = "list_managed_servers")]
pub async fn list_managed_servers() -> Result<Vec<ManagedServer>, AppError> {
    crate::ssr::auth::require(crate::types::Role::Viewer)?;
    let ctx = crate::ssr::app_context()?;
    crate::ssr::fleet::managed_servers(&ctx.db)
        .await
        .map_err(|e| e.into_app_error())
}
