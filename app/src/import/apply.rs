//! Applying an import plan to the database, all or nothing.
//!
//! A server is matched by name: a new name adds a server, a known one is updated with the
//! values the file gives (and keeps everything the file does not mention). Passwords are
//! encrypted here, on their way into `bmc_credentials`, and nowhere else.

use std::collections::HashMap;

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, Set,
    TransactionTrait,
};

use super::plan::{ImportPlan, ImportRow, RowError};
use crate::entities::{bmc_credential, server};
use crate::ssr::secrets::SecretBox;

/// What an import changed.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct ImportOutcome {
    pub created: usize,
    pub updated: usize,
    /// Servers in the file that already matched the database.
    pub unchanged: usize,
    /// Servers whose credential override was created or changed.
    pub credentials_set: usize,
}

/// Why nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum ApplyError {
    /// The file has errors (from parsing, or found against the database); fix and retry.
    #[error("{} error(s) in the file; nothing was imported", .0.len())]
    Rows(Vec<RowError>),
    #[error("database: {0}")]
    Database(#[from] DbErr),
}

/// Whether [`apply`] keeps what it wrote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ApplyMode {
    Write,
    /// Everything is checked and written inside the transaction, which is then rolled back:
    /// the outcome is exactly what a real import would do.
    DryRun,
}

/// Checks `plan` against what the database holds, then writes it in one transaction.
pub async fn apply(
    db: &DatabaseConnection,
    secrets: &SecretBox,
    plan: &ImportPlan,
    mode: ApplyMode,
) -> Result<ImportOutcome, ApplyError> {
    if !plan.is_ok() {
        return Err(ApplyError::Rows(plan.errors.clone()));
    }
    let existing = server::Entity::find().all(db).await?;
    let overrides: HashMap<i64, bmc_credential::Model> = bmc_credential::Entity::find()
        .filter(bmc_credential::Column::ServerId.is_not_null())
        .all(db)
        .await?
        .into_iter()
        .filter_map(|c| c.server_id.map(|id| (id, c)))
        .collect();
    let errors = conflicts(&plan.rows, &existing, &overrides);
    if !errors.is_empty() {
        return Err(ApplyError::Rows(errors));
    }

    let by_name: HashMap<&str, &server::Model> =
        existing.iter().map(|s| (s.name.as_str(), s)).collect();
    let txn = db.begin().await?;
    let mut outcome = ImportOutcome::default();
    for row in &plan.rows {
        let server_id = match by_name.get(row.name.as_str()) {
            Some(current) => {
                if update_server(&txn, current, row).await? {
                    outcome.updated += 1;
                } else {
                    outcome.unchanged += 1;
                }
                current.id
            }
            None => {
                outcome.created += 1;
                insert_server(&txn, row).await?
            }
        };
        if write_credentials(&txn, secrets, row, server_id, overrides.get(&server_id)).await? {
            outcome.credentials_set += 1;
        }
    }
    match mode {
        ApplyMode::Write => txn.commit().await?,
        ApplyMode::DryRun => txn.rollback().await?,
    }
    Ok(outcome)
}

/// Problems only the database can reveal: a BMC address already used by another server, and
/// a credential override that would lack a username or a password.
fn conflicts(
    rows: &[ImportRow],
    existing: &[server::Model],
    overrides: &HashMap<i64, bmc_credential::Model>,
) -> Vec<RowError> {
    let mut errors = Vec::new();
    for row in rows {
        let current = existing.iter().find(|s| s.name == row.name);
        let port = row
            .bmc_port
            .map(i32::from)
            .or(current.map(|s| s.bmc_port))
            .unwrap_or(i32::from(row.effective_port()));
        let taken = existing
            .iter()
            .find(|s| s.name != row.name && s.bmc_address == row.bmc_address && s.bmc_port == port);
        // A server renamed in the same file frees its address; only a server the file does
        // not mention keeps it.
        if let Some(other) = taken.filter(|o| !rows.iter().any(|r| r.name == o.name)) {
            errors.push(RowError::new(
                row.line,
                Some("bmc_address"),
                format!(
                    "BMC address {}:{port} is already used by server '{}'",
                    row.bmc_address, other.name
                ),
            ));
        }
        let has_override = current.is_some_and(|s| overrides.contains_key(&s.id));
        if !has_override {
            match (&row.username, &row.password) {
                (Some(_), None) => errors.push(RowError::new(
                    row.line,
                    Some("password"),
                    "a username needs a password (the server has no stored login yet)",
                )),
                (None, Some(_)) => errors.push(RowError::new(
                    row.line,
                    Some("username"),
                    "a password needs a username (the server has no stored login yet)",
                )),
                _ => {}
            }
        }
    }
    errors.sort_by_key(|e| e.line);
    errors
}

