use leptos::prelude::*;

use crate::base_path::app_url;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::auth::{Login, get_auth_state};
use crate::components::auth::FormError;
use crate::components::form::ActionForm;

/// Sign in. Works without JavaScript (a plain form post); `?next=` is where to go afterwards.
#[component]
pub fn LoginPage() -> impl IntoView {
    let login = ServerAction::<Login>::new();
    let query = use_query_map();
    let next = move || query.read().get("next").unwrap_or_else(|| "/".to_owned());
    let state = Resource::new(|| (), |_| get_auth_state());
    Effect::new(move |_| {
        if matches!(login.value().get(), Some(Ok(_))) {
            crate::navigation::reload_at(&crate::url::local_path(&next()));
        }
    });
    view! {
        <Title text="Sign in · IPMI Monitor"/>
        <section class="card auth-card">
            <h1>"Sign in"</h1>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match state.await {
                        Ok(s) if s.needs_setup => view! {
                            <p id="needs-setup">"No user exists yet. "<a href=app_url("/setup")>"Create the first admin"</a>"."</p>
                        }
                        .into_any(),
                        Ok(s) => s
                            .current
                            .map(|user| view! {
                                <p id="signed-in-as">"Signed in as "<strong>{user.name}</strong>"."</p>
                            })
                            .into_any(),
                        Err(err) => view! { <p class="error">{err.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
            <ActionForm action=login>
                <div class="form-grid" id="login-form">
                    <label for="login-username">"User name"</label>
                    <input id="login-username" type="text" name="username" autocomplete="username" required autofocus/>
                    <label for="login-password">"Password"</label>
                    <input id="login-password" type="password" name="password" autocomplete="current-password" required/>
                    <input type="hidden" name="next" value=next/>
                    <span></span>
                    <button type="submit" class="primary" id="login-submit">"Sign in"</button>
                </div>
            </ActionForm>
            <FormError result=login.value().into()/>
        </section>
    }
}
