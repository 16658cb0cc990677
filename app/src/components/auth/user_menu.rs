use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::api::auth::{Logout, get_auth_state};

/// Who is signed in, with links to the account page and a sign-out button. Refetched on
/// every navigation, so it changes as soon as someone signs in or out.
#[component]
pub fn UserMenu() -> impl IntoView {
    let location = use_location();
    let state = Resource::new(move || location.pathname.get(), |_| get_auth_state());
    let logout = ServerAction::<Logout>::new();
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                match state.await.ok().and_then(|s| s.current) {
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
            })}
        </Transition>
    }
}
