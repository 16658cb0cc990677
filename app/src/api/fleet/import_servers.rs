use leptos::prelude::*;

use crate::types::{AppError, ImportPreview, ImportSummary, SecretText};

/// What importing `text` would do: rows, per-line errors and warnings, and the changes.
/// Writes nothing. `format` is csv, json, yaml or ini; empty detects it. The text may hold
/// BMC passwords, hence `SecretText`.
#[server(endpoint = "preview_server_import")]
pub async fn preview_server_import(
    text: SecretText,
    format: Option<String>,
) -> Result<ImportPreview, AppError> {
    use crate::ssr::fleet::{self, FleetError};

    crate::ssr::auth::require(crate::types::Role::Operator)?;
    let ctx = crate::ssr::app_context()?;
    let format = fleet::parse_format(format.as_deref()).map_err(FleetError::into_app_error)?;
    fleet::preview_import(&ctx.db, &ctx.secrets, text.expose(), format)
        .await
        .map_err(FleetError::into_app_error)
}

/// Imports `text`: every row or, if any row has a problem, none.
#[server(endpoint = "import_servers")]
pub async fn import_servers(
    text: SecretText,
    format: Option<String>,
) -> Result<ImportSummary, AppError> {
    use crate::ssr::fleet::{self, FleetError};

    let principal = crate::ssr::auth::require(crate::types::Role::Operator)?;
    let ctx = crate::ssr::app_context()?;
    let format = fleet::parse_format(format.as_deref()).map_err(FleetError::into_app_error)?;
    let by = crate::ssr::auth::Requester::of(&principal);
    fleet::run_import(&ctx.db, &ctx.secrets, &by, text.expose(), format)
        .await
        .map_err(FleetError::into_app_error)
}
