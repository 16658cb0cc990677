use leptos::prelude::*;

use crate::types::{AppError, SystemInfo};

/// Version, build and storage facts for the Settings page.
#[server(endpoint = "get_system_info")]
pub async fn get_system_info() -> Result<SystemInfo, AppError> {
    crate::ssr::auth::require(crate::types::Role::Viewer)?;
    Ok(crate::ssr::app_context()?.system)
}
