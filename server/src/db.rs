//! Opening the database: SQLite in the data dir by default (WAL mode), PostgreSQL when
//! `DATABASE_URL` says so. Migrations run on every open, so a new binary upgrades the schema.

use migration::{Migrator, MigratorTrait};
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection};

use crate::config::{Config, DatabaseKind};
use crate::error::{Result, ServerError};

/// Connects and migrates.
pub async fn open(config: &Config) -> Result<DatabaseConnection> {
    if config.database_kind() == DatabaseKind::Sqlite {
        std::fs::create_dir_all(&config.data_dir).map_err(|source| ServerError::DataDir {
            path: config.data_dir.clone(),
            source,
        })?;
    }
    let mut options = ConnectOptions::new(config.database_url().expose().to_owned());
    // sqlx logs every statement at info; that drowns the log and could show row values.
    options.sqlx_logging(false);
    let db = Database::connect(options).await?;
    if config.database_kind() == DatabaseKind::Sqlite {
        // WAL lets the web pages read while the collector writes. The mode is stored in the
        // file, so setting it once per open is enough.
        db.execute_unprepared("PRAGMA journal_mode=WAL").await?;
    }
    Migrator::up(&db, None).await?;
    Ok(db)
}
