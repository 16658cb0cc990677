//! Server functions, one per file, grouped by area. Each area keeps its database queries in a
//! server-only `queries` module beside the functions.

pub mod audit;
pub mod auth;
pub mod backup;
pub mod control;
pub mod credentials;
pub mod events;
pub mod fleet;
pub mod history;
pub mod servers;
pub mod system;
pub mod tokens;
pub mod users;
