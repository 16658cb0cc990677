use leptos::prelude::*;

use crate::types::AppError;

/// Deletes a server with all its history. `confirm_name` must be the server's name, so a
/// stray click deletes nothing. Operators and admins.
#[server(endpoint = "delete_server")]
pub async fn delete_server(id: i64, confirm_name: String) -> Result<String, AppError> {
    use crate::ssr::auth;
    use crate::ssr::fleet::{self, FleetError};

    let principal = auth::require(crate::types::Role::Operator)?;
    let ctx = crate::ssr::app_context()?;
    let servers = fleet::managed_servers(&ctx.db)
        .await
        .map_err(FleetError::into_app_error)?;
    let Some(server) = servers.iter().find(|s| s.id == crate::types::ServerId(id)) else {
        return Err(auth::not_found());
    };
    if confirm_name.trim() != server.name {
        return Err(auth::invalid(
            "confirm_name",
            format!("type the server's name ({}) to delete it", server.name),
        ));
    }
    let by = crate::ssr::auth::Requester::of(&principal);
    fleet::delete_server(&ctx.db, &by, crate::types::ServerId(id))
        .await
        .map_err(FleetError::into_app_error)
}

/// Deletes every deprecated server with its history; `confirm` must be "purge".
#[server(endpoint = "purge_deprecated_servers")]
pub async fn purge_deprecated_servers(confirm: String) -> Result<Vec<String>, AppError> {
    use crate::ssr::auth;
    use crate::ssr::fleet::{self, FleetError};

    let principal = auth::require(crate::types::Role::Operator)?;
    let ctx = crate::ssr::app_context()?;
    if confirm.trim() != "purge" {
        return Err(auth::invalid(
            "confirm",
            "type purge to delete every deprecated server",
        ));
    }
    let by = crate::ssr::auth::Requester::of(&principal);
    fleet::purge_deprecated(&ctx.db, &by)
        .await
        .map_err(FleetError::into_app_error)
}
