use leptos::prelude::*;

use crate::types::AppError;

/// Runs `action` (`power_on`, `power_off`, `power_soft`, `power_cycle`, `power_reset`,
/// `identify`, `bmc_warm_reset`, `bmc_cold_reset`, `clear_sel`) on the server's BMC.
/// `confirm_name` must be the server's name. Operators and admins; always audited.
#[server(endpoint = "run_server_action")]
pub async fn run_server_action(
    id: i64,
    action: String,
    confirm_name: String,
) -> Result<String, AppError> {
    use crate::ssr::auth;
    use crate::ssr::auth::Requester;
    use crate::ssr::control::{ActionError, ControlError, perform_action};
    use crate::types::{Role, ServerAction, ServerId};

    let principal = auth::require(Role::Operator)?;
    let ctx = crate::ssr::app_context()?;
    let action = ServerAction::parse(&action)
        .ok_or_else(|| auth::invalid("action", format!("unknown action '{action}'")))?;
    let by = Requester::of(&principal);
    let result = perform_action(
        &ctx.db,
        ctx.control.as_ref(),
        &by,
        ServerId(id),
        action,
        &confirm_name,
    )
    .await;
    result.map_err(|err| match err {
        ActionError::NotConfirmed(_) => auth::invalid("confirm_name", err.to_string()),
        ActionError::Control(ControlError::NotFound) => auth::not_found(),
        ActionError::Control(ControlError::Database(err)) => crate::ssr::db_error(err),
        ActionError::Control(err) => {
            auth::set_status(http::StatusCode::BAD_GATEWAY);
            AppError::Conflict(err.to_string())
        }
    })
}
