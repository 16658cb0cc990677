//! Why a fleet change was refused or failed.

use crate::import::RowError;

#[derive(Debug, thiserror::Error)]
pub enum FleetError {
    #[error("no such server")]
    NotFound,
    /// Values that break the import rules; each names its field.
    #[error("{}", describe(.0))]
    Invalid(Vec<RowError>),
    /// A duplicate name or BMC address, or a change the server's lifecycle does not allow.
    #[error("{0}")]
    Conflict(String),
    #[error("database: {0}")]
    Database(#[from] sea_orm::DbErr),
}

fn describe(errors: &[RowError]) -> String {
    let parts: Vec<String> = errors
        .iter()
        .map(|e| match &e.field {
            Some(field) => format!("{field}: {}", e.message),
            None => e.message.clone(),
        })
        .collect();
    parts.join("; ")
}

impl FleetError {
    /// The error a server function returns, with the matching HTTP status set.
    pub fn into_app_error(self) -> crate::types::AppError {
        use crate::ssr::auth;
        match self {
            Self::NotFound => auth::not_found(),
            Self::Invalid(errors) => {
                let (field, message) = errors
                    .first()
                    .map(|e| (e.field.clone().unwrap_or_default(), e.message.clone()))
                    .unwrap_or_default();
                auth::invalid(&field, message)
            }
            Self::Conflict(message) => auth::conflict(message),
            Self::Database(err) => crate::ssr::db_error(err),
        }
    }
}
