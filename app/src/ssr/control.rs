//! What the web layer asks of the collector and the BMCs: run an action, collect now, report
//! collection progress, test a login. The `server` crate implements [`FleetControl`] (it owns
//! the engine sessions and the scheduler) and injects it; the server functions and the REST
//! API call [`perform_action`], so both confirm, refuse and audit the same way.

use std::future::Future;
use std::pin::Pin;

use super::auth::Requester;
use super::auth::audit::{self, AuditRecord, Outcome};
use crate::types::{CollectionProgress, LoginTestResult, ServerAction, ServerId};

pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// A login to try instead of the stored one (the Test button next to a credential form).
/// The password is hidden from `Debug`.
#[derive(Clone)]
pub struct LoginToTry {
    pub username: String,
    pub password: String,
}

impl std::fmt::Debug for LoginToTry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LoginToTry")
            .field("username", &self.username)
            .finish_non_exhaustive()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ControlError {
    #[error("no such server")]
    NotFound,
    #[error("{0}")]
    NoCredentials(String),
    /// The BMC refused or did not answer; the text says which.
    #[error("BMC: {0}")]
    Bmc(String),
    #[error("database: {0}")]
    Database(#[from] sea_orm::DbErr),
}

pub trait FleetControl: Send + Sync {
    /// Runs `action` on the server's BMC now, in a session of its own; `Ok` is what happened.
    fn run_action(
        &self,
        server: ServerId,
        action: ServerAction,
        actor: String,
    ) -> BoxFuture<'_, Result<String, ControlError>>;

    /// Polls these servers at once instead of at their next turn; returns how many were queued
    /// (unknown, disabled and deprecated servers are skipped).
    fn collect_now(&self, servers: Vec<ServerId>) -> BoxFuture<'_, Result<usize, ControlError>>;

    /// The running requested collection, if any.
    fn progress(&self) -> Option<CollectionProgress>;

    /// Logs in to the server's BMC with `login`, or its stored login, and reports how it went.
    fn test_login(
        &self,
        server: ServerId,
        login: Option<LoginToTry>,
    ) -> BoxFuture<'_, Result<LoginTestResult, ControlError>>;
}

/// Why an action was not carried out.
#[derive(Debug, thiserror::Error)]
pub enum ActionError {
    #[error("type the server's name ({0}) to confirm")]
    NotConfirmed(String),
    #[error(transparent)]
    Control(#[from] ControlError),
}

/// Checks the confirmation (the server's name, typed), runs the action and audits the
/// attempt, successful or not.
pub async fn perform_action(
    db: &sea_orm::DatabaseConnection,
    control: &dyn FleetControl,
    by: &Requester,
    server: ServerId,
    action: ServerAction,
    confirm_name: &str,
) -> Result<String, ActionError> {
    use sea_orm::EntityTrait;
    let row = crate::entities::server::Entity::find_by_id(server.0)
        .one(db)
        .await
        .map_err(ControlError::from)?
        .ok_or(ControlError::NotFound)?;
    if confirm_name.trim() != row.name {
        return Err(ActionError::NotConfirmed(row.name));
    }
    let result = control.run_action(server, action, by.actor.clone()).await;
    let (outcome, detail) = match &result {
        Ok(message) => (Outcome::Ok, message.clone()),
        Err(err) => (Outcome::Failed, err.to_string()),
    };
    audit::record(
        db,
        AuditRecord {
            actor: by.actor.clone(),
            action: audit_action(action),
            target: Some(format!("server:{}", row.name)),
            outcome,
            detail: Some(format!("{}: {detail}", action.as_str())),
            client: by.client,
        },
    )
    .await;
    Ok(result?)
}

/// Power actions share one audit verb, so "every power action" is one filter.
fn audit_action(action: ServerAction) -> &'static str {
    match action {
        ServerAction::PowerOn
        | ServerAction::PowerOff
        | ServerAction::PowerSoft
        | ServerAction::PowerCycle
        | ServerAction::PowerReset => "server.power",
        ServerAction::Identify => "server.identify",
        ServerAction::BmcWarmReset | ServerAction::BmcColdReset => "server.bmc_reset",
        ServerAction::ClearSel => "server.sel_clear",
    }
}
