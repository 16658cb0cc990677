//! `audit_log`: who did what, when, to what, and how it ended. Rows are only ever added.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_log")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub at: DateTimeUtc,
    /// "user:alice", "token:ci" or "proxy:bob"; "anonymous" for failed logins.
    pub actor: String,
    /// Dotted verb such as `auth.login` or `user.create`.
    pub action: String,
    pub target: Option<String>,
    /// "ok", "denied" or "failed".
    pub outcome: String,
    #[sea_orm(column_type = "Text", nullable)]
    pub detail: Option<String>,
    /// The client's address.
    pub client: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
