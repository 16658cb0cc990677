//! `servers`: the machines we monitor and how to reach their BMCs.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "servers")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(unique)]
    pub name: String,
    pub bmc_address: String,
    pub bmc_port: i32,
    pub os_address: Option<String>,
    /// "auto", "ipmi" or "redfish".
    pub protocol: String,
    pub cipher_suite: Option<i32>,
    pub privilege: String,
    /// Comma-separated.
    pub tags: String,
    pub notes: String,
    pub enabled: bool,
    /// "active" or "deprecated".
    pub lifecycle: String,
    pub deprecated_reason: Option<String>,
    pub deprecated_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::sel_event::Entity")]
    SelEvent,
    #[sea_orm(has_one = "super::server_status::Entity")]
    Status,
    /// The server's own BMC login, when it has one.
    #[sea_orm(has_one = "super::bmc_credential::Entity")]
    Login,
}

impl Related<super::bmc_credential::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Login.def()
    }
}

impl Related<super::server_status::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Status.def()
    }
}

impl Related<super::sel_event::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::SelEvent.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
