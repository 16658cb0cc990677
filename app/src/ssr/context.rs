//! What server functions get from the server: injected with `provide_context` by the router,
//! read back with the typed getter below. No globals.

use leptos::prelude::use_context;
use sea_orm::DatabaseConnection;

use super::auth::{AuthSettings, LoginThrottle};
use super::secrets::SecretBox;
use crate::types::{AppError, SystemInfo};

/// Dependencies of every server function.
#[derive(Clone)]
pub struct AppContext {
    pub db: DatabaseConnection,
    pub system: SystemInfo,
    /// Encrypts and decrypts secrets at rest (BMC passwords).
    pub secrets: SecretBox,
    pub auth: AuthSettings,
    /// Failed-login counts per client, shared by every request.
    pub throttle: LoginThrottle,
    /// The collector and BMC sessions: actions, collect-now, login tests.
    pub control: std::sync::Arc<dyn super::control::FleetControl>,
}

/// The context the server provided, or `Internal` when a server function runs outside it.
pub fn app_context() -> Result<AppContext, AppError> {
    use_context::<AppContext>().ok_or_else(|| {
        tracing::error!("server function called without AppContext");
        AppError::Internal
    })
}

/// Logs a database error and turns it into the plain error the browser sees.
pub fn db_error(err: sea_orm::DbErr) -> AppError {
    tracing::error!(error = %err, "database error");
    AppError::Internal
}
