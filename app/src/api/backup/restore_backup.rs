use leptos::prelude::*;

use crate::types::{AppError, RestorePlan, SecretText};

/// Previews (`apply = false`) or applies a restore of the backup `text`, merging into what
/// exists or replacing it (`mode` = merge | replace). The passphrase opens the sealed
/// credentials, if any. Admins only; applying is audited.
#[server(endpoint = "restore_backup")]
pub async fn restore_backup(
    text: String,
    mode: String,
    passphrase: Option<SecretText>,
    apply: Option<bool>,
) -> Result<RestorePlan, AppError> {
    use crate::ssr::auth;
    use crate::ssr::auth::audit::{self, AuditRecord, Outcome};
    use crate::ssr::backup::{self, RestoreError};
    use crate::types::{RestoreMode, Role};

    let principal = auth::require(Role::Admin)?;
    let ctx = crate::ssr::app_context()?;
    let mode = RestoreMode::parse(&mode)
        .ok_or_else(|| auth::invalid("mode", "mode must be merge or replace"))?;
    let parsed = backup::parse_backup(&text).map_err(|e| auth::invalid("text", e.to_string()))?;
    let credentials = match (
        &parsed.sealed_credentials,
        passphrase
            .as_ref()
            .map(SecretText::expose)
            .filter(|p| !p.is_empty()),
    ) {
        (Some(sealed), Some(passphrase)) => Some(
            backup::open_secrets(sealed, passphrase)
                .map_err(|e| auth::invalid("passphrase", e.to_string()))?,
        ),
        _ => None,
    };
    let apply = apply.unwrap_or(false);
    let result = if apply {
        backup::apply_restore(&ctx.db, &ctx.secrets, &parsed, credentials.as_deref(), mode).await
    } else {
        backup::plan_restore(&ctx.db, &ctx.secrets, &parsed, credentials.as_deref(), mode).await
    };
    let plan = match result {
        Ok(plan) => plan,
        Err(RestoreError::Database(err)) => return Err(crate::ssr::db_error(err)),
        Err(err) => return Err(auth::conflict(err.to_string())),
    };
    if apply {
        audit::record(
            &ctx.db,
            AuditRecord {
                actor: principal.actor(),
                action: "backup.restore",
                target: None,
                outcome: Outcome::Ok,
                detail: Some(format!("{mode:?}: {}", plan.summary())),
                client: Some(auth::client_addr()),
            },
        )
        .await;
    }
    Ok(plan)
}
