//! Adding, editing, deprecating, restoring and deleting single servers.
//!
//! A form's values go through the import rules ([`parse_fields`]), so a server added by hand
//! is checked exactly like one in a file. Every change is audited here, whoever asks.

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set,
    TransactionTrait,
};

use super::FleetError;
use crate::entities::{bmc_credential, server};
use crate::import::apply::{insert_server, write_credentials};
use crate::import::{ImportRow, Privilege, Protocol, RowError, parse_fields};
use crate::ssr::auth::Requester;
use crate::ssr::auth::audit::{self, AuditRecord, Outcome};
use crate::ssr::secrets::SecretBox;
use crate::types::{ManagedServer, ServerId};

/// Fleet changes are audited with who asked.
impl Requester {
    pub(super) async fn audit(
        &self,
        db: &DatabaseConnection,
        action: &str,
        target: &str,
        detail: String,
    ) {
        self.record(db, action, format!("server:{target}"), detail)
            .await;
    }

    /// Credential changes share one audit verb, so "every credential change" is one filter.
    pub(super) async fn audit_credential(
        &self,
        db: &DatabaseConnection,
        target: &str,
        detail: String,
    ) {
        self.record(db, "credential.set", target.to_owned(), detail)
            .await;
    }

    async fn record(&self, db: &DatabaseConnection, action: &str, target: String, detail: String) {
        audit::record(
            db,
            AuditRecord {
                actor: self.actor.clone(),
                action,
                target: Some(target),
                outcome: Outcome::Ok,
                detail: Some(detail),
                client: self.client,
            },
        )
        .await;
    }
}

/// Every server, active first, then by name; with whether each has its own login.
pub async fn managed_servers(db: &DatabaseConnection) -> Result<Vec<ManagedServer>, FleetError> {
    let rows = server::Entity::find()
        .find_also_related(bmc_credential::Entity)
        .order_by_asc(server::Column::Lifecycle)
        .order_by_asc(server::Column::Name)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(row, login)| managed(row, login))
        .collect())
}

fn managed(row: server::Model, login: Option<bmc_credential::Model>) -> ManagedServer {
    ManagedServer {
        id: ServerId(row.id),
        tags: crate::api::servers::queries::split_tags(&row.tags),
        name: row.name,
        bmc_address: row.bmc_address,
        bmc_port: row.bmc_port,
        os_address: row.os_address,
        protocol: row.protocol,
        cipher_suite: row.cipher_suite,
        privilege: row.privilege,
        notes: row.notes,
        enabled: row.enabled,
        lifecycle: row.lifecycle,
        deprecated_reason: row.deprecated_reason,
        login_override: login.map(|l| l.username),
    }
}

/// The one valid row the fields describe, or every problem with them.
fn checked_row<'a>(
    fields: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Result<ImportRow, FleetError> {
    let mut plan = parse_fields(fields);
    if !plan.errors.is_empty() {
        return Err(FleetError::Invalid(plan.errors));
    }
    plan.rows
        .pop()
        .ok_or_else(|| FleetError::Invalid(vec![RowError::new(1, None, "no server given")]))
}

/// Refuses a name or BMC address another server (not `except`) already has.
async fn check_unique(
    db: &DatabaseConnection,
    row: &ImportRow,
    except: Option<i64>,
) -> Result<(), FleetError> {
    let others = server::Entity::find()
        .filter(
            sea_orm::Condition::any()
                .add(server::Column::Name.eq(row.name.as_str()))
                .add(
                    sea_orm::Condition::all()
                        .add(server::Column::BmcAddress.eq(row.bmc_address.as_str()))
                        .add(server::Column::BmcPort.eq(i32::from(row.effective_port()))),
                ),
        )
        .all(db)
        .await?;
    match others.iter().find(|o| Some(o.id) != except) {
        Some(other) if other.name == row.name => Err(FleetError::Conflict(format!(
            "a server named '{}' exists already",
            row.name
        ))),
        Some(other) => Err(FleetError::Conflict(format!(
            "BMC address {}:{} is already used by server '{}'",
            row.bmc_address,
            row.effective_port(),
            other.name
        ))),
        None => Ok(()),
    }
}

/// A login needs both halves unless one is stored already.
fn check_login(row: &ImportRow, has_override: bool) -> Result<(), FleetError> {
    let missing = match (&row.username, &row.password) {
        (Some(_), None) if !has_override => Some(("password", "a user name needs a password")),
        (None, Some(_)) if !has_override => Some(("username", "a password needs a user name")),
        _ => None,
    };
    match missing {
        Some((field, message)) => Err(FleetError::Invalid(vec![RowError::new(
            1,
            Some(field),
            message,
        )])),
        None => Ok(()),
    }
}

/// Adds a server from form fields (`name`, `bmc_address`, `bmc_port`, `username`, …).
pub async fn create_server<'a>(
    db: &DatabaseConnection,
    secrets: &SecretBox,
    by: &Requester,
    fields: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Result<ServerId, FleetError> {
    let row = checked_row(fields)?;
    check_unique(db, &row, None).await?;
    check_login(&row, false)?;
    let txn = db.begin().await?;
    let id = insert_server(&txn, &row).await?;
    let login = write_credentials(&txn, secrets, &row, id, None).await?;
    txn.commit().await?;
    let detail = format!(
        "added, BMC {}:{}{}",
        row.bmc_address,
        row.effective_port(),
        if login { ", own login set" } else { "" }
    );
    by.audit(db, "server.create", &row.name, detail).await;
    Ok(ServerId(id))
}

