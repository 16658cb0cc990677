//! Database migrations. Each file is one schema step; they run at start-up (`Migrator::up`)
//! and with `ipmi-monitor migrate`, on SQLite and PostgreSQL alike.

pub use sea_orm_migration::prelude::*;

mod columns;
mod m20261203_000001_servers_and_events;
mod m20261203_000002_bmc_credentials;
mod m20261203_000003_status_and_sensors;
mod m20261203_000004_users_and_audit;
mod m20261204_000005_history_rollup;
mod m20261204_000006_server_inventory;

/// Every migration, oldest first.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261203_000001_servers_and_events::Migration),
            Box::new(m20261203_000002_bmc_credentials::Migration),
            Box::new(m20261203_000003_status_and_sensors::Migration),
            Box::new(m20261203_000004_users_and_audit::Migration),
            Box::new(m20261204_000005_history_rollup::Migration),
            Box::new(m20261204_000006_server_inventory::Migration),
        ]
    }
}
