use leptos::prelude::*;

use crate::base_path::app_url;

use crate::api::fleet::{DeleteServer, DeprecateServer, RestoreServer};
use crate::components::form::ActionForm;
use crate::types::ManagedServer;

/// The row actions of the server table.
#[derive(Clone, Copy)]
pub struct TableActions {
    pub deprecate: ServerAction<DeprecateServer>,
    pub restore: ServerAction<RestoreServer>,
    pub delete: ServerAction<DeleteServer>,
}

#[component]
pub fn ServerTable(rows: Vec<ManagedServer>, actions: TableActions) -> impl IntoView {
    view! {
        <table class="data" id="server-table">
            <thead>
                <tr>
                    <th>"Name"</th><th>"BMC"</th><th>"OS"</th><th>"Tags"</th><th>"Login"</th>
                    <th>"State"</th><th></th><th></th>
                </tr>
            </thead>
            <tbody>
                {rows.into_iter().map(|s| view! { <ServerRow server=s actions/> }).collect_view()}
            </tbody>
        </table>
    }
}

#[component]
fn ServerRow(server: ManagedServer, actions: TableActions) -> impl IntoView {
    let id = server.id.0.to_string();
    let state = if server.is_deprecated() {
        match &server.deprecated_reason {
            Some(reason) => format!("deprecated: {reason}"),
            None => "deprecated".to_owned(),
        }
    } else if server.enabled {
        "polled".to_owned()
    } else {
        "not polled".to_owned()
    };
    let form_id = id.clone();
    let lifecycle_form = if server.is_deprecated() {
        view! {
            <ActionForm action=actions.restore>
                <input type="hidden" name="id" value=form_id/>
                <button type="submit">"Restore"</button>
            </ActionForm>
        }
        .into_any()
    } else {
        view! {
            <ActionForm action=actions.deprecate>
                <input type="hidden" name="id" value=form_id/>
                <input type="text" name="reason" placeholder="reason" aria-label="reason for deprecating"/>
                <button type="submit">"Deprecate"</button>
            </ActionForm>
        }
        .into_any()
    };
    let name = server.name.clone();
    let deprecated = server.is_deprecated();
    let bmc = format!("{}:{}", server.bmc_address, server.bmc_port);
    let os = server.os_address.clone().unwrap_or_default();
    let tags = server.tags.join(", ");
    let login = server
        .login_override
        .clone()
        .map_or("default".to_owned(), |u| format!("own: {u}"));
    let page = app_url(&format!("/servers/{id}"));
    let edit = app_url(&format!("/settings/servers?edit={id}#edit-server"));
    let confirm_label = format!("type {name} to delete it");
    let row_key = name.clone();
    view! {
        <tr data-server=row_key class:deprecated=deprecated>
            <td><a href=page>{name}</a></td>
            <td>{bmc}</td>
            <td>{os}</td>
            <td>{tags}</td>
            <td>{login}</td>
            <td>{state}</td>
            <td><a class="button" href=edit>"Edit"</a></td>
            <td>
                {lifecycle_form}
                <ActionForm action=actions.delete>
                    <input type="hidden" name="id" value=id/>
                    <input type="text" name="confirm_name" placeholder="type the name to delete" aria-label=confirm_label autocomplete="off"/>
                    <button type="submit" class="danger">"Delete"</button>
                </ActionForm>
            </td>
        </tr>
    }
}
