//! Bounded history: hourly min/avg/max of every sensor (kept for a year and more), power
//! readings per poll and per hour, and an index that lets the retention job delete old raw
//! points without scanning the table.

use sea_orm_migration::prelude::*;

use crate::columns::{id, time};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(SensorReadingsHourly::Table)
                    .if_not_exists()
                    .col(id(SensorReadingsHourly::Id))
                    .col(
                        ColumnDef::new(SensorReadingsHourly::SensorId)
                            .big_integer()
                            .not_null(),
                    )
                    .col(time(SensorReadingsHourly::Hour))
                    .col(
                        ColumnDef::new(SensorReadingsHourly::Min)
                            .double()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(SensorReadingsHourly::Avg)
                            .double()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(SensorReadingsHourly::Max)
                            .double()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(SensorReadingsHourly::Samples)
                            .integer()
                            .not_null(),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(SensorReadingsHourly::Table, SensorReadingsHourly::SensorId)
                            .to(Sensors::Table, Sensors::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_sensor_readings_hourly_sensor_hour")
                    .table(SensorReadingsHourly::Table)
                    .col(SensorReadingsHourly::SensorId)
                    .col(SensorReadingsHourly::Hour)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_sensor_readings_hourly_hour")
                    .table(SensorReadingsHourly::Table)
                    .col(SensorReadingsHourly::Hour)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_sensor_readings_at")
                    .table(SensorReadings::Table)
                    .col(SensorReadings::At)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(PowerReadings::Table)
                    .if_not_exists()
                    .col(id(PowerReadings::Id))
                    .col(
                        ColumnDef::new(PowerReadings::ServerId)
                            .big_integer()
                            .not_null(),
                    )
                    .col(time(PowerReadings::At))
                    .col(ColumnDef::new(PowerReadings::Watts).double().not_null())
                    .foreign_key(
                        ForeignKey::create()
                            .from(PowerReadings::Table, PowerReadings::ServerId)
                            .to(Servers::Table, Servers::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_power_readings_server_time")
                    .table(PowerReadings::Table)
                    .col(PowerReadings::ServerId)
                    .col(PowerReadings::At)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_power_readings_at")
                    .table(PowerReadings::Table)
                    .col(PowerReadings::At)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(PowerReadingsHourly::Table)
                    .if_not_exists()
                    .col(id(PowerReadingsHourly::Id))
                    .col(
                        ColumnDef::new(PowerReadingsHourly::ServerId)
                            .big_integer()
                            .not_null(),
                    )
                    .col(time(PowerReadingsHourly::Hour))
                    .col(ColumnDef::new(PowerReadingsHourly::Min).double().not_null())
                    .col(ColumnDef::new(PowerReadingsHourly::Avg).double().not_null())
                    .col(ColumnDef::new(PowerReadingsHourly::Max).double().not_null())
                    .col(
                        ColumnDef::new(PowerReadingsHourly::Samples)
                            .integer()
                            .not_null(),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(PowerReadingsHourly::Table, PowerReadingsHourly::ServerId)
                            .to(Servers::Table, Servers::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_power_readings_hourly_server_hour")
                    .table(PowerReadingsHourly::Table)
                    .col(PowerReadingsHourly::ServerId)
                    .col(PowerReadingsHourly::Hour)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_power_readings_hourly_hour")
                    .table(PowerReadingsHourly::Table)
                    .col(PowerReadingsHourly::Hour)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("ix_sensor_readings_at")
                    .table(SensorReadings::Table)
                    .to_owned(),
            )
            .await?;
        for table in [
            PowerReadingsHourly::Table.into_iden(),
            PowerReadings::Table.into_iden(),
            SensorReadingsHourly::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Servers {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Sensors {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum SensorReadings {
    Table,
    At,
}

#[derive(DeriveIden)]
enum SensorReadingsHourly {
    Table,
    Id,
    SensorId,
    Hour,
    Min,
    Avg,
    Max,
    Samples,
}

#[derive(DeriveIden)]
enum PowerReadings {
    Table,
    Id,
    ServerId,
    At,
    Watts,
}

#[derive(DeriveIden)]
enum PowerReadingsHourly {
    Table,
    Id,
    ServerId,
    Hour,
    Min,
    Avg,
    Max,
    Samples,
}
