use leptos::prelude::*;

use crate::base_path::app_url;

use crate::components::form::ActionForm;

use crate::api::auth::Logout;

/// Who is signed in ([`super::use_identity`]), with a link to the account page and a
/// sign-out button.
#[component]
pub fn UserMenu() -> impl IntoView {
    let user = super::use_identity().user;
    let logout = ServerAction::<Logout>::new();
    Effect::new(move |_| {
        if matches!(logout.value().get(), Some(Ok(()))) {
            crate::navigation::reload_at("/login");
        }
    });
    match user {
        Some(user) => view! {
            <div class="user-menu" id="user-menu">
                <a href=app_url("/account") class="user-name" title=format!("role: {}", user.role)>
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
        None => view! { <a href=app_url("/login") id="sign-in">"Sign in"</a> }.into_any(),
    }
}
