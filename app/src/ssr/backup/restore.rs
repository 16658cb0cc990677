//! Restoring a backup: checked, then applied in one transaction. A preview runs the very same
//! code and rolls the transaction back, so what it reports is exactly what applying does.

use std::collections::{HashMap, HashSet};

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DatabaseTransaction, DbErr, EntityTrait,
    QueryFilter, Set, TransactionTrait,
};

use super::{BACKUP_FORMAT, BACKUP_VERSION, Backup, BackupCredential, BackupServer};
use crate::entities::{api_token, bmc_credential, server, user};
use crate::ssr::auth::users::validate_username;
use crate::ssr::secrets::SecretBox;
use crate::types::Role;

#[derive(Debug, thiserror::Error)]
pub enum RestoreError {
    #[error("not an IPMI Monitor backup: {0}")]
    NotABackup(String),
    #[error("backup version {0} is newer than this app understands ({BACKUP_VERSION})")]
    TooNew(u32),
    #[error("the backup is invalid: {0}")]
    Invalid(String),
    #[error("after this restore no admin would exist; nothing was changed")]
    NoAdmin,
    #[error("database: {0}")]
    Database(#[from] DbErr),
}

pub use crate::types::RestoreMode;

pub use crate::types::RestorePlan;

/// Parses and checks a backup file.
pub fn parse_backup(text: &str) -> Result<Backup, RestoreError> {
    let backup: Backup =
        serde_json::from_str(text).map_err(|e| RestoreError::NotABackup(e.to_string()))?;
    if backup.format != BACKUP_FORMAT {
        return Err(RestoreError::NotABackup(format!(
            "format is '{}'",
            backup.format
        )));
    }
    if backup.version > BACKUP_VERSION {
        return Err(RestoreError::TooNew(backup.version));
    }
    let mut names = HashSet::new();
    for s in &backup.servers {
        if s.name.trim().is_empty() || s.bmc_address.trim().is_empty() {
            return Err(RestoreError::Invalid(
                "a server without a name or BMC address".to_owned(),
            ));
        }
        if !names.insert(s.name.as_str()) {
            return Err(RestoreError::Invalid(format!(
                "server {} appears twice",
                s.name
            )));
        }
    }
    let mut users = HashSet::new();
    for u in &backup.users {
        validate_username(&u.username)
            .map_err(|m| RestoreError::Invalid(format!("user {}: {m}", u.username)))?;
        if Role::parse(&u.role).is_none() || !u.password_hash.starts_with("$argon2") {
            return Err(RestoreError::Invalid(format!(
                "user {}: bad role or hash",
                u.username
            )));
        }
        if !users.insert(u.username.as_str()) {
            return Err(RestoreError::Invalid(format!(
                "user {} appears twice",
                u.username
            )));
        }
    }
    if backup
        .api_tokens
        .iter()
        .any(|t| Role::parse(&t.role).is_none())
    {
        return Err(RestoreError::Invalid(
            "an API token with an unknown role".to_owned(),
        ));
    }
    Ok(backup)
}

/// What [`apply_restore`] would do, without changing anything.
pub async fn plan_restore(
    db: &DatabaseConnection,
    secrets: &SecretBox,
    backup: &Backup,
    credentials: Option<&[BackupCredential]>,
    mode: RestoreMode,
) -> Result<RestorePlan, RestoreError> {
    let txn = db.begin().await?;
    let plan = restore_in(&txn, secrets, backup, credentials, mode).await?;
    txn.rollback().await?;
    Ok(plan)
}

/// Restores in one transaction; on any error nothing is changed.
pub async fn apply_restore(
    db: &DatabaseConnection,
    secrets: &SecretBox,
    backup: &Backup,
    credentials: Option<&[BackupCredential]>,
    mode: RestoreMode,
) -> Result<RestorePlan, RestoreError> {
    let txn = db.begin().await?;
    let plan = restore_in(&txn, secrets, backup, credentials, mode).await?;
    txn.commit().await?;
    Ok(plan)
}

async fn restore_in(
    txn: &DatabaseTransaction,
    secrets: &SecretBox,
    backup: &Backup,
    credentials: Option<&[BackupCredential]>,
    mode: RestoreMode,
) -> Result<RestorePlan, RestoreError> {
    let mut plan = RestorePlan::default();
    let server_ids = restore_servers(txn, &backup.servers, mode, &mut plan).await?;
    restore_users(txn, backup, mode, &mut plan).await?;
    restore_tokens(txn, backup, mode, &mut plan).await?;
    match credentials {
        Some(credentials) => {
            if mode == RestoreMode::Replace {
                bmc_credential::Entity::delete_many().exec(txn).await?;
            }
            for credential in credentials {
                let server_id = match &credential.server {
                    None => None,
                    Some(name) => match server_ids.get(name) {
                        Some(id) => Some(*id),
                        None => {
                            plan.warnings
                                .push(format!("credential for unknown server {name} skipped"));
                            continue;
                        }
                    },
                };
                upsert_credential(txn, secrets, server_id, credential).await?;
                plan.credentials_set += 1;
            }
        }
        None if backup.sealed_credentials.is_some() => plan.warnings.push(
            "the backup's credentials were not opened (no passphrase); existing ones are kept"
                .to_owned(),
        ),
        None => plan
            .warnings
            .push("the backup holds no credentials; existing ones are kept".to_owned()),
    }
    let admins = user::Entity::find()
        .filter(user::Column::Role.eq(Role::Admin.as_str()))
        .all(txn)
        .await?;
    if admins.is_empty() {
        return Err(RestoreError::NoAdmin);
    }
    Ok(plan)
}

/// Returns every server's id by name after the restore.
async fn restore_servers(
    txn: &DatabaseTransaction,
    servers: &[BackupServer],
    mode: RestoreMode,
    plan: &mut RestorePlan,
) -> Result<HashMap<String, i64>, DbErr> {
    let existing: HashMap<String, server::Model> = server::Entity::find()
        .all(txn)
        .await?
        .into_iter()
        .map(|s| (s.name.clone(), s))
        .collect();
    let now = Utc::now();
    let mut ids = HashMap::new();
    for s in servers {
        let mut row = server::ActiveModel {
            name: Set(s.name.clone()),
            bmc_address: Set(s.bmc_address.clone()),
            bmc_port: Set(s.bmc_port),
            os_address: Set(s.os_address.clone()),
            protocol: Set(s.protocol.clone()),
            cipher_suite: Set(s.cipher_suite),
            privilege: Set(s.privilege.clone()),
            tags: Set(s.tags.clone()),
            notes: Set(s.notes.clone()),
            enabled: Set(s.enabled),
            lifecycle: Set(s.lifecycle.clone()),
            deprecated_reason: Set(s.deprecated_reason.clone()),
            deprecated_at: Set(s.deprecated_at),
            updated_at: Set(now),
            ..Default::default()
        };
        match existing.get(&s.name) {
            Some(current) if same_server(current, s) => {
                plan.servers_unchanged += 1;
                ids.insert(s.name.clone(), current.id);
            }
            Some(current) => {
                row.id = Set(current.id);
                row.update(txn).await?;
                plan.servers_updated += 1;
                ids.insert(s.name.clone(), current.id);
            }
            None => {
                row.created_at = Set(now);
                let id = row.insert(txn).await?.id;
                plan.servers_added += 1;
                ids.insert(s.name.clone(), id);
            }
        }
    }
    if mode == RestoreMode::Replace {
        for (name, current) in &existing {
            if !ids.contains_key(name) {
                server::Entity::delete_by_id(current.id).exec(txn).await?;
                plan.servers_removed += 1;
            }
        }
        if plan.servers_removed > 0 {
            plan.warnings.push(format!(
                "{} server(s) not in the backup are removed with their history",
                plan.servers_removed
            ));
        }
    } else {
        ids.extend(existing.into_iter().map(|(name, s)| (name, s.id)));
    }
    Ok(ids)
}

fn same_server(current: &server::Model, s: &BackupServer) -> bool {
    current.bmc_address == s.bmc_address
        && current.bmc_port == s.bmc_port
        && current.os_address == s.os_address
        && current.protocol == s.protocol
        && current.cipher_suite == s.cipher_suite
        && current.privilege == s.privilege
        && current.tags == s.tags
        && current.notes == s.notes
        && current.enabled == s.enabled
        && current.lifecycle == s.lifecycle
        && current.deprecated_reason == s.deprecated_reason
}

async fn restore_users(
    txn: &DatabaseTransaction,
    backup: &Backup,
    mode: RestoreMode,
    plan: &mut RestorePlan,
) -> Result<(), DbErr> {
    let existing: HashMap<String, user::Model> = user::Entity::find()
        .all(txn)
        .await?
        .into_iter()
        .map(|u| (u.username.clone(), u))
        .collect();
    let now = Utc::now();
    for u in &backup.users {
        match existing.get(&u.username) {
            Some(current) if current.password_hash == u.password_hash && current.role == u.role => {
            }
            Some(current) => {
                user::ActiveModel {
                    id: Set(current.id),
                    password_hash: Set(u.password_hash.clone()),
                    role: Set(u.role.clone()),
                    updated_at: Set(now),
                    ..Default::default()
                }
                .update(txn)
                .await?;
                plan.users_updated += 1;
            }
            None => {
                user::ActiveModel {
                    username: Set(u.username.clone()),
                    password_hash: Set(u.password_hash.clone()),
                    role: Set(u.role.clone()),
                    created_at: Set(u.created_at),
                    updated_at: Set(now),
                    last_login_at: Set(None),
                    ..Default::default()
                }
                .insert(txn)
                .await?;
                plan.users_added += 1;
            }
        }
    }
    if mode == RestoreMode::Replace {
        let keep: HashSet<&str> = backup.users.iter().map(|u| u.username.as_str()).collect();
        for (name, current) in &existing {
            if !keep.contains(name.as_str()) {
                user::Entity::delete_by_id(current.id).exec(txn).await?;
                plan.users_removed += 1;
            }
        }
    }
    Ok(())
}

async fn restore_tokens(
    txn: &DatabaseTransaction,
    backup: &Backup,
    mode: RestoreMode,
    plan: &mut RestorePlan,
) -> Result<(), DbErr> {
    let existing: HashMap<String, api_token::Model> = api_token::Entity::find()
        .all(txn)
        .await?
        .into_iter()
        .map(|t| (t.token_hash.clone(), t))
        .collect();
    for t in &backup.api_tokens {
        match existing.get(&t.token_hash) {
            Some(current) => {
                // A token revoked here stays revoked, whatever the backup says.
                if current.revoked_at.is_none() && t.revoked_at.is_some() {
                    api_token::ActiveModel {
                        id: Set(current.id),
                        revoked_at: Set(t.revoked_at),
                        ..Default::default()
                    }
                    .update(txn)
                    .await?;
                }
            }
            None => {
                api_token::ActiveModel {
                    name: Set(t.name.clone()),
                    token_hash: Set(t.token_hash.clone()),
                    role: Set(t.role.clone()),
                    created_by: Set(t.created_by.clone()),
                    created_at: Set(t.created_at),
                    expires_at: Set(t.expires_at),
                    revoked_at: Set(t.revoked_at),
                    last_used_at: Set(None),
                    ..Default::default()
                }
                .insert(txn)
                .await?;
                plan.tokens_added += 1;
            }
        }
    }
    if mode == RestoreMode::Replace {
        let keep: HashSet<&str> = backup
            .api_tokens
            .iter()
            .map(|t| t.token_hash.as_str())
            .collect();
        for (hash, current) in &existing {
            if !keep.contains(hash.as_str()) {
                api_token::Entity::delete_by_id(current.id)
                    .exec(txn)
                    .await?;
                plan.tokens_removed += 1;
            }
        }
    }
    Ok(())
}

async fn upsert_credential(
    txn: &DatabaseTransaction,
    secrets: &SecretBox,
    server_id: Option<i64>,
    credential: &BackupCredential,
) -> Result<(), DbErr> {
    let existing = bmc_credential::Entity::find()
        .filter(match server_id {
            Some(id) => bmc_credential::Column::ServerId.eq(id),
            None => bmc_credential::Column::ServerId.is_null(),
        })
        .one(txn)
        .await?;
    let mut row = bmc_credential::ActiveModel {
        server_id: Set(server_id),
        username: Set(credential.username.clone()),
        password_enc: Set(secrets.encrypt(&credential.password)),
        kg_enc: Set(credential.kg.as_deref().map(|kg| secrets.encrypt(kg))),
        updated_at: Set(Utc::now()),
        ..Default::default()
    };
    match existing {
        Some(current) => {
            row.id = Set(current.id);
            row.update(txn).await?;
        }
        None => {
            row.insert(txn).await?;
        }
    }
    Ok(())
}
