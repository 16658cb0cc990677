//! Importing a server list from the browser or the REST API: the preview (a dry run inside a
//! rolled-back transaction, so it reports exactly what the import would do) and the import.

use sea_orm::DatabaseConnection;

use super::FleetError;
use crate::import::apply::{ApplyError, ApplyMode, ImportOutcome, apply};
use crate::import::{Format, ImportPlan, parse_file};
use crate::ssr::auth::Requester;
use crate::ssr::secrets::SecretBox;
use crate::types::{ImportPreview, ImportSummary};

/// Refuses a format name that is not csv, json, yaml or ini; empty means "detect".
pub fn parse_format(name: Option<&str>) -> Result<Option<Format>, FleetError> {
    match name.map(str::trim).filter(|n| !n.is_empty()) {
        None => Ok(None),
        Some(name) => Format::from_name(name).map(Some).ok_or_else(|| {
            FleetError::Invalid(vec![crate::import::RowError::new(
                1,
                Some("format"),
                format!("unknown format '{name}' (use csv, json, yaml or ini)"),
            )])
        }),
    }
}

/// Parses and dry-runs `text`: rows without passwords, every problem, and what would change.
pub async fn preview_import(
    db: &DatabaseConnection,
    secrets: &SecretBox,
    text: &str,
    format: Option<Format>,
) -> Result<ImportPreview, FleetError> {
    let (format, plan) = parse_file(None, text, format);
    let mut preview = ImportPreview {
        format: format.as_str().to_owned(),
        rows: plan.previews(),
        errors: plan.errors.clone(),
        warnings: plan.warnings.clone(),
        outcome: None,
    };
    if plan.is_ok() {
        match apply(db, secrets, &plan, ApplyMode::DryRun).await {
            Ok(outcome) => preview.outcome = Some(summary(&outcome)),
            Err(ApplyError::Rows(errors)) => preview.errors = errors,
            Err(ApplyError::Database(err)) => return Err(err.into()),
        }
    }
    Ok(preview)
}

/// Imports `text` all or nothing, and audits it.
pub async fn run_import(
    db: &DatabaseConnection,
    secrets: &SecretBox,
    by: &Requester,
    text: &str,
    format: Option<Format>,
) -> Result<ImportSummary, FleetError> {
    let (_, plan): (Format, ImportPlan) = parse_file(None, text, format);
    if !plan.is_ok() {
        return Err(FleetError::Invalid(plan.errors));
    }
    let outcome = match apply(db, secrets, &plan, ApplyMode::Write).await {
        Ok(outcome) => outcome,
        Err(ApplyError::Rows(errors)) => return Err(FleetError::Invalid(errors)),
        Err(ApplyError::Database(err)) => return Err(err.into()),
    };
    let summary = summary(&outcome);
    by.audit(
        db,
        "server.import",
        &format!("{} row(s)", plan.rows.len()),
        format!(
            "{} added, {} updated, {} unchanged, {} login(s) set",
            summary.created, summary.updated, summary.unchanged, summary.credentials_set
        ),
    )
    .await;
    Ok(summary)
}

fn summary(outcome: &ImportOutcome) -> ImportSummary {
    ImportSummary {
        created: outcome.created,
        updated: outcome.updated,
        unchanged: outcome.unchanged,
        credentials_set: outcome.credentials_set,
    }
}
