//! The one error server functions return. Variants are what the UI can show; internal details
//! go to the server log, never to the browser.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

/// An error a page can render.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    /// Nobody is signed in (or the session ended).
    #[error("sign in first")]
    Unauthorized,
    #[error("wrong user name or password")]
    BadCredentials,
    #[error("too many failed logins; try again in {retry_after_secs} s")]
    LockedOut { retry_after_secs: u64 },
    /// The request contradicts what is stored (a duplicate name, the last admin).
    #[error("{0}")]
    Conflict(String),
    #[error("you are not allowed to do this")]
    Forbidden,
    #[error("{field}: {message}")]
    Validation { field: String, message: String },
    /// Something failed on the server; the details are in its log.
    #[error("internal error; see the server log")]
    Internal,
    /// The request never reached the server function or its reply was unreadable.
    #[error("request failed: {0}")]
    Transport(String),
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        Self::Transport(value.to_string())
    }
}
