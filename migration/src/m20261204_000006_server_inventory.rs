//! Hardware inventory per server: Get Device ID (firmware, manufacturer), every FRU device's
//! fields and the BMC's LAN settings (MAC), each stored as JSON as the engine reports it, read
//! once a day and after a restart of the app.

use sea_orm_migration::prelude::*;

use crate::columns::time;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ServerInventory::Table)
                    .if_not_exists()
                    .col(
                        ColumnDef::new(ServerInventory::ServerId)
                            .big_integer()
                            .not_null()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(ServerInventory::Device).text().null())
                    .col(ColumnDef::new(ServerInventory::Fru).text().null())
                    .col(ColumnDef::new(ServerInventory::Lan).text().null())
                    .col(ColumnDef::new(ServerInventory::Error).text().null())
                    .col(time(ServerInventory::CollectedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ServerInventory::Table, ServerInventory::ServerId)
                            .to(Servers::Table, Servers::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ServerInventory::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Servers {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum ServerInventory {
    Table,
    ServerId,
    Device,
    Fru,
    Lan,
    Error,
    CollectedAt,
}
