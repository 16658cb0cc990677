//! `ipmi-monitor import FILE`: the same parsing and all-or-nothing write as the Settings →
//! Servers import, from the shell. Problems are printed `FILE:LINE: field: message`, the form
//! editors and CI logs link to.

use std::io::Read;
use std::path::Path;

use app::import::apply::{ApplyError, ApplyMode, ImportOutcome, apply};
use app::import::{Format, ImportPlan, RowError, parse_file};

use crate::cli::ImportArgs;
use crate::config::Config;

/// Why an import wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("unknown format '{0}' (use csv, json, yaml or ini)")]
    Format(String),
    #[error("{file}: {count} error(s); nothing was imported")]
    Rows { file: String, count: usize },
    #[error(transparent)]
    Server(#[from] crate::error::ServerError),
    #[error("database: {0}")]
    Database(#[from] sea_orm::DbErr),
}

/// Reads, checks and (unless `--dry-run`) writes; prints warnings and errors to stderr and a
/// one-line summary to stdout.
pub async fn run(config: &Config, args: &ImportArgs) -> Result<ImportOutcome, ImportError> {
    let format = match &args.format {
        Some(name) => {
            Some(Format::from_name(name).ok_or_else(|| ImportError::Format(name.clone()))?)
        }
        None => None,
    };
    let (label, text) = read_source(&args.file)?;
    let named = (label != "-").then_some(args.file.as_path());
    let (_, plan) = parse_file(named, &text, format);
    report(&label, "warning", &plan.warnings);
    if !plan.is_ok() {
        return Err(rows_failed(&label, &plan.errors));
    }
    let db = crate::db::open(config).await?;
    let secrets =
        crate::secret_key::load_or_create(config).map_err(crate::error::ServerError::from)?;
    let mode = if args.dry_run {
        ApplyMode::DryRun
    } else {
        ApplyMode::Write
    };
    let result = apply(&db, &secrets, &plan, mode).await;
    let outcome = match result {
        Ok(outcome) => outcome,
        Err(ApplyError::Rows(errors)) => return Err(rows_failed(&label, &errors)),
        Err(ApplyError::Database(err)) => return Err(err.into()),
    };
    if !args.dry_run {
        audit_import(&db, &label, &outcome).await;
    }
    db.close().await?;
    println!("{}", summary(&plan, &outcome, args.dry_run));
    Ok(outcome)
}

/// Server and credential writes are always on record, whoever makes them.
async fn audit_import(db: &sea_orm::DatabaseConnection, label: &str, outcome: &ImportOutcome) {
    use app::ssr::auth::audit::{AuditRecord, Outcome, record};
    record(
        db,
        AuditRecord {
            actor: "cli".to_owned(),
            action: "server.import",
            target: Some(label.to_owned()),
            outcome: Outcome::Ok,
            detail: Some(format!(
                "{} added, {} updated, {} unchanged, {} credential(s) set",
                outcome.created, outcome.updated, outcome.unchanged, outcome.credentials_set
            )),
            client: None,
        },
    )
    .await;
}

fn read_source(path: &Path) -> Result<(String, String), ImportError> {
    let label = path.display().to_string();
    let read_err = |source| ImportError::Read {
        path: label.clone(),
        source,
    };
    let text = if label == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(read_err)?;
        text
    } else {
        std::fs::read_to_string(path).map_err(read_err)?
    };
    Ok((label, text))
}

fn rows_failed(label: &str, errors: &[RowError]) -> ImportError {
    report(label, "error", errors);
    ImportError::Rows {
        file: label.to_owned(),
        count: errors.len(),
    }
}

fn report(label: &str, kind: &str, problems: &[RowError]) {
    for problem in problems {
        eprintln!("{label}:{problem} ({kind})");
    }
}

fn summary(plan: &ImportPlan, outcome: &ImportOutcome, dry_run: bool) -> String {
    let verb = if dry_run { "would import" } else { "imported" };
    format!(
        "{verb} {} server(s): {} added, {} updated, {} unchanged, {} credential override(s) set",
        plan.rows.len(),
        outcome.created,
        outcome.updated,
        outcome.unchanged,
        outcome.credentials_set
    )
}
