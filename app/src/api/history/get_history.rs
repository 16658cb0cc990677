use leptos::prelude::*;

use crate::types::{AppError, History};

#[cfg(feature = "ssr")]
fn span(
    range: &str,
) -> Result<(chrono::DateTime<chrono::Utc>, chrono::DateTime<chrono::Utc>), AppError> {
    let range = crate::types::ChartRange::parse(range)
        .ok_or_else(|| crate::ssr::auth::invalid("range", "use 1h, 24h, 7d, 30d or 1y"))?;
    let to = chrono::Utc::now();
    Ok((to - chrono::Duration::seconds(range.seconds()), to))
}

/// One sensor's stored readings over `range` (1h, 24h, 7d, 30d, 1y).
#[server(endpoint = "get_sensor_history")]
pub async fn get_sensor_history(sensor_id: i64, range: String) -> Result<History, AppError> {
    use super::queries::{pick_resolution, sensor_history};
    crate::ssr::auth::require(crate::types::Role::Viewer)?;
    let ctx = crate::ssr::app_context()?;
    let (from, to) = span(&range)?;
    sensor_history(
        &ctx.db,
        sensor_id,
        from,
        to,
        pick_resolution(None, from, to),
    )
    .await
    .map_err(crate::ssr::db_error)
}

/// A server's stored power draw over `range`.
#[server(endpoint = "get_power_history")]
pub async fn get_power_history(server_id: i64, range: String) -> Result<History, AppError> {
    use super::queries::{pick_resolution, power_history};
    crate::ssr::auth::require(crate::types::Role::Viewer)?;
    let ctx = crate::ssr::app_context()?;
    let (from, to) = span(&range)?;
    power_history(
        &ctx.db,
        server_id,
        from,
        to,
        pick_resolution(None, from, to),
    )
    .await
    .map_err(crate::ssr::db_error)
}

/// The last hour of every sensor of a server: `(sensor id, values)`.
#[server(endpoint = "get_sensor_sparklines")]
pub async fn get_sensor_sparklines(server_id: i64) -> Result<Vec<(i64, Vec<f64>)>, AppError> {
    crate::ssr::auth::require(crate::types::Role::Viewer)?;
    let ctx = crate::ssr::app_context()?;
    super::queries::sensor_sparklines(&ctx.db, server_id)
        .await
        .map_err(crate::ssr::db_error)
}
