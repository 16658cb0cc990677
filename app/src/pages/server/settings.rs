use leptos::prelude::*;

use super::actions::LoginResult;
use crate::api::control::TestServerLogin;
use crate::api::fleet::{EditServer, list_managed_servers};
use crate::components::auth::{FormError, RequireRole};
use crate::components::fleet::ServerForm;
use crate::components::form::ActionForm;
use crate::types::Role;

/// The server's settings (addresses, protocol, cipher suite, its own login) and a Test
/// button that tries a login before it is saved.
#[component]
pub fn SettingsTab(id: i64) -> impl IntoView {
    let edit = ServerAction::<EditServer>::new();
    let test = ServerAction::<TestServerLogin>::new();
    let server = Resource::new(
        move || edit.version().get(),
        move |_| async move {
            list_managed_servers()
                .await
                .map(|all| all.into_iter().find(|s| s.id.0 == id))
        },
    );
    view! {
        <RequireRole role=Role::Operator>
            <section class="card" id="server-settings">
                <h2>"Settings"</h2>
                <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
                    {move || Suspend::new(async move {
                        match server.await {
                            Ok(Some(server)) => view! {
                                <ActionForm action=edit>
                                    <input type="hidden" name="id" value=id.to_string()/>
                                    <ServerForm server=Some(server)/>
                                </ActionForm>
                            }.into_any(),
                            Ok(None) => view! { <p class="error">"No such server."</p> }.into_any(),
                            Err(err) => view! { <p class="error">{err.to_string()}</p> }.into_any(),
                        }
                    })}
                </Suspense>
                <FormError result=edit.value().into()/>
                <Show when=move || matches!(edit.value().get(), Some(Ok(())))>
                    <p class="ok">"Saved."</p>
                </Show>
            </section>
            <section class="card" id="test-login-form">
                <h2>"Test a login"</h2>
                <p class="hint">"Logs in to this BMC now with the login below (or, both empty, the stored one). Nothing is saved."</p>
                <ActionForm action=test>
                    <input type="hidden" name="id" value=id.to_string()/>
                    <div class="form-grid">
                        <label for="try-user">"User"</label>
                        <input id="try-user" type="text" name="username" autocomplete="off"/>
                        <label for="try-password">"Password"</label>
                        <input id="try-password" type="password" name="password" autocomplete="new-password"/>
                        <span></span>
                        <button type="submit">"Test"</button>
                    </div>
                </ActionForm>
                <FormError result=test.value().into()/>
                {move || test.value().get().and_then(Result::ok).map(|r| view! { <LoginResult result=r/> })}
            </section>
        </RequireRole>
    }
}
