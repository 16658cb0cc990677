use leptos::prelude::*;

use crate::types::Role;

/// Shows `children` only to a signed-in role of at least `role`; others get a short message
/// (and, from the server, HTTP 403). The server functions behind the page check again: this
/// only spares a viewer forms that could never work for them.
#[component]
pub fn RequireRole(role: Role, children: ChildrenFn) -> impl IntoView {
    let allowed = SharedValue::new(move || allowed_here(role)).into_inner();
    view! {
        <Show
            when=move || allowed
            fallback=move || view! { <p class="error" id="forbidden">{format!("This page needs the {role} role.")}</p> }
        >
            {children()}
        </Show>
    }
}

#[cfg(feature = "ssr")]
fn allowed_here(role: Role) -> bool {
    use crate::ssr::auth;
    match auth::current_principal().check(role) {
        Ok(()) => true,
        Err(denied) => {
            auth::set_status(denied.status());
            false
        }
    }
}

#[cfg(not(feature = "ssr"))]
fn allowed_here(_role: Role) -> bool {
    false
}
