//! `sel_events`: SEL records read from BMCs plus synthetic events (connectivity, power and
//! admin actions). Unique by server + record id + timestamp + hash of the raw bytes, so a
//! cleared and reused SEL loses nothing and never duplicates.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "sel_events")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub server_id: i64,
    /// "sel" for records read from the BMC, "synthetic" for events this app generated.
    pub source: String,
    /// SEL record id; synthetic events use their own sequence and never collide.
    pub record_id: i64,
    pub timestamp: DateTimeUtc,
    /// Hex of the raw 16-byte record (empty for synthetic events).
    pub raw_hex: String,
    /// SHA-256 prefix of the raw bytes, part of the uniqueness key.
    pub raw_hash: String,
    pub sensor_type: Option<String>,
    pub sensor_number: Option<i32>,
    pub event_type: Option<String>,
    pub asserted: bool,
    /// "critical", "warning" or "info".
    pub severity: String,
    pub description: String,
    pub collected_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::server::Entity",
        from = "Column::ServerId",
        to = "super::server::Column::Id",
        on_delete = "Cascade"
    )]
    Server,
}

impl Related<super::server::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Server.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
