//! `/api/grafana/dashboard`: a Grafana dashboard for `/metrics` (also `docs/grafana-dashboard.json`),
//! to import as it is: fleet counts, temperatures, power, fans, voltages, sensor states, SEL
//! space, poll durations and events, with a server filter.

use axum::http::header;
use axum::response::IntoResponse;

/// The dashboard, kept in `docs/` where people look for it.
pub const DASHBOARD_JSON: &str = include_str!("../../../docs/grafana-dashboard.json");

pub async fn grafana_dashboard() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], DASHBOARD_JSON)
}
