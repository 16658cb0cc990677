//! Settings → Servers: the fleet's servers with every setting; add, edit (`?edit=ID`, so an
//! edit is a link and works without JavaScript), deprecate, restore, delete, purge; import
//! with a preview; CSV export.

mod import;
mod table;

use leptos::prelude::*;

use crate::base_path::app_url;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::SettingsNav;
use crate::api::fleet::{
    AddServer, DeleteServer, DeprecateServer, EditServer, ImportServers, PurgeDeprecatedServers,
    RestoreServer, list_managed_servers,
};
use crate::components::auth::FormError;
use crate::components::fleet::ServerForm;
use crate::components::form::ActionForm;
use import::ImportSection;
use table::{ServerTable, TableActions};

#[component]
pub fn ServersSettingsPage() -> impl IntoView {
    let add = ServerAction::<AddServer>::new();
    let edit = ServerAction::<EditServer>::new();
    let actions = TableActions {
        deprecate: ServerAction::<DeprecateServer>::new(),
        restore: ServerAction::<RestoreServer>::new(),
        delete: ServerAction::<DeleteServer>::new(),
    };
    let purge = ServerAction::<PurgeDeprecatedServers>::new();
    let import = ServerAction::<ImportServers>::new();
    let servers = Resource::new(
        move || {
            (
                add.version().get(),
                edit.version().get(),
                actions.deprecate.version().get(),
                actions.restore.version().get(),
                actions.delete.version().get(),
                purge.version().get(),
                import.version().get(),
            )
        },
        |_| list_managed_servers(),
    );
    let query = use_query_map();
    let editing = move || query.read().get("edit").and_then(|v| v.parse::<i64>().ok());
    view! {
        <Title text="Servers · IPMI Monitor"/>
        <h1>"Settings"</h1>
        <SettingsNav/>
        <section class="card">
            <h2>"Servers"</h2>
            <p class="toolbar">
                <a class="button" href=app_url("/api/v1/servers/export.csv") download="servers.csv" id="export-servers">"Export CSV"</a>
            </p>
            <Transition fallback=|| view! { <p class="loading">"Loading servers…"</p> }>
                {move || Suspend::new(async move {
                    match servers.await {
                        Ok(rows) if rows.is_empty() => view! {
                            <p class="empty-state" id="no-servers">"No servers yet: add one below or import a list."</p>
                        }.into_any(),
                        Ok(rows) => view! { <ServerTable rows actions/> }.into_any(),
                        Err(err) => view! { <p class="error">{err.to_string()}</p> }.into_any(),
                    }
                })}
            </Transition>
            <FormError result=actions.deprecate.value().into()/>
            <FormError result=actions.restore.value().into()/>
            <FormError result=actions.delete.value().into()/>
        </section>
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                let rows = servers.await.unwrap_or_default();
                editing()
                    .and_then(|id| rows.into_iter().find(|s| s.id.0 == id))
                    .map(|server| view! {
                        <section class="card" id="edit-server">
                            <h2>{format!("Edit {}", server.name)}</h2>
                            <ActionForm action=edit>
                                <input type="hidden" name="id" value=server.id.0.to_string()/>
                                <ServerForm server=Some(server.clone())/>
                            </ActionForm>
                            <FormError result=edit.value().into()/>
                            <Show when=move || matches!(edit.value().get(), Some(Ok(())))>
                                <p class="ok">"Saved."</p>
                            </Show>
                        </section>
                    })
            })}
        </Transition>
        <section class="card" id="add-server">
            <h2>"Add a server"</h2>
            <ActionForm action=add>
                <ServerForm server=None/>
            </ActionForm>
            <FormError result=add.value().into()/>
            <Show when=move || matches!(add.value().get(), Some(Ok(_)))>
                <p class="ok">"Server added; the collector polls it within seconds."</p>
            </Show>
        </section>
        <ImportSection import/>
        <section class="card" id="purge-servers">
            <h2>"Purge deprecated servers"</h2>
            <p class="hint">"Deletes every deprecated server with its events and history. This cannot be undone."</p>
            <ActionForm action=purge>
                <input type="text" name="confirm" placeholder="type purge" aria-label="type purge to confirm" autocomplete="off"/>
                <button type="submit" class="danger">"Purge"</button>
            </ActionForm>
            <FormError result=purge.value().into()/>
            {move || purge.value().get().and_then(Result::ok).map(|names| view! {
                <p class="ok">{format!("Purged {} server(s).", names.len())}</p>
            })}
        </section>
    }
}
