use leptos::prelude::*;

use crate::types::{AppError, SecretText};

/// The backup as JSON text. With `with_secrets`, the BMC credentials are included, sealed
/// with `passphrase` (at least 12 characters). Admins only; always audited.
#[server(endpoint = "create_backup")]
pub async fn create_backup(
    with_secrets: Option<bool>,
    passphrase: Option<SecretText>,
) -> Result<String, AppError> {
    use crate::ssr::auth;
    use crate::ssr::auth::audit::{self, AuditRecord, Outcome};
    use crate::ssr::backup::{self, BackupError, PassphraseError};
    use crate::types::Role;

    let principal = auth::require(Role::Admin)?;
    let ctx = crate::ssr::app_context()?;
    let with_secrets = with_secrets.unwrap_or(false);
    let passphrase = passphrase
        .filter(|_| with_secrets)
        .map(|p| p.expose().to_owned());
    if with_secrets && passphrase.as_deref().is_none_or(str::is_empty) {
        return Err(auth::invalid(
            "passphrase",
            "a passphrase is needed to include secrets",
        ));
    }
    let made = backup::create_backup(
        &ctx.db,
        &ctx.secrets,
        &ctx.system.version,
        passphrase.as_deref(),
    )
    .await;
    let backup = match made {
        Ok(backup) => backup,
        Err(BackupError::Passphrase(PassphraseError::TooShort)) => {
            return Err(auth::invalid(
                "passphrase",
                PassphraseError::TooShort.to_string(),
            ));
        }
        Err(err) => {
            tracing::error!(error = %err, "creating a backup");
            return Err(AppError::Internal);
        }
    };
    audit::record(
        &ctx.db,
        AuditRecord {
            actor: principal.actor(),
            action: "backup.create",
            target: None,
            outcome: Outcome::Ok,
            detail: Some(backup.summary()),
            client: Some(auth::client_addr()),
        },
    )
    .await;
    serde_json::to_string_pretty(&backup).map_err(|_| AppError::Internal)
}
