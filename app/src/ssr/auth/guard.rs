//! What server functions call first: who is asking, and may they?

use std::net::{IpAddr, Ipv4Addr};

use http::request::Parts;
use leptos::prelude::use_context;
use leptos_axum::ResponseOptions;

use super::{ClientAddr, Principal};
use crate::types::{AppError, Role};

/// The request's identity. Outside a request, or if the auth layer did not run, nobody.
pub fn current_principal() -> Principal {
    use_context::<Parts>()
        .and_then(|parts| parts.extensions.get::<Principal>().cloned())
        .unwrap_or(Principal::Anonymous {
            read_allowed: false,
        })
}

/// Where the request came from (unspecified when unknown).
pub fn client_addr() -> ClientAddr {
    use_context::<Parts>()
        .and_then(|parts| parts.extensions.get::<ClientAddr>().copied())
        .unwrap_or(ClientAddr {
            addr: IpAddr::V4(Ipv4Addr::UNSPECIFIED),
            https: false,
        })
}

/// Sets the HTTP status of the server function's response.
pub fn set_status(status: http::StatusCode) {
    if let Some(response) = use_context::<ResponseOptions>() {
        response.set_status(status);
    }
}

/// The principal, if its role is at least `needed`; otherwise `Unauthorized` (401) or
/// `Forbidden` (403), with the matching HTTP status.
pub fn require(needed: Role) -> Result<Principal, AppError> {
    let principal = current_principal();
    match principal.check(needed) {
        Ok(()) => Ok(principal),
        Err(denied) => {
            set_status(denied.status());
            Err(denied.into())
        }
    }
}

/// A form value was refused: `Validation` with HTTP 422.
pub fn invalid(field: &str, message: impl Into<String>) -> AppError {
    set_status(http::StatusCode::UNPROCESSABLE_ENTITY);
    AppError::Validation {
        field: field.to_owned(),
        message: message.into(),
    }
}

/// Something the request names does not exist: `NotFound` with HTTP 404.
pub fn not_found() -> AppError {
    set_status(http::StatusCode::NOT_FOUND);
    AppError::NotFound
}

/// The request conflicts with what is stored: `Conflict` with HTTP 409.
pub fn conflict(message: impl Into<String>) -> AppError {
    set_status(http::StatusCode::CONFLICT);
    AppError::Conflict(message.into())
}
