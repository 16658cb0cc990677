//! One operator action on one BMC: open a session with the server's login and privilege, send
//! the command once (never retried: a repeated power cycle is a second cycle), close, record a
//! synthetic event so the server's timeline shows who did what, and queue a poll so the power
//! state on screen catches up.

use app::entities::server;
use app::ssr::control::ControlError;
use app::types::{LiveMessage, ServerAction, ServerId, Severity};
use chrono::Utc;
use engine::client::BmcClient;
use engine::commands::chassis::PowerAction;
use sea_orm::EntityTrait;

use super::BmcControl;
use crate::collector::{SyntheticEvent, connect_options, poll_target, record_synthetic};

/// How long the identify light blinks.
const IDENTIFY_SECONDS: u8 = 15;

pub(super) async fn run(
    control: &BmcControl,
    id: ServerId,
    action: ServerAction,
    actor: String,
) -> Result<String, ControlError> {
    let row = server::Entity::find_by_id(id.0)
        .one(&control.db)
        .await?
        .ok_or(ControlError::NotFound)?;
    let name = row.name.clone();
    let target = poll_target(&control.db, &control.secrets, row)
        .await
        .map_err(ControlError::NoCredentials)?;
    let options = connect_options(&target, control.deadline);
    let client = BmcClient::connect(&target.bmc, target.credentials.clone(), options)
        .await
        .map_err(|e| ControlError::Bmc(e.to_string()))?;
    let result = match action {
        ServerAction::PowerOn => client.power(PowerAction::On).await,
        ServerAction::PowerOff => client.power(PowerAction::Off).await,
        ServerAction::PowerSoft => client.power(PowerAction::Soft).await,
        ServerAction::PowerCycle => client.power(PowerAction::Cycle).await,
        ServerAction::PowerReset => client.power(PowerAction::Reset).await,
        ServerAction::Identify => client.identify(IDENTIFY_SECONDS, false).await,
        ServerAction::BmcWarmReset => client.bmc_warm_reset().await,
        ServerAction::BmcColdReset => client.bmc_cold_reset().await,
        ServerAction::ClearSel => client.clear_sel().await,
    };
    // A BMC that resets does not answer Close Session; that is expected, not an error.
    if let Err(err) = client.close().await {
        tracing::debug!(server = %name, error = %err, "closing the action's session");
    }
    result.map_err(|e| ControlError::Bmc(e.to_string()))?;

    let description = format!("{} requested by {actor}", action.label());
    let event = SyntheticEvent {
        server_id: id.0,
        server_name: &name,
        at: Utc::now(),
        severity: Severity::Info,
        description: description.clone(),
        asserted: true,
    };
    match record_synthetic(&control.db, event).await {
        Ok(row) => {
            control
                .hub
                .publish(LiveMessage::NewEvents { events: vec![row] });
        }
        Err(err) => tracing::warn!(server = %name, error = %err, "cannot record an action event"),
    }
    control.requests.request([id.0]);
    Ok(format!("{} sent to {name}", action.label()))
}
