use leptos::prelude::*;

use crate::base_path::app_url;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::auth::{ChangePassword, get_auth_state};
use crate::components::auth::FormError;
use crate::components::form::ActionForm;
use crate::types::MIN_PASSWORD_LEN;

/// Who I am, and changing my own password.
#[component]
pub fn AccountPage() -> impl IntoView {
    let change = ServerAction::<ChangePassword>::new();
    let state = Resource::new(|| (), |_| get_auth_state());
    let query = use_query_map();
    let changed = move || {
        matches!(change.value().get(), Some(Ok(()))) || query.read().get("changed").is_some()
    };
    view! {
        <Title text="Account · IPMI Monitor"/>
        <h1>"Account"</h1>
        <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match state.await.map(|s| s.current) {
                    Ok(Some(user)) => view! {
                        <section class="card">
                            <dl class="facts" id="account-facts">
                                <dt>"User"</dt><dd>{user.name.clone()}</dd>
                                <dt>"Role"</dt><dd>{user.role.as_str()}</dd>
                                <dt>"Signed in by"</dt><dd>{user.kind.clone()}</dd>
                            </dl>
                        </section>
                        <Show when=move || user.can_change_password>
                            <section class="card">
                                <h2>"Change password"</h2>
                                <ActionForm action=change>
                                    <div class="form-grid" id="password-form">
                                        <label for="pw-current">"Current password"</label>
                                        <input id="pw-current" type="password" name="current" autocomplete="current-password" required/>
                                        <label for="pw-new">"New password"</label>
                                        <input id="pw-new" type="password" name="new_password" autocomplete="new-password" minlength=MIN_PASSWORD_LEN.to_string() required/>
                                        <label for="pw-confirm">"New password again"</label>
                                        <input id="pw-confirm" type="password" name="confirm" autocomplete="new-password" required/>
                                        <span></span>
                                        <button type="submit" class="primary">"Change password"</button>
                                    </div>
                                </ActionForm>
                            </section>
                        </Show>
                    }
                    .into_any(),
                    Ok(None) => view! { <p><a href=app_url("/login")>"Sign in"</a></p> }.into_any(),
                    Err(err) => view! { <p class="error">{err.to_string()}</p> }.into_any(),
                }
            })}
        </Suspense>
        <Show when=changed>
            <p class="ok" id="password-changed">"Password changed. Your other sessions were signed out."</p>
        </Show>
        <FormError result=change.value().into()/>
    }
}
