//! The audit log: one row per write, whoever made it and however it ended.

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};

use super::ClientAddr;
use crate::entities::audit_log;
use crate::types::AuditEntry;

/// How an audited action ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Ok,
    /// Refused: wrong role, wrong password, locked out.
    Denied,
    /// Allowed but it did not work (a BMC error, say).
    Failed,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Ok => "ok",
            Self::Denied => "denied",
            Self::Failed => "failed",
        }
    }
}

/// One row to write.
#[derive(Clone, Debug)]
pub struct AuditRecord<'a> {
    pub actor: String,
    /// Dotted verb: `auth.login`, `user.create`, `token.revoke`, `server.power` …
    pub action: &'a str,
    pub target: Option<String>,
    pub outcome: Outcome,
    /// Extra facts; never a secret.
    pub detail: Option<String>,
    pub client: Option<ClientAddr>,
}

/// Appends a row. A failure to audit is logged loudly but does not undo the action it records.
pub async fn record(db: &impl ConnectionTrait, entry: AuditRecord<'_>) {
    let row = audit_log::ActiveModel {
        at: Set(Utc::now()),
        actor: Set(entry.actor),
        action: Set(entry.action.to_owned()),
        target: Set(entry.target),
        outcome: Set(entry.outcome.as_str().to_owned()),
        detail: Set(entry.detail),
        client: Set(entry.client.map(|c| c.addr.to_string())),
        ..Default::default()
    };
    if let Err(err) = row.insert(db).await {
        tracing::error!(error = %err, action = entry.action, "cannot write the audit log");
    }
}

/// What the audit page filters on; empty strings mean "any".
#[derive(Clone, Debug, Default)]
pub struct AuditQuery {
    pub actor: String,
    /// A prefix of the action: `user.` shows every user action.
    pub action: String,
    pub outcome: String,
    /// Rows older than this id (paging backwards).
    pub before_id: Option<i64>,
    pub limit: u64,
}

/// Newest first.
pub async fn list(db: &impl ConnectionTrait, query: &AuditQuery) -> Result<Vec<AuditEntry>, DbErr> {
    let mut select = audit_log::Entity::find().order_by_desc(audit_log::Column::Id);
    if !query.actor.is_empty() {
        select = select.filter(audit_log::Column::Actor.contains(query.actor.as_str()));
    }
    if !query.action.is_empty() {
        select = select.filter(audit_log::Column::Action.starts_with(query.action.as_str()));
    }
    if !query.outcome.is_empty() {
        select = select.filter(audit_log::Column::Outcome.eq(query.outcome.as_str()));
    }
    if let Some(before) = query.before_id {
        select = select.filter(audit_log::Column::Id.lt(before));
    }
    let rows = select.limit(query.limit.clamp(1, 1000)).all(db).await?;
    Ok(rows
        .into_iter()
        .map(|row| AuditEntry {
            id: row.id,
            at: row.at.to_rfc3339(),
            actor: row.actor,
            action: row.action,
            target: row.target,
            outcome: row.outcome,
            detail: row.detail,
            client: row.client,
        })
        .collect())
}
