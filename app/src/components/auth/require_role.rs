use leptos::prelude::*;

use crate::types::Role;

/// Shows `children` only to a signed-in role of at least `role`; others get a short message
/// (and, from the server, HTTP 403). The server functions behind the page check again: this
/// only spares a viewer forms that could never work for them.
#[component]
pub fn RequireRole(role: Role, children: ChildrenFn) -> impl IntoView {
    let allowed = super::use_identity().role.is_some_and(|r| r.allows(role));
    refuse_unless(allowed, role);
    view! {
        <Show
            when=move || allowed
            fallback=move || view! { <p class="error" id="forbidden">{format!("This page needs the {role} role.")}</p> }
        >
            {children()}
        </Show>
    }
}

/// On the server, a page the identity may not use answers 401 (nobody signed in) or 403.
#[cfg(feature = "ssr")]
fn refuse_unless(allowed: bool, role: Role) {
    use crate::ssr::auth;
    if !allowed && let Err(denied) = auth::current_principal().check(role) {
        auth::set_status(denied.status());
    }
}

#[cfg(not(feature = "ssr"))]
fn refuse_unless(_allowed: bool, _role: Role) {}
