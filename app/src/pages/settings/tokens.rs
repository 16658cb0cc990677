use leptos::prelude::*;
use leptos_meta::Title;

use super::SettingsNav;
use super::users::RoleSelect;
use crate::api::tokens::{CreateApiToken, RevokeApiToken, list_api_tokens};
use crate::components::auth::FormError;
use crate::components::form::ActionForm;
use crate::types::{ApiTokenSummary, MAX_TOKEN_DAYS, Role};

/// Settings → API tokens (admins): create (shown once), list, revoke.
#[component]
pub fn ApiTokensPage() -> impl IntoView {
    let create = ServerAction::<CreateApiToken>::new();
    let revoke = ServerAction::<RevokeApiToken>::new();
    let tokens = Resource::new(
        move || (create.version().get(), revoke.version().get()),
        |_| list_api_tokens(),
    );
    let created = move || create.value().get().and_then(Result::ok);
    view! {
        <Title text="API tokens · IPMI Monitor"/>
        <h1>"Settings"</h1>
        <SettingsNav/>
        <section class="card">
            <h2>"New API token"</h2>
            <ActionForm action=create>
                <div class="form-grid" id="add-token-form">
                    <label for="token-name">"Name"</label>
                    <input id="token-name" type="text" name="name" placeholder="e.g. grafana, ansible" required/>
                    <label for="token-role">"Role"</label>
                    <RoleSelect id="token-role" selected=Role::Viewer/>
                    <label for="token-days">"Expires after (days)"</label>
                    <input id="token-days" type="number" name="expires_in_days" min="0" max=MAX_TOKEN_DAYS.to_string() placeholder="never"/>
                    <span></span>
                    <button type="submit" class="primary">"Create token"</button>
                </div>
            </ActionForm>
            <FormError result=create.value().into()/>
            {move || created().map(|c| view! {
                <div class="token-once" id="new-token">
                    <p>"Copy this token now; it is not shown again:"</p>
                    <pre><code>{c.token}</code></pre>
                    <p class="hint">"Send it as "<code>"Authorization: Bearer <token>"</code>"."</p>
                </div>
            })}
        </section>
        <section class="card">
            <h2>"Tokens"</h2>
            <Transition fallback=|| view! { <p class="loading">"Loading tokens…"</p> }>
                {move || Suspend::new(async move {
                    match tokens.await {
                        Ok(rows) if rows.is_empty() => view! { <p id="no-tokens">"No API tokens yet."</p> }.into_any(),
                        Ok(rows) => view! { <TokenTable rows revoke/> }.into_any(),
                        Err(err) => view! { <p class="error">{err.to_string()}</p> }.into_any(),
                    }
                })}
            </Transition>
            <FormError result=revoke.value().into()/>
        </section>
    }
}

#[component]
fn TokenTable(rows: Vec<ApiTokenSummary>, revoke: ServerAction<RevokeApiToken>) -> impl IntoView {
    view! {
        <table class="data" id="token-table">
            <thead>
                <tr><th>"Name"</th><th>"Role"</th><th>"Created"</th><th>"Expires"</th><th>"Last used"</th><th>"State"</th><th></th></tr>
            </thead>
            <tbody>
                {rows
                    .into_iter()
                    .map(|t| {
                        let revoked = t.revoked_at.is_some();
                        view! {
                            <tr data-token=t.name.clone()>
                                <td>{t.name.clone()}</td>
                                <td>{t.role.as_str()}</td>
                                <td>{t.created_at.clone()}" by "{t.created_by.clone()}</td>
                                <td>{t.expires_at.clone().unwrap_or_else(|| "never".to_owned())}</td>
                                <td>{t.last_used_at.clone().unwrap_or_else(|| "never".to_owned())}</td>
                                <td>{if revoked { "revoked" } else { "active" }}</td>
                                <td>
                                    <Show when=move || !revoked>
                                        <ActionForm action=revoke>
                                            <input type="hidden" name="id" value=t.id.0.to_string()/>
                                            <button type="submit" class="danger">"Revoke"</button>
                                        </ActionForm>
                                    </Show>
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}
