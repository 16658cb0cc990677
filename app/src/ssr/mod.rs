//! Server-only code shared by the server functions and the `server` crate.

pub mod auth;
pub mod backup;
mod context;
pub mod control;
pub mod fleet;
mod redirect;
pub mod secrets;

pub use context::{AppContext, app_context, db_error};
pub use redirect::redirect;
