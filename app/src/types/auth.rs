//! Who may do what: roles, the signed-in user, and the rows of the user, token and audit pages.

use serde::{Deserialize, Serialize};

/// Shortest password accepted for a new or changed account.
pub const MIN_PASSWORD_LEN: usize = 10;

/// Longest lifetime an API token may be given, in days (ten years).
pub const MAX_TOKEN_DAYS: u32 = 3650;

/// What a person or token may do. Ordered: each role includes everything below it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Reads everything except secrets and the audit log.
    Viewer,
    /// Also runs power actions and collections, and edits servers and credentials.
    Operator,
    /// Also manages users, tokens, settings and backups, and reads the audit log.
    Admin,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Viewer, Role::Operator, Role::Admin];

    /// The stored and wire form: `viewer`, `operator` or `admin`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Viewer => "viewer",
            Self::Operator => "operator",
            Self::Admin => "admin",
        }
    }

    /// Parses the stored form (case-insensitive, surrounding blanks ignored).
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        Self::ALL
            .into_iter()
            .find(|role| role.as_str().eq_ignore_ascii_case(text))
    }

    /// Whether this role may do what `needed` may do.
    pub fn allows(self, needed: Role) -> bool {
        self >= needed
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The signed-in identity, as the navigation bar shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentUser {
    pub name: String,
    pub role: Role,
    /// "user", "token", "proxy" or "anonymous".
    pub kind: String,
    /// Whether the identity can change its own password (a local user).
    pub can_change_password: bool,
}

/// What the login page needs to know before anyone is signed in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthState {
    /// No user exists yet: the setup page creates the first admin.
    pub needs_setup: bool,
    /// Who is signed in on this request, if anyone.
    pub current: Option<CurrentUser>,
}

/// Database id of a user.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct UserId(pub i64);

/// One row of the user-management page. Never carries the password hash.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserSummary {
    pub id: UserId,
    pub username: String,
    pub role: Role,
    /// RFC 3339.
    pub created_at: String,
    pub last_login_at: Option<String>,
}

/// Database id of an API token.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ApiTokenId(pub i64);

/// One API token as listed; the token itself is shown only once, at creation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiTokenSummary {
    pub id: ApiTokenId,
    pub name: String,
    pub role: Role,
    pub created_by: String,
    pub created_at: String,
    pub expires_at: Option<String>,
    pub revoked_at: Option<String>,
    pub last_used_at: Option<String>,
}

/// A token just created: the only time its secret value leaves the server.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreatedApiToken {
    pub summary: ApiTokenSummary,
    pub token: String,
}

/// One audit-log row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub action: String,
    pub target: Option<String>,
    /// "ok", "denied" or "failed".
    pub outcome: String,
    pub detail: Option<String>,
    pub client: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_are_ordered_and_round_trip() {
        assert!(Role::Admin.allows(Role::Operator));
        assert!(Role::Operator.allows(Role::Viewer));
        assert!(!Role::Viewer.allows(Role::Operator));
        assert!(!Role::Operator.allows(Role::Admin));
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse(" Admin "), Some(Role::Admin));
        assert_eq!(Role::parse("root"), None);
        assert_eq!(
            serde_json::to_string(&Role::Operator).unwrap(),
            "\"operator\""
        );
    }
}
