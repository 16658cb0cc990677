use leptos::prelude::*;

use crate::base_path::app_url;
use leptos_meta::Title;

use super::SettingsNav;
use crate::api::backup::RestoreBackup;
use crate::components::auth::{FormError, RequireRole};
use crate::components::form::ActionForm;
use crate::types::{RestorePlan, Role};

/// Settings → Backup (admins): download a backup (secrets only sealed with a passphrase), and
/// restore one after a preview.
#[component]
pub fn BackupPage() -> impl IntoView {
    let preview = ServerAction::<RestoreBackup>::new();
    let restore = ServerAction::<RestoreBackup>::new();
    let previewed = move || preview.value().get().and_then(Result::ok);
    let restored = move || restore.value().get().and_then(Result::ok);
    view! {
        <Title text="Backup · IPMI Monitor"/>
        <h1>"Settings"</h1>
        <SettingsNav/>
        <RequireRole role=Role::Admin>
        <section class="card">
            <h2>"Download a backup"</h2>
            <p>"Servers, users (password hashes only) and API tokens (hashes only). BMC credentials only when you tick the box; they are then sealed with the passphrase you give, which the restore will ask for."</p>
            <form method="post" action=app_url("/api/backup") id="backup-form">
                <div class="form-grid">
                    <label for="backup-secrets">"Include BMC credentials"</label>
                    <input id="backup-secrets" type="checkbox" name="with_secrets"/>
                    <label for="backup-passphrase">"Passphrase"</label>
                    <input id="backup-passphrase" type="password" name="passphrase" autocomplete="new-password" placeholder="at least 12 characters"/>
                    <span></span>
                    <button type="submit" class="primary" id="backup-download">"Download backup"</button>
                </div>
            </form>
        </section>
        <section class="card">
            <h2>"Restore"</h2>
            <ActionForm action=preview>
                <div class="form-grid" id="restore-form">
                    <label for="restore-text">"Backup file (paste)"</label>
                    <textarea id="restore-text" name="text" rows="8" required></textarea>
                    <label for="restore-mode">"Mode"</label>
                    <select id="restore-mode" name="mode">
                        <option value="merge" selected>"merge: add and update, keep the rest"</option>
                        <option value="replace">"replace: afterwards exactly the backup"</option>
                    </select>
                    <label for="restore-passphrase">"Passphrase"</label>
                    <input id="restore-passphrase" type="password" name="passphrase" autocomplete="off" placeholder="only if the backup has credentials"/>
                    <input type="hidden" name="apply" value="false"/>
                    <span></span>
                    <button type="submit" id="restore-preview">"Preview"</button>
                </div>
            </ActionForm>
            <FormError result=preview.value().into()/>
            {move || previewed().map(|plan| {
                let input = preview.input().get();
                let (text, mode, passphrase) = input
                    .map(|i| {
                        let passphrase = i.passphrase.map(|p| p.expose().to_owned());
                        (i.text, i.mode, passphrase.unwrap_or_default())
                    })
                    .unwrap_or_default();
                view! {
                    <div id="restore-preview-result">
                        <PlanView plan/>
                        <ActionForm action=restore>
                            <input type="hidden" name="text" value=text/>
                            <input type="hidden" name="mode" value=mode/>
                            <input type="hidden" name="passphrase" value=passphrase/>
                            <input type="hidden" name="apply" value="true"/>
                            <button type="submit" class="danger" id="restore-apply">"Restore now"</button>
                        </ActionForm>
                    </div>
                }
            })}
            <FormError result=restore.value().into()/>
            {move || restored().map(|plan| view! {
                <div id="restore-done">
                    <p class="ok">"Restored."</p>
                    <PlanView plan/>
                </div>
            })}
        </section>
        </RequireRole>
    }
}

#[component]
fn PlanView(plan: RestorePlan) -> impl IntoView {
    view! {
        <dl class="facts restore-plan">
            <dt>"Servers"</dt>
            <dd>{format!("{} added, {} updated, {} unchanged, {} removed", plan.servers_added, plan.servers_updated, plan.servers_unchanged, plan.servers_removed)}</dd>
            <dt>"Users"</dt>
            <dd>{format!("{} added, {} updated, {} removed", plan.users_added, plan.users_updated, plan.users_removed)}</dd>
            <dt>"API tokens"</dt>
            <dd>{format!("{} added, {} removed", plan.tokens_added, plan.tokens_removed)}</dd>
            <dt>"Credentials"</dt>
            <dd>{format!("{} set", plan.credentials_set)}</dd>
        </dl>
        <ul class="warnings">
            {plan.warnings.into_iter().map(|w| view! { <li class="hint">{w}</li> }).collect_view()}
        </ul>
    }
}
