//! `sensors`: the latest reading of every sensor of every server, updated in place (history
//! goes to `sensor_readings`), so the table stays one row per sensor however long it runs.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "sensors")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub server_id: i64,
    pub name: String,
    pub number: i32,
    pub lun: i32,
    pub sensor_type: String,
    /// "threshold" or "discrete".
    pub kind: String,
    /// "ok", "unavailable", "scanning_disabled", "not_present", "not_readable" or "error".
    pub status: String,
    pub value: Option<f64>,
    pub unit: Option<String>,
    /// "ok", "nc", "cr", "nr" or "na" for threshold sensors.
    pub state: Option<String>,
    /// JSON of the six thresholds.
    pub thresholds: Option<String>,
    /// JSON list of asserted state texts for discrete sensors.
    pub discrete: Option<String>,
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
