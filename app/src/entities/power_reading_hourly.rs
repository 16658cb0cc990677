//! `power_readings_hourly`: hourly min/avg/max of a server's power draw.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "power_readings_hourly")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub server_id: i64,
    /// Start of the hour (UTC).
    pub hour: DateTimeUtc,
    pub min: f64,
    pub avg: f64,
    pub max: f64,
    pub samples: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
