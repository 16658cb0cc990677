//! `ipmi-monitor rotate-key`: re-encrypts every secret at rest under a new key in one
//! transaction, then puts the new key where the old one was. Run it with the server stopped
//! (a running server keeps the old key in memory).
//!
//! With the key file (the default) a new key is generated and written to `secret.key.new`
//! first; only after the database commit is it renamed over `secret.key`, so a crash leaves
//! either the old key with old ciphertexts or the new file beside the new ciphertexts, never
//! ciphertexts without their key. With `IPMI_MONITOR_SECRET_KEY` the new key must come from
//! another variable (`--new-key-env`), since we cannot change the operator's environment.

use std::path::Path;

use app::entities::bmc_credential;
use app::ssr::secrets::{SecretBox, SecretError};
use sea_orm::{ActiveModelTrait, EntityTrait, Set, TransactionTrait};

use crate::config::Config;
use crate::private_file::{Existing, key_file_text, write_private};
use crate::secret_key::KEY_FILE;

#[derive(Debug, thiserror::Error)]
pub enum RotateKeyError {
    #[error(
        "IPMI_MONITOR_SECRET_KEY is set: give the new key in another variable with --new-key-env VAR, then replace IPMI_MONITOR_SECRET_KEY with it"
    )]
    NeedNewKeyVariable,
    #[error("{0} is not set")]
    MissingVariable(String),
    #[error("new key: {0}")]
    BadNewKey(SecretError),
    #[error("credential {id}: {source} (nothing was changed)")]
    Undecryptable { id: i64, source: SecretError },
    #[error("key file {path}: {source}")]
    Io {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Server(#[from] crate::error::ServerError),
    #[error(transparent)]
    Key(#[from] crate::secret_key::SecretKeyError),
    #[error("database: {0}")]
    Database(#[from] sea_orm::DbErr),
}

/// What a rotation changed.
#[derive(Debug, PartialEq, Eq)]
pub struct RotationOutcome {
    pub secrets_reencrypted: usize,
}

pub async fn run(
    config: &Config,
    new_key_env: Option<&str>,
) -> Result<RotationOutcome, RotateKeyError> {
    let old = crate::secret_key::load_or_create(config)?;
    let from_env = config.secret_key.is_some();
    let new_key = match (from_env, new_key_env) {
        (true, None) => return Err(RotateKeyError::NeedNewKeyVariable),
        (_, Some(var)) => {
            let text =
                std::env::var(var).map_err(|_| RotateKeyError::MissingVariable(var.to_owned()))?;
            SecretBox::parse_key(&text).map_err(RotateKeyError::BadNewKey)?
        }
        (false, None) => SecretBox::generate_key(),
    };
    let new = SecretBox::new(&new_key);
    let key_path = config.data_dir.join(KEY_FILE);
    let staged = config.data_dir.join(format!("{KEY_FILE}.new"));
    if !from_env {
        write_key_file(&staged, &new_key)?;
    }

    let db = crate::db::open(config).await?;
    let count = reencrypt_all(&db, &old, &new).await?;
    db.close().await?;

    if !from_env {
        std::fs::rename(&staged, &key_path).map_err(|source| RotateKeyError::Io {
            path: key_path.clone(),
            source,
        })?;
    }
    app::ssr::auth::audit::record(
        &crate::db::open(config).await?,
        app::ssr::auth::audit::AuditRecord {
            actor: "cli".to_owned(),
            action: "secrets.rotate_key",
            target: None,
            outcome: app::ssr::auth::audit::Outcome::Ok,
            detail: Some(format!("{count} secret(s) re-encrypted")),
            client: None,
        },
    )
    .await;
    Ok(RotationOutcome {
        secrets_reencrypted: count,
    })
}

/// Decrypts every stored secret with `old` and stores it encrypted with `new`, all in one
/// transaction: one unreadable secret aborts the whole rotation.
pub async fn reencrypt_all(
    db: &sea_orm::DatabaseConnection,
    old: &SecretBox,
    new: &SecretBox,
) -> Result<usize, RotateKeyError> {
    let txn = db.begin().await?;
    let mut count = 0;
    for row in bmc_credential::Entity::find().all(&txn).await? {
        let id = row.id;
        let undecryptable = |source| RotateKeyError::Undecryptable { id, source };
        let password = old.decrypt(&row.password_enc).map_err(undecryptable)?;
        let kg = row
            .kg_enc
            .as_deref()
            .map(|kg| old.decrypt(kg).map_err(undecryptable))
            .transpose()?;
        count += 1 + usize::from(kg.is_some());
        bmc_credential::ActiveModel {
            id: Set(id),
            password_enc: Set(new.encrypt(password.expose())),
            kg_enc: Set(kg.map(|kg| new.encrypt(kg.expose()))),
            ..Default::default()
        }
        .update(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(count)
}

fn write_key_file(path: &Path, key: &[u8]) -> Result<(), RotateKeyError> {
    let io = |source| RotateKeyError::Io {
        path: path.to_owned(),
        source,
    };
    write_private(path, key_file_text(key).as_bytes(), Existing::Replace).map_err(io)
}
