use leptos::prelude::*;

use crate::types::{AppError, ServerId, ServerStats};

/// Event counts over `range` (1h, 24h, 7d, 30d, 1y) and the hottest temperature, per server
/// that has any.
#[server(endpoint = "get_fleet_stats")]
pub async fn get_fleet_stats(range: String) -> Result<Vec<(ServerId, ServerStats)>, AppError> {
    use crate::ssr::auth;
    auth::require(crate::types::Role::Viewer)?;
    let ctx = crate::ssr::app_context()?;
    let range = crate::types::ChartRange::parse(&range)
        .ok_or_else(|| auth::invalid("range", "use 1h, 24h, 7d, 30d or 1y"))?;
    let since = chrono::Utc::now() - chrono::Duration::seconds(range.seconds());
    super::stats::fleet_stats(&ctx.db, since)
        .await
        .map_err(crate::ssr::db_error)
}
