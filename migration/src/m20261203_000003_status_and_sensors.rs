//! What the collector learns: per-server status (one row per server), the latest value of
//! every sensor (one row per server and sensor, updated in place), and sensor history points.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ServerStatus::Table)
                    .if_not_exists()
                    .col(
                        ColumnDef::new(ServerStatus::ServerId)
                            .big_integer()
                            .not_null()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(ServerStatus::BmcReachable).boolean().null())
                    .col(ColumnDef::new(ServerStatus::OsReachable).boolean().null())
                    .col(ColumnDef::new(ServerStatus::PowerOn).boolean().null())
                    .col(ColumnDef::new(ServerStatus::PowerWatts).double().null())
                    .col(
                        ColumnDef::new(ServerStatus::LastPollAt)
                            .timestamp_with_time_zone()
                            .null(),
                    )
                    .col(
                        ColumnDef::new(ServerStatus::LastDurationMs)
                            .big_integer()
                            .null(),
                    )
                    .col(
                        ColumnDef::new(ServerStatus::ConsecutiveFailures)
                            .integer()
                            .not_null()
                            .default(0),
                    )
                    .col(ColumnDef::new(ServerStatus::LastError).text().null())
                    .col(ColumnDef::new(ServerStatus::CipherSuite).integer().null())
                    .col(ColumnDef::new(ServerStatus::SelCursor).text().null())
                    .col(ColumnDef::new(ServerStatus::SelEntries).integer().null())
                    .col(ColumnDef::new(ServerStatus::SelFreeBytes).integer().null())
                    .col(
                        ColumnDef::new(ServerStatus::Collectors)
                            .text()
                            .not_null()
                            .default("{}"),
                    )
                    .col(
                        ColumnDef::new(ServerStatus::UpdatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ServerStatus::Table, ServerStatus::ServerId)
                            .to(Servers::Table, Servers::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Sensors::Table)
                    .if_not_exists()
                    .col(
                        ColumnDef::new(Sensors::Id)
                            .big_integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(Sensors::ServerId).big_integer().not_null())
                    .col(ColumnDef::new(Sensors::Name).string().not_null())
                    .col(ColumnDef::new(Sensors::Number).integer().not_null())
                    .col(ColumnDef::new(Sensors::Lun).integer().not_null())
                    .col(ColumnDef::new(Sensors::SensorType).string().not_null())
                    .col(ColumnDef::new(Sensors::Kind).string().not_null())
                    .col(ColumnDef::new(Sensors::Status).string().not_null())
                    .col(ColumnDef::new(Sensors::Value).double().null())
                    .col(ColumnDef::new(Sensors::Unit).string().null())
                    .col(ColumnDef::new(Sensors::State).string().null())
                    .col(ColumnDef::new(Sensors::Thresholds).text().null())
                    .col(ColumnDef::new(Sensors::Discrete).text().null())
                    .col(
                        ColumnDef::new(Sensors::UpdatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Sensors::Table, Sensors::ServerId)
                            .to(Servers::Table, Servers::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_sensors_identity")
                    .table(Sensors::Table)
                    .col(Sensors::ServerId)
                    .col(Sensors::Number)
                    .col(Sensors::Lun)
                    .col(Sensors::Name)
                    .unique()
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(SensorReadings::Table)
                    .if_not_exists()
                    .col(
                        ColumnDef::new(SensorReadings::Id)
                            .big_integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(SensorReadings::SensorId)
                            .big_integer()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(SensorReadings::At)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .col(ColumnDef::new(SensorReadings::Value).double().not_null())
                    .foreign_key(
                        ForeignKey::create()
                            .from(SensorReadings::Table, SensorReadings::SensorId)
                            .to(Sensors::Table, Sensors::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_sensor_readings_sensor_time")
                    .table(SensorReadings::Table)
                    .col(SensorReadings::SensorId)
                    .col(SensorReadings::At)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(SensorReadings::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Sensors::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(ServerStatus::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Servers {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum ServerStatus {
    Table,
    ServerId,
    BmcReachable,
    OsReachable,
    PowerOn,
    PowerWatts,
    LastPollAt,
    LastDurationMs,
    ConsecutiveFailures,
    LastError,
    CipherSuite,
    SelCursor,
    SelEntries,
    SelFreeBytes,
    Collectors,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Sensors {
    Table,
    Id,
    ServerId,
    Name,
    Number,
    Lun,
    SensorType,
    Kind,
    Status,
    Value,
    Unit,
    State,
    Thresholds,
    Discrete,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum SensorReadings {
    Table,
    Id,
    SensorId,
    At,
    Value,
}
