use leptos::prelude::*;
use leptos_meta::Title;

use super::SettingsNav;
use crate::api::users::{CreateUser, DeleteUser, ResetUserPassword, SetUserRole, list_users};
use crate::components::auth::FormError;
use crate::components::form::ActionForm;
use crate::types::{MIN_PASSWORD_LEN, Role, UserSummary};

/// Settings → Users (admins): add users, change roles, reset passwords, remove users.
#[component]
pub fn UsersPage() -> impl IntoView {
    let create = ServerAction::<CreateUser>::new();
    let set_role = ServerAction::<SetUserRole>::new();
    let reset = ServerAction::<ResetUserPassword>::new();
    let delete = ServerAction::<DeleteUser>::new();
    let users = Resource::new(
        move || {
            (
                create.version().get(),
                set_role.version().get(),
                delete.version().get(),
            )
        },
        |_| list_users(),
    );
    view! {
        <Title text="Users · IPMI Monitor"/>
        <h1>"Settings"</h1>
        <SettingsNav/>
        <section class="card">
            <h2>"Users"</h2>
            <Transition fallback=|| view! { <p class="loading">"Loading users…"</p> }>
                {move || Suspend::new(async move {
                    match users.await {
                        Ok(rows) => view! { <UserTable rows set_role reset delete/> }.into_any(),
                        Err(err) => view! { <p class="error">{err.to_string()}</p> }.into_any(),
                    }
                })}
            </Transition>
            <FormError result=set_role.value().into()/>
            <FormError result=reset.value().into()/>
            <FormError result=delete.value().into()/>
            <Show when=move || matches!(reset.value().get(), Some(Ok(())))>
                <p class="ok">"Password set; that user's sessions were signed out."</p>
            </Show>
        </section>
        <section class="card">
            <h2>"Add a user"</h2>
            <ActionForm action=create>
                <div class="form-grid" id="add-user-form">
                    <label for="new-username">"User name"</label>
                    <input id="new-username" type="text" name="username" required/>
                    <label for="new-password">"Password"</label>
                    <input id="new-password" type="password" name="password" autocomplete="new-password" minlength=MIN_PASSWORD_LEN.to_string() required/>
                    <label for="new-role">"Role"</label>
                    <RoleSelect id="new-role" selected=Role::Viewer/>
                    <span></span>
                    <button type="submit" class="primary">"Add user"</button>
                </div>
            </ActionForm>
            <FormError result=create.value().into()/>
            <p class="hint">
                "Viewers read everything but secrets. Operators also run power actions and collections and edit servers and credentials. Admins also manage users, tokens and settings."
            </p>
        </section>
    }
}

#[component]
fn UserTable(
    rows: Vec<UserSummary>,
    set_role: ServerAction<SetUserRole>,
    reset: ServerAction<ResetUserPassword>,
    delete: ServerAction<DeleteUser>,
) -> impl IntoView {
    view! {
        <table class="data" id="user-table">
            <thead>
                <tr><th>"User"</th><th>"Role"</th><th>"Last sign-in"</th><th>"Password"</th><th></th></tr>
            </thead>
            <tbody>
                {rows
                    .into_iter()
                    .map(|user| {
                        let id = user.id.0;
                        view! {
                            <tr data-user=user.username.clone()>
                                <td>{user.username.clone()}</td>
                                <td>
                                    <ActionForm action=set_role>
                                        <input type="hidden" name="id" value=id.to_string()/>
                                        <RoleSelect id="" selected=user.role/>
                                        <button type="submit">"Set"</button>
                                    </ActionForm>
                                </td>
                                <td>{user.last_login_at.clone().unwrap_or_else(|| "never".to_owned())}</td>
                                <td>
                                    <ActionForm action=reset>
                                        <input type="hidden" name="id" value=id.to_string()/>
                                        <input type="password" name="password" placeholder="new password" aria-label="new password" autocomplete="new-password" required/>
                                        <button type="submit">"Reset"</button>
                                    </ActionForm>
                                </td>
                                <td>
                                    <ActionForm action=delete>
                                        <input type="hidden" name="id" value=id.to_string()/>
                                        <button type="submit" class="danger">"Remove"</button>
                                    </ActionForm>
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

/// A `<select name="role">` with the three roles.
#[component]
pub fn RoleSelect(id: &'static str, selected: Role) -> impl IntoView {
    view! {
        <select name="role" id=(!id.is_empty()).then_some(id) aria-label="role">
            {Role::ALL
                .into_iter()
                .map(|role| view! { <option value=role.as_str() selected=role == selected>{role.as_str()}</option> })
                .collect_view()}
        </select>
    }
}
