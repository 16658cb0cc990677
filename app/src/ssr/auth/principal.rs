//! Who is making a request, as resolved once per request by the server's auth layer.

use std::net::IpAddr;

use crate::types::{ApiTokenId, AppError, CurrentUser, Role, UserId};

/// The identity behind one request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Principal {
    /// Nobody signed in. `read_allowed` is the "anonymous read-only access" setting.
    Anonymous { read_allowed: bool },
    /// A local user with a browser session.
    User {
        id: UserId,
        name: String,
        role: Role,
        session_id: i64,
    },
    /// An API token (`Authorization: Bearer …`).
    Token {
        id: ApiTokenId,
        name: String,
        role: Role,
    },
    /// A user named by a trusted reverse proxy's single-sign-on headers.
    Proxy { name: String, role: Role },
}

/// Why a request may not go on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Denied {
    /// Nobody is signed in (HTTP 401).
    LoginRequired,
    /// Signed in, but the role is too low (HTTP 403).
    Forbidden,
}

impl Denied {
    pub fn status(self) -> http::StatusCode {
        match self {
            Self::LoginRequired => http::StatusCode::UNAUTHORIZED,
            Self::Forbidden => http::StatusCode::FORBIDDEN,
        }
    }
}

impl From<Denied> for AppError {
    fn from(denied: Denied) -> Self {
        match denied {
            Denied::LoginRequired => AppError::Unauthorized,
            Denied::Forbidden => AppError::Forbidden,
        }
    }
}

impl Principal {
    /// The role in effect; `None` when nobody is signed in and anonymous reading is off.
    pub fn role(&self) -> Option<Role> {
        match self {
            Self::Anonymous { read_allowed } => read_allowed.then_some(Role::Viewer),
            Self::User { role, .. } | Self::Token { role, .. } | Self::Proxy { role, .. } => {
                Some(*role)
            }
        }
    }

    /// Allows the request when the role is at least `needed`.
    pub fn check(&self, needed: Role) -> Result<(), Denied> {
        match (self, self.role()) {
            (_, Some(role)) if role.allows(needed) => Ok(()),
            (Self::Anonymous { .. }, _) => Err(Denied::LoginRequired),
            _ => Err(Denied::Forbidden),
        }
    }

    /// How the audit log names this identity: `user:alice`, `token:ci`, `proxy:bob`.
    pub fn actor(&self) -> String {
        match self {
            Self::Anonymous { .. } => "anonymous".to_owned(),
            Self::User { name, .. } => format!("user:{name}"),
            Self::Token { name, .. } => format!("token:{name}"),
            Self::Proxy { name, .. } => format!("proxy:{name}"),
        }
    }

    /// The local user's id, for actions only a local user can take (changing a password).
    pub fn user_id(&self) -> Option<UserId> {
        match self {
            Self::User { id, .. } => Some(*id),
            _ => None,
        }
    }

    /// What the navigation bar shows; `None` for nobody.
    pub fn current_user(&self) -> Option<CurrentUser> {
        let (name, kind) = match self {
            Self::Anonymous {
                read_allowed: false,
            } => return None,
            Self::Anonymous { read_allowed: true } => ("anonymous".to_owned(), "anonymous"),
            Self::User { name, .. } => (name.clone(), "user"),
            Self::Token { name, .. } => (name.clone(), "token"),
            Self::Proxy { name, .. } => (name.clone(), "proxy"),
        };
        Some(CurrentUser {
            name,
            role: self.role()?,
            kind: kind.to_owned(),
            can_change_password: matches!(self, Self::User { .. }),
        })
    }
}

/// Where a request came from: the peer, or what a trusted proxy says. The login throttle keys
/// on `addr`, the audit log records it, and `https` decides the cookie's `Secure` flag.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ClientAddr {
    pub addr: IpAddr,
    /// The client reached us over TLS (a trusted proxy said `X-Forwarded-Proto: https`).
    pub https: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(role: Role) -> Principal {
        Principal::User {
            id: UserId(1),
            name: "alice".to_owned(),
            role,
            session_id: 1,
        }
    }

    #[test]
    fn anonymous_needs_login_unless_reading_is_open() {
        let closed = Principal::Anonymous {
            read_allowed: false,
        };
        assert_eq!(closed.check(Role::Viewer), Err(Denied::LoginRequired));
        let open = Principal::Anonymous { read_allowed: true };
        assert_eq!(open.check(Role::Viewer), Ok(()));
        assert_eq!(open.check(Role::Operator), Err(Denied::LoginRequired));
    }

    #[test]
    fn signed_in_roles_are_forbidden_above_their_level() {
        assert_eq!(
            user(Role::Viewer).check(Role::Operator),
            Err(Denied::Forbidden)
        );
        assert_eq!(user(Role::Operator).check(Role::Operator), Ok(()));
        assert_eq!(
            user(Role::Operator).check(Role::Admin),
            Err(Denied::Forbidden)
        );
        assert_eq!(user(Role::Admin).check(Role::Admin), Ok(()));
        assert_eq!(user(Role::Admin).actor(), "user:alice");
    }
}
