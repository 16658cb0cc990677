//! `POST /api/backup`: the backup as a file download, from a plain HTML form (so it works with
//! JavaScript off and the browser saves it natively). Admins only; audited.

use app::ssr::auth::audit::{self, AuditRecord, Outcome};
use app::ssr::auth::{ClientAddr, Principal};
use app::ssr::backup::{self, BackupError, PassphraseError};
use app::types::Role;
use axum::Extension;
use axum::Form;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::auth::refuse;
use crate::state::AppState;

#[derive(Debug, Deserialize)]
pub struct BackupForm {
    /// A checkbox: present ("on") when ticked.
    #[serde(default)]
    with_secrets: Option<String>,
    #[serde(default)]
    passphrase: Option<app::types::SecretText>,
}

pub async fn download_backup(
    State(state): State<AppState>,
    Extension(principal): Extension<Principal>,
    Extension(client): Extension<ClientAddr>,
    Form(form): Form<BackupForm>,
) -> Response {
    if let Err(denied) = principal.check(Role::Admin) {
        return refuse(denied.status(), "admins only");
    }
    let with_secrets = form
        .with_secrets
        .is_some_and(|v| v != "false" && v != "off");
    let passphrase = form
        .passphrase
        .map(|p| p.expose().to_owned())
        .filter(|p| with_secrets && !p.is_empty());
    if with_secrets && passphrase.is_none() {
        return refuse(
            StatusCode::UNPROCESSABLE_ENTITY,
            "a passphrase is needed to include secrets",
        );
    }
    let made = backup::create_backup(
        &state.db,
        &state.secrets,
        state.build.version,
        passphrase.as_deref(),
    )
    .await;
    let made = match made {
        Ok(made) => made,
        Err(BackupError::Passphrase(PassphraseError::TooShort)) => {
            return refuse(
                StatusCode::UNPROCESSABLE_ENTITY,
                &PassphraseError::TooShort.to_string(),
            );
        }
        Err(err) => {
            tracing::error!(error = %err, "creating a backup");
            return refuse(
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal error; see the server log",
            );
        }
    };
    let Ok(text) = serde_json::to_string_pretty(&made) else {
        return refuse(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal error; see the server log",
        );
    };
    audit::record(
        &state.db,
        AuditRecord {
            actor: principal.actor(),
            action: "backup.create",
            target: None,
            outcome: Outcome::Ok,
            detail: Some(made.summary()),
            client: Some(client),
        },
    )
    .await;
    let name = format!(
        "ipmi-monitor-backup-{}.json",
        made.created_at.format("%Y%m%d-%H%M%S")
    );
    (
        [
            (header::CONTENT_TYPE, "application/json".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        text,
    )
        .into_response()
}
