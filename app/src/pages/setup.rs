use leptos::prelude::*;

use crate::base_path::app_url;
use leptos_meta::Title;

use crate::api::auth::{SetupFirstAdmin, get_auth_state};
use crate::components::auth::FormError;
use crate::components::form::ActionForm;
use crate::types::MIN_PASSWORD_LEN;

/// First run: create the first admin. Once anyone exists this page only points to sign-in.
#[component]
pub fn SetupPage() -> impl IntoView {
    let setup = ServerAction::<SetupFirstAdmin>::new();
    let state = Resource::new(|| (), |_| get_auth_state());
    Effect::new(move |_| {
        if matches!(setup.value().get(), Some(Ok(_))) {
            crate::navigation::reload_at("/");
        }
    });
    view! {
        <Title text="Set up · IPMI Monitor"/>
        <section class="card auth-card">
            <h1>"Set up IPMI Monitor"</h1>
            <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match state.await {
                        Ok(s) if s.needs_setup => view! {
                            <p>"Create the first administrator. There is no default password: this account is the only way in."</p>
                            <ActionForm action=setup>
                                <div class="form-grid" id="setup-form">
                                    <label for="setup-username">"User name"</label>
                                    <input id="setup-username" type="text" name="username" value="admin" autocomplete="username" required/>
                                    <label for="setup-password">"Password"</label>
                                    <input id="setup-password" type="password" name="password" autocomplete="new-password" minlength=MIN_PASSWORD_LEN.to_string() required/>
                                    <label for="setup-confirm">"Password again"</label>
                                    <input id="setup-confirm" type="password" name="confirm" autocomplete="new-password" required/>
                                    <span></span>
                                    <button type="submit" class="primary" id="setup-submit">"Create admin and sign in"</button>
                                </div>
                            </ActionForm>
                            <p class="hint">{format!("At least {MIN_PASSWORD_LEN} characters.")}</p>
                        }
                        .into_any(),
                        Ok(_) => view! {
                            <p id="setup-done">"Set-up is done. "<a href=app_url("/login")>"Sign in"</a>"."</p>
                        }
                        .into_any(),
                        Err(err) => view! { <p class="error">{err.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
            <FormError result=setup.value().into()/>
        </section>
    }
}