pub(crate) async fn insert_server<C: sea_orm::ConnectionTrait>(
    txn: &C,
    row: &ImportRow,
) -> Result<i64, DbErr> {
    let now = Utc::now();
    let model = server::ActiveModel {
        name: Set(row.name.clone()),
        bmc_address: Set(row.bmc_address.clone()),
        bmc_port: Set(i32::from(row.effective_port())),
        os_address: Set(row.os_address.clone()),
        protocol: Set(row
            .protocol
            .unwrap_or(super::Protocol::Auto)
            .as_str()
            .to_owned()),
        cipher_suite: Set(row.cipher_suite.map(i32::from)),
        privilege: Set(row
            .privilege
            .unwrap_or(super::Privilege::Administrator)
            .as_str()
            .to_owned()),
        tags: Set(row.tags.as_deref().unwrap_or_default().join(",")),
        notes: Set(row.notes.clone().unwrap_or_default()),
        enabled: Set(row.enabled.unwrap_or(true)),
        lifecycle: Set("active".to_owned()),
        deprecated_reason: Set(None),
        deprecated_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    Ok(model.insert(txn).await?.id)
}

async fn update_server<C: sea_orm::ConnectionTrait>(
    txn: &C,
    current: &server::Model,
    row: &ImportRow,
) -> Result<bool, DbErr> {
    let mut model: server::ActiveModel = current.clone().into();
    change(
        &mut model.bmc_address,
        &current.bmc_address,
        Some(row.bmc_address.clone()),
    );
    change(
        &mut model.bmc_port,
        &current.bmc_port,
        row.bmc_port.map(i32::from),
    );
    change(
        &mut model.os_address,
        &current.os_address,
        row.os_address.clone().map(Some),
    );
    change(
        &mut model.protocol,
        &current.protocol,
        row.protocol.map(|p| p.as_str().to_owned()),
    );
    change(
        &mut model.cipher_suite,
        &current.cipher_suite,
        row.cipher_suite.map(|c| Some(i32::from(c))),
    );
    change(
        &mut model.privilege,
        &current.privilege,
        row.privilege.map(|p| p.as_str().to_owned()),
    );
    change(
        &mut model.tags,
        &current.tags,
        row.tags.as_ref().map(|t| t.join(",")),
    );
    change(&mut model.notes, &current.notes, row.notes.clone());
    change(&mut model.enabled, &current.enabled, row.enabled);
    if !model.is_changed() {
        return Ok(false);
    }
    model.updated_at = Set(Utc::now());
    model.update(txn).await?;
    Ok(true)
}

/// Sets a column only when the file gives a value that differs from the stored one, so an
/// unchanged server is not rewritten (and its `updated_at` stays true).
fn change<T>(field: &mut sea_orm::ActiveValue<T>, current: &T, new: Option<T>)
where
    T: Into<sea_orm::Value> + PartialEq,
{
    if let Some(new) = new.filter(|n| n != current) {
        *field = Set(new);
    }
}

/// Creates or changes the server's credential override; `true` when something was written.
pub(crate) async fn write_credentials<C: sea_orm::ConnectionTrait>(
    txn: &C,
    secrets: &SecretBox,
    row: &ImportRow,
    server_id: i64,
    current: Option<&bmc_credential::Model>,
) -> Result<bool, DbErr> {
    if row.username.is_none() && row.password.is_none() {
        return Ok(false);
    }
    let now = Utc::now();
    match current {
        Some(current) => {
            let mut model: bmc_credential::ActiveModel = current.clone().into();
            if let Some(username) = row.username.as_ref().filter(|u| **u != current.username) {
                model.username = Set(username.clone());
            }
            // Re-encrypting the same password would still change the row (fresh nonce), so
            // compare plaintexts first and leave an unchanged password alone.
            if let Some(password) = &row.password {
                let same = secrets
                    .decrypt(&current.password_enc)
                    .is_ok_and(|p| p.expose() == password.expose());
                if !same {
                    model.password_enc = Set(secrets.encrypt(password.expose()));
                }
            }
            if !model.is_changed() {
                return Ok(false);
            }
            model.updated_at = Set(now);
            model.update(txn).await?;
        }
        None => {
            let (Some(username), Some(password)) = (&row.username, &row.password) else {
                return Ok(false);
            };
            bmc_credential::ActiveModel {
                server_id: Set(Some(server_id)),
                username: Set(username.clone()),
                password_enc: Set(secrets.encrypt(password.expose())),
                kg_enc: Set(None),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(txn)
            .await?;
        }
    }
    Ok(true)
}
