//! Authentication and authorization, server side: password hashing, sessions, API tokens, the
//! login throttle, the audit log, and the guard every server function calls first.
//!
//! The `server` crate resolves each request's [`Principal`] (session cookie, bearer token or a
//! trusted proxy's headers) and puts it in the request's extensions; everything here reads it
//! from there, so a server function cannot forget where identity comes from.

pub mod api_tokens;
pub mod audit;
mod cookie;
mod guard;
pub mod password;
mod principal;
mod requester;
pub mod sessions;
mod settings;
pub mod signin;
mod throttle;
pub mod token;
pub mod users;

pub use cookie::{
    SESSION_COOKIE, clear_session_cookie, session_cookie, session_token_from_headers,
};
pub use guard::{
    client_addr, conflict, current_principal, invalid, not_found, require, set_status,
};
pub use principal::{ClientAddr, Denied, Principal};
pub use requester::Requester;
pub use settings::AuthSettings;
pub use throttle::{LoginThrottle, ThrottleSettings};
