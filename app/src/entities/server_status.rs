//! `server_status`: what the collector last learned about one server (one row per server).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "server_status")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub server_id: i64,
    pub bmc_reachable: Option<bool>,
    pub os_reachable: Option<bool>,
    pub power_on: Option<bool>,
    pub power_watts: Option<f64>,
    pub last_poll_at: Option<DateTimeUtc>,
    pub last_duration_ms: Option<i64>,
    pub consecutive_failures: i32,
    pub last_error: Option<String>,
    /// The cipher suite the BMC accepted, to try first next time.
    pub cipher_suite: Option<i32>,
    /// JSON of the engine's `SelCursor`: where the incremental SEL read continues.
    pub sel_cursor: Option<String>,
    pub sel_entries: Option<i32>,
    pub sel_free_bytes: Option<i32>,
    /// JSON object: per collector (sensors, chassis, power, sel) ok, duration and error.
    pub collectors: String,
    pub updated_at: DateTimeUtc,
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
