use leptos::prelude::*;

use crate::types::{AppError, EventRow};

/// Largest page a client may ask for.
pub const MAX_EVENTS_PAGE: u64 = 500;

/// The newest events of every server, newest first.
#[server(endpoint = "list_recent_events")]
pub async fn list_recent_events(limit: u64) -> Result<Vec<EventRow>, AppError> {
    crate::ssr::auth::require(crate::types::Role::Viewer)?;
    if limit == 0 || limit > MAX_EVENTS_PAGE {
        return Err(AppError::Validation {
            field: "limit".into(),
            message: format!("must be between 1 and {MAX_EVENTS_PAGE}"),
        });
    }
    let ctx = crate::ssr::app_context()?;
    super::queries::recent_events(&ctx.db, limit, None)
        .await
        .map_err(crate::ssr::db_error)
}
