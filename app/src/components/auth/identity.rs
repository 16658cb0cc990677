//! Who is signed in, known once per page load.
//!
//! The server knows the identity when it renders the page, so no request is needed: the value
//! travels in the HTML ([`SharedValue`]) and the browser reads it while hydrating, at the root,
//! once. Components read it from context, so a page reached by client-side navigation sees
//! the same identity as the first one. Signing in or out reloads the page, which brings the
//! new value.

use leptos::prelude::*;

use crate::types::{CurrentUser, Role};

#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct Identity {
    /// A signed-in user (or token or proxy user), for the user menu.
    pub user: Option<CurrentUser>,
    /// The role of whoever asks, anonymous read-only access included.
    pub role: Option<Role>,
}

/// Call once, at the root of the app.
pub fn provide_identity() {
    let identity = SharedValue::new(current_identity).into_inner();
    provide_context(identity);
}

pub fn use_identity() -> Identity {
    use_context::<Identity>().unwrap_or_default()
}

#[cfg(feature = "ssr")]
fn current_identity() -> Identity {
    let principal = crate::ssr::auth::current_principal();
    Identity {
        user: principal.current_user(),
        role: principal.role(),
    }
}

/// Only called in the browser outside hydration, where the page was not rendered by us.
#[cfg(not(feature = "ssr"))]
fn current_identity() -> Identity {
    Identity::default()
}
