//! The first schema: monitored servers and their events.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Servers::Table)
                    .if_not_exists()
                    .col(ColumnDef::new(Servers::Id).big_integer().not_null().auto_increment().primary_key())
                    .col(ColumnDef::new(Servers::Name).string().not_null().unique_key())
                    .col(ColumnDef::new(Servers::BmcAddress).string().not_null())
                    .col(ColumnDef::new(Servers::BmcPort).integer().not_null().default(623))
                    .col(ColumnDef::new(Servers::OsAddress).string().null())
                    .col(ColumnDef::new(Servers::Protocol).string().not_null().default("auto"))
                    .col(ColumnDef::new(Servers::CipherSuite).integer().null())
                    .col(ColumnDef::new(Servers::Privilege).string().not_null().default("administrator"))
                    .col(ColumnDef::new(Servers::Tags).string().not_null().default(""))
                    .col(ColumnDef::new(Servers::Notes).text().not_null().default(""))
                    .col(ColumnDef::new(Servers::Enabled).boolean().not_null().default(true))
                    .col(ColumnDef::new(Servers::Lifecycle).string().not_null().default("active"))
                    .col(ColumnDef::new(Servers::DeprecatedReason).string().null())
                    .col(ColumnDef::new(Servers::DeprecatedAt).timestamp_with_time_zone().null())
                    .col(ColumnDef::new(Servers::BmcReachable).boolean().null())
                    .col(ColumnDef::new(Servers::OsReachable).boolean().null())
                    .col(ColumnDef::new(Servers::CreatedAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(Servers::UpdatedAt).timestamp_with_time_zone().not_null())
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(SelEvents::Table)
                    .if_not_exists()
                    .col(ColumnDef::new(SelEvents::Id).big_integer().not_null().auto_increment().primary_key())
                    .col(ColumnDef::new(SelEvents::ServerId).big_integer().not_null())
                    .col(ColumnDef::new(SelEvents::Source).string().not_null())
                    .col(ColumnDef::new(SelEvents::RecordId).big_integer().not_null())
                    .col(ColumnDef::new(SelEvents::Timestamp).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(SelEvents::RawHex).string().not_null())
                    .col(ColumnDef::new(SelEvents::RawHash).string().not_null())
                    .col(ColumnDef::new(SelEvents::SensorType).string().null())
                    .col(ColumnDef::new(SelEvents::SensorNumber).integer().null())
                    .col(ColumnDef::new(SelEvents::EventType).string().null())
                    .col(ColumnDef::new(SelEvents::Asserted).boolean().not_null())
                    .col(ColumnDef::new(SelEvents::Severity).string().not_null())
                    .col(ColumnDef::new(SelEvents::Description).text().not_null())
                    .col(ColumnDef::new(SelEvents::CollectedAt).timestamp_with_time_zone().not_null())
                    .foreign_key(
                        ForeignKey::create()
                            .from(SelEvents::Table, SelEvents::ServerId)
                            .to(Servers::Table, Servers::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;

        // A cleared and reused SEL repeats record ids; the timestamp and the raw bytes tell the
        // records apart, so this key admits every real record once and never a duplicate.
        manager
            .create_index(
                Index::create()
                    .name("ux_sel_events_identity")
                    .table(SelEvents::Table)
                    .col(SelEvents::ServerId)
                    .col(SelEvents::Source)
                    .col(SelEvents::RecordId)
                    .col(SelEvents::Timestamp)
                    .col(SelEvents::RawHash)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_sel_events_time")
                    .table(SelEvents::Table)
                    .col(SelEvents::Timestamp)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_sel_events_server_time")
                    .table(SelEvents::Table)
                    .col(SelEvents::ServerId)
                    .col(SelEvents::Timestamp)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(SelEvents::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(Servers::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum Servers {
    Table,
    Id,
    Name,
    BmcAddress,
    BmcPort,
    OsAddress,
    Protocol,
    CipherSuite,
    Privilege,
    Tags,
    Notes,
    Enabled,
    Lifecycle,
    DeprecatedReason,
    DeprecatedAt,
    BmcReachable,
    OsReachable,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum SelEvents {
    Table,
    Id,
    ServerId,
    Source,
    RecordId,
    Timestamp,
    RawHex,
    RawHash,
    SensorType,
    SensorNumber,
    EventType,
    Asserted,
    Severity,
    Description,
    CollectedAt,
}
