//! `GET /api/v1/events.csv`: the same events and filters as `/api/v1/events`, as a CSV file
//! (time, server, severity, source, description), up to 10,000 rows.

use app::api::events::queries::event_page;
use app::ssr::auth::Principal;
use app::types::Role;
use axum::Extension;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};

use super::ApiError;
use super::events::EventQuery;
use crate::state::AppState;

const MAX_ROWS: u64 = 10_000;

pub async fn events_csv(
    State(state): State<AppState>,
    Extension(principal): Extension<Principal>,
    Query(query): Query<EventQuery>,
) -> Result<Response, ApiError> {
    principal.check(Role::Viewer)?;
    let filter = query.filter(query.limit.unwrap_or(MAX_ROWS).clamp(1, MAX_ROWS))?;
    let (events, _) = event_page(&state.db, &filter).await?;
    let mut out = String::from("time,server,severity,event\r\n");
    for e in events {
        out.push_str(&format!(
            "{},{},{},{}\r\n",
            field(&e.timestamp),
            field(&e.server_name),
            e.severity.as_str(),
            field(&e.description)
        ));
    }
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"events.csv\"",
            ),
        ],
        out,
    )
        .into_response())
}

/// RFC 4180 quoting; a leading `=`, `+`, `-` or `@` is prefixed with `'` so a spreadsheet
/// never runs a BMC-supplied text as a formula.
fn field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if text.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::field;

    #[test]
    fn csv_fields_are_quoted_and_formulas_defused() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("=cmd()"), "'=cmd()");
    }
}
