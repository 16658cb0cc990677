use leptos::prelude::*;

use crate::api::auth::Logout;
use crate::types::CurrentUser;

/// Who is signed in, with a link to the account page and a sign-out button.
///
/// The server knows the signed-in user when it renders the page, so the menu needs no request
/// of its own: the value travels in the HTML ([`SharedValue`]) and the browser reads it while
/// hydrating. Signing in or out reloads the page, which brings the new value.
#[component]
pub fn UserMenu() -> impl IntoView {
    let user = SharedValue::new(signed_in_user).into_inner();
    let logout = ServerAction::<Logout>::new();
    Effect::new(move |_| {
        if matches!(logout.value().get(), Some(Ok(()))) {
            crate::navigation::reload_at("/login");
        }
    });
    match user {
        Some(user) => view! {
            <div class="user-menu" id="user-menu">
                <a href="/account" class="user-name" title=format!("role: {}", user.role)>
                    {user.name.clone()}
                    <span class="role-tag">{user.role.as_str()}</span>
                </a>
                <Show when=move || user.kind == "user">
                    <ActionForm action=logout>
                        <button type="submit" id="sign-out">"Sign out"</button>
                    </ActionForm>
                </Show>
            </div>
        }
        .into_any(),
        None => view! { <a href="/login" id="sign-in">"Sign in"</a> }.into_any(),
    }
}

#[cfg(feature = "ssr")]
fn signed_in_user() -> Option<CurrentUser> {
    crate::ssr::auth::current_principal().current_user()
}

/// Only called in the browser outside hydration, where the page was not rendered by us.
#[cfg(not(feature = "ssr"))]
fn signed_in_user() -> Option<CurrentUser> {
    None
}