/// Replaces a server's settings with the form's: a field left empty takes its default (no OS
/// address, no tags, port 623). The login changes only when a user name or password is given.
pub async fn update_server<'a>(
    db: &DatabaseConnection,
    secrets: &SecretBox,
    by: &Requester,
    id: ServerId,
    fields: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Result<(), FleetError> {
    let current = server::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(FleetError::NotFound)?;
    let row = checked_row(fields)?;
    check_unique(db, &row, Some(id.0)).await?;
    let login = bmc_credential::Entity::find()
        .filter(bmc_credential::Column::ServerId.eq(id.0))
        .one(db)
        .await?;
    check_login(&row, login.is_some())?;
    let txn = db.begin().await?;
    // Only values that differ are set, so saving an unchanged form writes and audits nothing.
    let mut model: server::ActiveModel = current.clone().into();
    model.name.set_if_not_equals(row.name.clone());
    model.bmc_address.set_if_not_equals(row.bmc_address.clone());
    model
        .bmc_port
        .set_if_not_equals(i32::from(row.effective_port()));
    model.os_address.set_if_not_equals(row.os_address.clone());
    model
        .protocol
        .set_if_not_equals(row.protocol.unwrap_or(Protocol::Auto).as_str().to_owned());
    model
        .cipher_suite
        .set_if_not_equals(row.cipher_suite.map(i32::from));
    model.privilege.set_if_not_equals(
        row.privilege
            .unwrap_or(Privilege::Administrator)
            .as_str()
            .to_owned(),
    );
    model
        .tags
        .set_if_not_equals(row.tags.as_deref().unwrap_or_default().join(","));
    model
        .notes
        .set_if_not_equals(row.notes.clone().unwrap_or_default());
    model.enabled.set_if_not_equals(row.enabled.unwrap_or(true));
    let changed = model.is_changed();
    if changed {
        model.updated_at = Set(Utc::now());
        model.update(&txn).await?;
    }
    let login_changed = write_credentials(&txn, secrets, &row, id.0, login.as_ref()).await?;
    txn.commit().await?;
    let mut detail = Vec::new();
    if current.name != row.name {
        detail.push(format!("renamed from '{}'", current.name));
    }
    if changed {
        detail.push("settings saved".to_owned());
    }
    if login_changed {
        detail.push("own login changed".to_owned());
    }
    if !detail.is_empty() {
        by.audit(db, "server.update", &row.name, detail.join(", "))
            .await;
    }
    Ok(())
}

/// Stops polling a server and hides it from the dashboard, keeping its history.
pub async fn deprecate_server(
    db: &DatabaseConnection,
    by: &Requester,
    id: ServerId,
    reason: &str,
) -> Result<(), FleetError> {
    let current = find(db, id).await?;
    if current.lifecycle == "deprecated" {
        return Err(FleetError::Conflict(format!(
            "server '{}' is deprecated already",
            current.name
        )));
    }
    let reason = reason.trim();
    let name = current.name.clone();
    let mut model: server::ActiveModel = current.into();
    model.lifecycle = Set("deprecated".to_owned());
    model.deprecated_reason = Set((!reason.is_empty()).then(|| reason.to_owned()));
    model.deprecated_at = Set(Some(Utc::now()));
    model.updated_at = Set(Utc::now());
    model.update(db).await?;
    let detail = match reason {
        "" => "deprecated".to_owned(),
        reason => format!("deprecated: {reason}"),
    };
    by.audit(db, "server.deprecate", &name, detail).await;
    Ok(())
}

/// Brings a deprecated server back: polled again, on the dashboard again.
pub async fn restore_server(
    db: &DatabaseConnection,
    by: &Requester,
    id: ServerId,
) -> Result<(), FleetError> {
    let current = find(db, id).await?;
    if current.lifecycle != "deprecated" {
        return Err(FleetError::Conflict(format!(
            "server '{}' is not deprecated",
            current.name
        )));
    }
    let name = current.name.clone();
    let mut model: server::ActiveModel = current.into();
    model.lifecycle = Set("active".to_owned());
    model.deprecated_reason = Set(None);
    model.deprecated_at = Set(None);
    model.updated_at = Set(Utc::now());
    model.update(db).await?;
    by.audit(db, "server.restore", &name, "restored".to_owned())
        .await;
    Ok(())
}

/// Deletes a server with its login, status, sensors, history and events (the foreign keys
/// cascade). Returns its name.
pub async fn delete_server(
    db: &DatabaseConnection,
    by: &Requester,
    id: ServerId,
) -> Result<String, FleetError> {
    let current = find(db, id).await?;
    server::Entity::delete_by_id(id.0).exec(db).await?;
    by.audit(
        db,
        "server.delete",
        &current.name,
        "deleted with its history".to_owned(),
    )
    .await;
    Ok(current.name)
}

/// Deletes every deprecated server with its history. Returns their names.
pub async fn purge_deprecated(
    db: &DatabaseConnection,
    by: &Requester,
) -> Result<Vec<String>, FleetError> {
    let gone = server::Entity::find()
        .filter(server::Column::Lifecycle.eq("deprecated"))
        .all(db)
        .await?;
    let ids: Vec<i64> = gone.iter().map(|s| s.id).collect();
    if !ids.is_empty() {
        server::Entity::delete_many()
            .filter(server::Column::Id.is_in(ids))
            .exec(db)
            .await?;
    }
    let names: Vec<String> = gone.into_iter().map(|s| s.name).collect();
    for name in &names {
        by.audit(
            db,
            "server.purge",
            name,
            "deprecated server purged".to_owned(),
        )
        .await;
    }
    Ok(names)
}

async fn find(db: &DatabaseConnection, id: ServerId) -> Result<server::Model, FleetError> {
    server::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(FleetError::NotFound)
}
