//! Writing a backup.

use chrono::Utc;
use sea_orm::{ConnectionTrait, DbErr, EntityTrait, QueryOrder};

use super::{
    BACKUP_FORMAT, BACKUP_VERSION, Backup, BackupCredential, BackupServer, BackupToken, BackupUser,
    PassphraseError, seal_secrets,
};
use crate::entities::{api_token, bmc_credential, server, user};
use crate::ssr::secrets::{SecretBox, SecretError};

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error(transparent)]
    Passphrase(#[from] PassphraseError),
    #[error("a stored credential cannot be decrypted with this installation's key: {0}")]
    Secret(SecretError),
    #[error("database: {0}")]
    Database(#[from] DbErr),
}

/// Everything restorable; the credentials only when `passphrase` is given, sealed with it.
pub async fn create_backup(
    db: &impl ConnectionTrait,
    secrets: &SecretBox,
    app_version: &str,
    passphrase: Option<&str>,
) -> Result<Backup, BackupError> {
    let servers = server::Entity::find()
        .order_by_asc(server::Column::Name)
        .all(db)
        .await?;
    let names: std::collections::HashMap<i64, String> =
        servers.iter().map(|s| (s.id, s.name.clone())).collect();
    let sealed_credentials = match passphrase {
        Some(passphrase) => {
            let mut credentials = Vec::new();
            for row in bmc_credential::Entity::find().all(db).await? {
                let password = secrets
                    .decrypt(&row.password_enc)
                    .map_err(BackupError::Secret)?;
                let kg = row
                    .kg_enc
                    .as_deref()
                    .map(|kg| secrets.decrypt(kg).map_err(BackupError::Secret))
                    .transpose()?;
                credentials.push(BackupCredential {
                    server: row.server_id.and_then(|id| names.get(&id).cloned()),
                    username: row.username,
                    password: password.expose().to_owned(),
                    kg: kg.map(|k| k.expose().to_owned()),
                });
            }
            Some(seal_secrets(&credentials, passphrase)?)
        }
        None => None,
    };
    let users = user::Entity::find()
        .order_by_asc(user::Column::Username)
        .all(db)
        .await?;
    let tokens = api_token::Entity::find()
        .order_by_asc(api_token::Column::Id)
        .all(db)
        .await?;
    Ok(Backup {
        format: BACKUP_FORMAT.to_owned(),
        version: BACKUP_VERSION,
        created_at: Utc::now(),
        app_version: app_version.to_owned(),
        servers: servers
            .into_iter()
            .map(|s| BackupServer {
                name: s.name,
                bmc_address: s.bmc_address,
                bmc_port: s.bmc_port,
                os_address: s.os_address,
                protocol: s.protocol,
                cipher_suite: s.cipher_suite,
                privilege: s.privilege,
                tags: s.tags,
                notes: s.notes,
                enabled: s.enabled,
                lifecycle: s.lifecycle,
                deprecated_reason: s.deprecated_reason,
                deprecated_at: s.deprecated_at,
            })
            .collect(),
        users: users
            .into_iter()
            .map(|u| BackupUser {
                username: u.username,
                password_hash: u.password_hash,
                role: u.role,
                created_at: u.created_at,
            })
            .collect(),
        api_tokens: tokens
            .into_iter()
            .map(|t| BackupToken {
                name: t.name,
                token_hash: t.token_hash,
                role: t.role,
                created_by: t.created_by,
                created_at: t.created_at,
                expires_at: t.expires_at,
                revoked_at: t.revoked_at,
            })
            .collect(),
        sealed_credentials,
    })
}
