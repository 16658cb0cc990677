//! BMC credentials: one default row (`server_id` NULL) and per-server overrides. Passwords and
//! K_g keys are stored only encrypted (`v1:` AES-256-GCM values, see `app::ssr::secrets`).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(BmcCredentials::Table)
                    .if_not_exists()
                    .col(
                        ColumnDef::new(BmcCredentials::Id)
                            .big_integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(BmcCredentials::ServerId)
                            .big_integer()
                            .null(),
                    )
                    .col(ColumnDef::new(BmcCredentials::Username).string().not_null())
                    .col(
                        ColumnDef::new(BmcCredentials::PasswordEnc)
                            .text()
                            .not_null(),
                    )
                    .col(ColumnDef::new(BmcCredentials::KgEnc).text().null())
                    .col(
                        ColumnDef::new(BmcCredentials::UpdatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(BmcCredentials::Table, BmcCredentials::ServerId)
                            .to(Servers::Table, Servers::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // One override per server. The single default row (NULL server) is kept single by the
        // code that writes it, since NULLs never collide in a unique index.
        manager
            .create_index(
                Index::create()
                    .name("ux_bmc_credentials_server")
                    .table(BmcCredentials::Table)
                    .col(BmcCredentials::ServerId)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(BmcCredentials::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum BmcCredentials {
    Table,
    Id,
    ServerId,
    Username,
    PasswordEnc,
    KgEnc,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Servers {
    Table,
    Id,
}
