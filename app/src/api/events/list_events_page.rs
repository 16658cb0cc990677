use leptos::prelude::*;

use crate::types::{AppError, EventPage};

/// Largest page a client may ask for.
pub const MAX_EVENTS_PAGE: u64 = 500;

/// A page of events, newest first: of one server or all, of a severity and worse, older than
/// `before_id`. Viewers and up.
#[server(endpoint = "list_events_page")]
pub async fn list_events_page(
    server_id: Option<i64>,
    severity: Option<String>,
    before_id: Option<i64>,
    limit: u64,
) -> Result<EventPage, AppError> {
    use super::queries::{EventFilter, event_page};
    use crate::ssr::auth;
    use crate::types::Severity;

    auth::require(crate::types::Role::Viewer)?;
    if limit == 0 || limit > MAX_EVENTS_PAGE {
        return Err(auth::invalid(
            "limit",
            format!("must be between 1 and {MAX_EVENTS_PAGE}"),
        ));
    }
    let min_severity =
        Severity::parse_filter(severity.as_deref()).map_err(|m| auth::invalid("severity", m))?;
    let ctx = crate::ssr::app_context()?;
    let filter = EventFilter {
        server_id,
        min_severity,
        before_id,
        limit,
        ..EventFilter::default()
    };
    let (events, next_before_id) = event_page(&ctx.db, &filter)
        .await
        .map_err(crate::ssr::db_error)?;
    Ok(EventPage {
        events,
        next_before_id,
    })
}
