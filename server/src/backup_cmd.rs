//! `ipmi-monitor backup` and `ipmi-monitor restore FILE`: the same backup files as Settings →
//! Backup, from the shell (cron, before an upgrade). Passphrases come from a variable or the
//! terminal, never from the command line.

use std::io::IsTerminal;
use std::path::Path;

use app::ssr::auth::audit::{self, AuditRecord, Outcome};
use app::ssr::backup;
use app::types::RestoreMode;

use crate::cli::{BackupArgs, RestoreArgs};
use crate::config::Config;

#[derive(Debug, thiserror::Error)]
pub enum BackupCmdError {
    #[error("{0}")]
    Invalid(String),
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("cannot write {path}: {source}")]
    Write {
        path: String,
        source: std::io::Error,
    },
    #[error(transparent)]
    Backup(#[from] backup::BackupError),
    #[error(transparent)]
    Restore(#[from] backup::RestoreError),
    #[error(transparent)]
    Passphrase(#[from] backup::PassphraseError),
    #[error(transparent)]
    Server(#[from] crate::error::ServerError),
}

pub async fn backup(config: &Config, args: &BackupArgs) -> Result<(), BackupCmdError> {
    let passphrase = match (args.with_secrets, &args.passphrase_env) {
        (false, _) => None,
        (true, Some(var)) => Some(from_env(var)?),
        (true, None) => Some(prompt("passphrase for the backup's secrets: ")?),
    };
    let db = crate::db::open(config).await?;
    let secrets =
        crate::secret_key::load_or_create(config).map_err(crate::error::ServerError::from)?;
    let version = crate::build_info::BuildInfo::current().version;
    let made = backup::create_backup(&db, &secrets, version, passphrase.as_deref()).await?;
    let text =
        serde_json::to_string_pretty(&made).map_err(|e| BackupCmdError::Invalid(e.to_string()))?;
    match &args.output {
        Some(path) => write_private(path, &text)?,
        None => println!("{text}"),
    }
    audit::record(
        &db,
        AuditRecord {
            actor: "cli".to_owned(),
            action: "backup.create",
            target: args.output.as_ref().map(|p| p.display().to_string()),
            outcome: Outcome::Ok,
            detail: Some(made.summary()),
            client: None,
        },
    )
    .await;
    let _ = db.close().await;
    Ok(())
}

pub async fn restore(config: &Config, args: &RestoreArgs) -> Result<(), BackupCmdError> {
    let text = std::fs::read_to_string(&args.file).map_err(|source| BackupCmdError::Read {
        path: args.file.display().to_string(),
        source,
    })?;
    let parsed = backup::parse_backup(&text)?;
    let credentials = match (&parsed.sealed_credentials, &args.passphrase_env) {
        (Some(sealed), Some(var)) => Some(backup::open_secrets(sealed, &from_env(var)?)?),
        (Some(sealed), None) if std::io::stdin().is_terminal() => Some(backup::open_secrets(
            sealed,
            &prompt("passphrase of the backup's secrets: ")?,
        )?),
        _ => None,
    };
    let mode = if args.replace {
        RestoreMode::Replace
    } else {
        RestoreMode::Merge
    };
    let db = crate::db::open(config).await?;
    let secrets =
        crate::secret_key::load_or_create(config).map_err(crate::error::ServerError::from)?;
    let plan = if args.dry_run {
        backup::plan_restore(&db, &secrets, &parsed, credentials.as_deref(), mode).await?
    } else {
        backup::apply_restore(&db, &secrets, &parsed, credentials.as_deref(), mode).await?
    };
    for warning in &plan.warnings {
        eprintln!("warning: {warning}");
    }
    if args.dry_run {
        println!("would restore ({mode:?}): {}", plan.summary());
    } else {
        audit::record(
            &db,
            AuditRecord {
                actor: "cli".to_owned(),
                action: "backup.restore",
                target: Some(args.file.display().to_string()),
                outcome: Outcome::Ok,
                detail: Some(format!("{mode:?}: {}", plan.summary())),
                client: None,
            },
        )
        .await;
        println!("restored ({mode:?}): {}", plan.summary());
    }
    let _ = db.close().await;
    Ok(())
}

fn from_env(var: &str) -> Result<String, BackupCmdError> {
    std::env::var(var)
        .map_err(|_| BackupCmdError::Invalid(format!("environment variable {var} is not set")))
}

fn prompt(question: &str) -> Result<String, BackupCmdError> {
    if !std::io::stdin().is_terminal() {
        return Err(BackupCmdError::Invalid(
            "no terminal to ask for the passphrase: use --passphrase-env VAR".to_owned(),
        ));
    }
    rpassword::prompt_password(question).map_err(|e| BackupCmdError::Invalid(e.to_string()))
}

/// A backup holds password hashes (and maybe sealed credentials): mode 0600.
fn write_private(path: &Path, text: &str) -> Result<(), BackupCmdError> {
    crate::private_file::write_private(
        path,
        text.as_bytes(),
        crate::private_file::Existing::Replace,
    )
    .map_err(|source| BackupCmdError::Write {
        path: path.display().to_string(),
        source,
    })
}
