//! `server_inventory`: the last hardware inventory read from a server's BMC (JSON texts as
//! the engine reports them).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "server_inventory")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub server_id: i64,
    /// Get Device ID and self test.
    #[sea_orm(column_type = "Text", nullable)]
    pub device: Option<String>,
    /// Every FRU device with its fields.
    #[sea_orm(column_type = "Text", nullable)]
    pub fru: Option<String>,
    /// LAN settings of the BMC's channel: IP, MAC, gateway.
    #[sea_orm(column_type = "Text", nullable)]
    pub lan: Option<String>,
    /// What could not be read, if anything.
    #[sea_orm(column_type = "Text", nullable)]
    pub error: Option<String>,
    pub collected_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
