//! Which login to use for a server: its own override, else the default. Decrypted only here,
//! right before use, into the engine's `Credentials` (whose Debug hides the password).

use app::entities::bmc_credential;
use app::ssr::secrets::SecretBox;
use engine::client::Credentials;
use sea_orm::{ColumnTrait, Condition, DatabaseConnection, EntityTrait, QueryFilter};

/// Why no usable credentials exist for a server.
#[derive(Debug, thiserror::Error)]
pub enum CredentialError {
    #[error("no BMC credentials: set default credentials or a per-server override")]
    Missing,
    #[error("stored BMC password cannot be decrypted: {0}")]
    Undecryptable(app::ssr::secrets::SecretError),
    #[error("database: {0}")]
    Database(#[from] sea_orm::DbErr),
}

pub async fn credentials_for(
    db: &DatabaseConnection,
    secrets: &SecretBox,
    server_id: i64,
) -> Result<Credentials, CredentialError> {
    let rows = bmc_credential::Entity::find()
        .filter(
            Condition::any()
                .add(bmc_credential::Column::ServerId.eq(server_id))
                .add(bmc_credential::Column::ServerId.is_null()),
        )
        .all(db)
        .await?;
    // The server's own override wins over the default.
    let row = rows
        .iter()
        .find(|r| r.server_id == Some(server_id))
        .or_else(|| rows.first())
        .cloned()
        .ok_or(CredentialError::Missing)?;
    let password = secrets
        .decrypt(&row.password_enc)
        .map_err(CredentialError::Undecryptable)?;
    let mut credentials = Credentials::new(row.username, password.expose());
    if let Some(kg) = row.kg_enc {
        let kg = secrets
            .decrypt(&kg)
            .map_err(CredentialError::Undecryptable)?;
        credentials = credentials.with_kg(kg.expose());
    }
    Ok(credentials)
}
