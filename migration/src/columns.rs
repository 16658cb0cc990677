//! Column shapes the later migrations share. (The first three keep their own copies: a
//! migration that has run is history and is not rewritten.)

use sea_orm_migration::prelude::*;

/// `BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY`.
pub fn id(column: impl IntoIden) -> ColumnDef {
    ColumnDef::new(column)
        .big_integer()
        .not_null()
        .auto_increment()
        .primary_key()
        .to_owned()
}

/// `TIMESTAMP WITH TIME ZONE NOT NULL`.
pub fn time(column: impl IntoIden) -> ColumnDef {
    ColumnDef::new(column)
        .timestamp_with_time_zone()
        .not_null()
        .to_owned()
}
