//! A live login to one BMC: the stored login or one given to try, the server's privilege and
//! cipher suites, bounded by the deadline; the session is closed at once.

use std::time::Instant;

use app::entities::server;
use app::ssr::control::{ControlError, LoginToTry};
use app::types::{LoginOutcome, LoginTestResult, ServerId};
use engine::client::{BmcClient, Credentials};
use engine::{AuthError, IpmiError};
use sea_orm::EntityTrait;

use super::BmcControl;
use crate::collector::{connect_options, poll_target, target_with};

pub(super) async fn run(
    control: &BmcControl,
    id: ServerId,
    login: Option<LoginToTry>,
) -> Result<LoginTestResult, ControlError> {
    let row = server::Entity::find_by_id(id.0)
        .one(&control.db)
        .await?
        .ok_or(ControlError::NotFound)?;
    let name = row.name.clone();
    let result = |outcome, message, latency_ms, cipher_suite| LoginTestResult {
        server_id: id,
        server_name: name.clone(),
        outcome,
        message,
        latency_ms,
        cipher_suite,
    };
    // A login to try needs nothing stored: it is tested before it is saved.
    let target = match login {
        Some(login) => {
            let credentials = Credentials::new(login.username, login.password);
            target_with(&control.db, row, credentials).await
        }
        None => poll_target(&control.db, &control.secrets, row).await,
    };
    let target = match target {
        Ok(target) => target,
        Err(message) => {
            return Ok(result(LoginOutcome::NoCredentials, Some(message), 0, None));
        }
    };
    let options = connect_options(&target, control.deadline);
    let started = Instant::now();
    let connected = BmcClient::connect(&target.bmc, target.credentials.clone(), options).await;
    let latency_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
    Ok(match connected {
        Ok(client) => {
            let suite = client.session_info().and_then(|s| s.cipher_suite);
            if let Err(err) = client.close().await {
                tracing::debug!(server = %name, error = %err, "closing a login test session");
            }
            result(LoginOutcome::Ok, None, latency_ms, suite)
        }
        Err(err) => result(classify(&err), Some(err.to_string()), latency_ms, None),
    })
}

fn classify(err: &IpmiError) -> LoginOutcome {
    match err {
        IpmiError::Auth(AuthError::WrongPassword | AuthError::UnknownUser) => {
            LoginOutcome::WrongPassword
        }
        IpmiError::Timeout(_) => LoginOutcome::Timeout,
        IpmiError::Unreachable(_) | IpmiError::BadTarget(_) => LoginOutcome::Unreachable,
        _ => LoginOutcome::Failed,
    }
}
