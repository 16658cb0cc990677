//! `IPMI_MONITOR_ADMIN_PASSWORD`: an install without a browser at hand (a container started by
//! automation) gets its first admin, `admin`, at start. Only while no user exists, so the
//! variable can stay set without resetting anyone's password later.

use app::ssr::auth::audit::{self, AuditRecord, Outcome};
use app::ssr::auth::{password, users};
use app::types::Role;
use sea_orm::DatabaseConnection;

use crate::config::Config;
use crate::error::{Result, ServerError};

/// The user the variable creates.
pub const FIRST_ADMIN_NAME: &str = "admin";

pub async fn create_from_config(db: &DatabaseConnection, config: &Config) -> Result<()> {
    let Some(secret) = &config.admin_password else {
        return Ok(());
    };
    if users::count(db).await? > 0 {
        return Ok(());
    }
    password::validate_new(secret.expose()).map_err(|e| {
        ServerError::Config(crate::config::ConfigError::BadValue {
            key: "IPMI_MONITOR_ADMIN_PASSWORD".to_owned(),
            message: e.to_string(),
        })
    })?;
    let hash = password::hash(secret.expose().to_owned())
        .await
        .map_err(|e| ServerError::Auth(e.to_string()))?;
    users::insert(db, FIRST_ADMIN_NAME, hash, Role::Admin).await?;
    audit::record(
        db,
        AuditRecord {
            actor: "system".to_owned(),
            action: "user.create",
            target: Some(format!("user:{FIRST_ADMIN_NAME}")),
            outcome: Outcome::Ok,
            detail: Some("first admin, from IPMI_MONITOR_ADMIN_PASSWORD".to_owned()),
            client: None,
        },
    )
    .await;
    tracing::info!(
        user = FIRST_ADMIN_NAME,
        "created the first admin from IPMI_MONITOR_ADMIN_PASSWORD"
    );
    Ok(())
}
