//! `sensor_readings_hourly`: one row per sensor and hour, rolled up from `sensor_readings`
//! by the retention job, kept much longer than the raw points.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "sensor_readings_hourly")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub sensor_id: i64,
    /// Start of the hour (UTC).
    pub hour: DateTimeUtc,
    pub min: f64,
    pub avg: f64,
    pub max: f64,
    /// How many raw points the hour had.
    pub samples: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
