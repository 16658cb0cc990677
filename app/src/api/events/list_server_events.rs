use leptos::prelude::*;

use crate::types::{AppError, EventRow};

/// The newest events of one server. Viewers and up.
#[server(endpoint = "list_server_events")]
pub async fn list_server_events(id: i64, limit: u64) -> Result<Vec<EventRow>, AppError> {
    use super::MAX_EVENTS_PAGE;

    crate::ssr::auth::require(crate::types::Role::Viewer)?;
    if limit == 0 || limit > MAX_EVENTS_PAGE {
        return Err(crate::ssr::auth::invalid(
            "limit",
            format!("must be between 1 and {MAX_EVENTS_PAGE}"),
        ));
    }
    let ctx = crate::ssr::app_context()?;
    let filter = super::queries::EventFilter {
        server_id: Some(id),
        limit,
        ..Default::default()
    };
    super::queries::event_page(&ctx.db, &filter)
        .await
        .map(|(events, _)| events)
        .map_err(crate::ssr::db_error)
}
