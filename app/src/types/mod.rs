//! Types shared by the browser and the server: what server functions return and what the
//! websocket carries. One definition, so both sides always agree.

mod auth;
mod backup;
mod control;
mod error;
mod event;
mod fleet;
mod history;
mod live;
mod secret_text;
mod server;
mod server_detail;
mod system;

pub use auth::{
    ApiTokenId, ApiTokenSummary, AuditEntry, AuthState, CreatedApiToken, CurrentUser,
    MAX_TOKEN_DAYS, MIN_PASSWORD_LEN, Role, UserId, UserSummary,
};
pub use backup::{RestoreMode, RestorePlan};
pub use control::{
    CollectionFailure, CollectionProgress, LoginOutcome, LoginTestResult, PROGRESS_ERRORS_KEPT,
    ServerAction,
};
pub use error::AppError;
pub use event::{EventPage, EventRow, Severity};
pub use fleet::{
    DefaultLogin, ImportPreview, ImportSummary, LoginChange, ManagedServer, ServerFields,
};
pub use history::{ChartRange, History, HistoryPoint, Resolution};
pub use live::{ClientMessage, LiveMessage, MAX_WATCHED};
pub use secret_text::SecretText;
pub use server::{ServerId, ServerState, ServerStats, ServerSummary};
pub use server_detail::{SensorRow, ServerDetail, ServerInventory, StatusDetail};
pub use system::SystemInfo;
