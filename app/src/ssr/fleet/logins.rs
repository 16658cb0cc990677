//! BMC logins: the default one, and servers' own logins set or cleared in bulk. Passwords are
//! encrypted on the way in and never read back out here; every change is audited.

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set,
    TransactionTrait,
};

use super::FleetError;
use crate::entities::{bmc_credential, server};
use crate::import::{MAX_BMC_PASSWORD_BYTES, MAX_BMC_USERNAME_BYTES, RowError};
use crate::ssr::auth::Requester;
use crate::ssr::secrets::SecretBox;
use crate::types::{DefaultLogin, LoginChange, ServerId};

fn invalid(field: &str, message: &str) -> FleetError {
    FleetError::Invalid(vec![RowError::new(1, Some(field), message)])
}

/// Refuses what no BMC could accept, before anything is stored.
fn check(username: &str, password: &str) -> Result<(), FleetError> {
    if username.trim().is_empty() {
        return Err(invalid("username", "is empty"));
    }
    if username.len() > MAX_BMC_USERNAME_BYTES {
        return Err(invalid(
            "username",
            &format!("longer than the {MAX_BMC_USERNAME_BYTES} bytes IPMI allows"),
        ));
    }
    if password.is_empty() {
        return Err(invalid("password", "is empty"));
    }
    if password.len() > MAX_BMC_PASSWORD_BYTES {
        return Err(invalid(
            "password",
            &format!("longer than the {MAX_BMC_PASSWORD_BYTES} bytes IPMI 2.0 allows"),
        ));
    }
    Ok(())
}

pub async fn default_login(db: &DatabaseConnection) -> Result<DefaultLogin, FleetError> {
    let row = bmc_credential::Entity::find()
        .filter(bmc_credential::Column::ServerId.is_null())
        .one(db)
        .await?;
    Ok(DefaultLogin {
        username: row.as_ref().map(|r| r.username.clone()),
        password_set: row.is_some(),
    })
}

/// Sets the login every server without its own uses.
pub async fn set_default_login(
    db: &DatabaseConnection,
    secrets: &SecretBox,
    by: &Requester,
    username: &str,
    password: &str,
) -> Result<(), FleetError> {
    check(username, password)?;
    let current = bmc_credential::Entity::find()
        .filter(bmc_credential::Column::ServerId.is_null())
        .one(db)
        .await?;
    store(db, secrets, None, current, username, password).await?;
    by.audit_credential(
        db,
        "default",
        format!("default login set for {}", username.trim()),
    )
    .await;
    Ok(())
}

/// Gives each server in `ids` its own login; one that has one keeps it unless `overwrite`.
/// All or nothing.
pub async fn apply_login(
    db: &DatabaseConnection,
    secrets: &SecretBox,
    by: &Requester,
    ids: &[ServerId],
    username: &str,
    password: &str,
    overwrite: bool,
) -> Result<Vec<LoginChange>, FleetError> {
    check(username, password)?;
    // A server named twice is one server (a second insert would hit the unique index).
    let mut seen = std::collections::HashSet::new();
    let ids: Vec<ServerId> = ids.iter().copied().filter(|id| seen.insert(*id)).collect();
    let ids = ids.as_slice();
    if ids.is_empty() {
        return Err(invalid("servers", "select at least one server"));
    }
    let raw: Vec<i64> = ids.iter().map(|i| i.0).collect();
    let servers = server::Entity::find()
        .filter(server::Column::Id.is_in(raw.clone()))
        .all(db)
        .await?;
    let own = bmc_credential::Entity::find()
        .filter(bmc_credential::Column::ServerId.is_in(raw))
        .all(db)
        .await?;
    let txn = db.begin().await?;
    let mut changes = Vec::with_capacity(ids.len());
    for id in ids {
        let Some(row) = servers.iter().find(|s| s.id == id.0) else {
            changes.push(LoginChange {
                server_id: *id,
                server_name: String::new(),
                outcome: "not found".to_owned(),
            });
            continue;
        };
        let current = own.iter().find(|c| c.server_id == Some(id.0)).cloned();
        let outcome = match (&current, overwrite) {
            (Some(_), false) => "kept",
            (Some(_), true) => "replaced",
            (None, _) => "set",
        };
        if outcome != "kept" {
            store(&txn, secrets, Some(id.0), current, username, password).await?;
        }
        changes.push(LoginChange {
            server_id: *id,
            server_name: row.name.clone(),
            outcome: outcome.to_owned(),
        });
    }
    txn.commit().await?;
    let count = |what: &str| changes.iter().filter(|c| c.outcome == what).count();
    by.audit_credential(
        db,
        &format!("{} server(s)", ids.len()),
        format!(
            "own login {}: {} set, {} replaced, {} kept",
            username.trim(),
            count("set"),
            count("replaced"),
            count("kept")
        ),
    )
    .await;
    Ok(changes)
}

/// Removes a server's own login: it uses the default again.
pub async fn clear_login(
    db: &DatabaseConnection,
    by: &Requester,
    id: ServerId,
) -> Result<(), FleetError> {
    let row = server::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(FleetError::NotFound)?;
    let deleted = bmc_credential::Entity::delete_many()
        .filter(bmc_credential::Column::ServerId.eq(id.0))
        .exec(db)
        .await?;
    if deleted.rows_affected == 0 {
        return Err(FleetError::Conflict(format!(
            "server '{}' has no login of its own",
            row.name
        )));
    }
    by.audit_credential(
        db,
        &format!("server:{}", row.name),
        "own login removed".to_owned(),
    )
    .await;
    Ok(())
}

async fn store<C: sea_orm::ConnectionTrait>(
    db: &C,
    secrets: &SecretBox,
    server_id: Option<i64>,
    current: Option<bmc_credential::Model>,
    username: &str,
    password: &str,
) -> Result<(), sea_orm::DbErr> {
    let now = Utc::now();
    match current {
        Some(current) => {
            let mut model: bmc_credential::ActiveModel = current.into();
            model.username = Set(username.trim().to_owned());
            model.password_enc = Set(secrets.encrypt(password));
            model.updated_at = Set(now);
            model.update(db).await?;
        }
        None => {
            bmc_credential::ActiveModel {
                server_id: Set(server_id),
                username: Set(username.trim().to_owned()),
                password_enc: Set(secrets.encrypt(password)),
                kg_enc: Set(None),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(db)
            .await?;
        }
    }
    Ok(())
}
