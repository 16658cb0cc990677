//! Settings → Credentials: the default BMC login; pick servers (all, all shown by the filter,
//! all without their own login) and give them a login in one go, or test the logins they
//! would use, live, with a progress bar and a result per server. Passwords are write-only.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};

use leptos::prelude::*;
use leptos_meta::Title;

use super::SettingsNav;
use crate::api::control::test_server_login;
use crate::api::credentials::{
    ApplyLoginToServers, ClearServerLogin, SetDefaultLogin, get_default_login,
};
use crate::api::fleet::list_managed_servers;
use crate::components::auth::{FormError, RequireRole};
use crate::components::form::ActionForm;
use crate::types::{LoginOutcome, LoginTestResult, ManagedServer, Role};

/// Logins tested at once from the browser.
const TESTS_IN_FLIGHT: usize = 8;

#[component]
pub fn CredentialsPage() -> impl IntoView {
    view! {
        <Title text="Credentials · IPMI Monitor"/>
        <h1>"Settings"</h1>
        <SettingsNav/>
        <RequireRole role=Role::Operator>
            <Credentials/>
        </RequireRole>
    }
}

#[component]
fn Credentials() -> impl IntoView {
    let set_default = ServerAction::<SetDefaultLogin>::new();
    let apply = ServerAction::<ApplyLoginToServers>::new();
    let clear = ServerAction::<ClearServerLogin>::new();
    let default_login = Resource::new(move || set_default.version().get(), |_| get_default_login());
    let servers = Resource::new(
        move || (apply.version().get(), clear.version().get()),
        |_| list_managed_servers(),
    );
    view! {
        <section class="card" id="default-login">
            <h2>"Default login"</h2>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let text = match default_login.await {
                        Ok(login) => match login.username {
                            Some(user) => format!("{user}, password set"),
                            None => "none yet: servers without their own login cannot be polled".to_owned(),
                        },
                        Err(err) => err.to_string(),
                    };
                    view! { <p id="default-login-state">"Used by every server without its own login: "{text}</p> }
                })}
            </Suspense>
            <ActionForm action=set_default>
                <div class="form-grid">
                    <label for="default-user">"User"</label>
                    <input id="default-user" type="text" name="username" autocomplete="off" required/>
                    <label for="default-password">"Password"</label>
                    <input id="default-password" type="password" name="password" autocomplete="new-password" required/>
                    <span></span>
                    <button type="submit" class="primary">"Set default login"</button>
                </div>
            </ActionForm>
            <FormError result=set_default.value().into()/>
        </section>
        <Transition fallback=|| view! { <p class="loading">"Loading servers…"</p> }>
            {move || Suspend::new(async move {
                match servers.await {
                    Ok(list) if list.is_empty() => view! {
                        <p class="empty-state">"No servers yet: add or import them under Settings → Servers."</p>
                    }.into_any(),
                    Ok(list) => view! { <Bulk servers=list apply clear/> }.into_any(),
                    Err(err) => view! { <p class="error">{err.to_string()}</p> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// Whether the filter text matches the server's name, address or a tag.
fn matches(server: &ManagedServer, filter: &str) -> bool {
    let filter = filter.trim().to_lowercase();
    filter.is_empty()
        || server.name.to_lowercase().contains(&filter)
        || server.bmc_address.contains(&filter)
        || server
            .tags
            .iter()
            .any(|t| t.to_lowercase().contains(&filter))
}

#[component]
fn Bulk(
    servers: Vec<ManagedServer>,
    apply: ServerAction<ApplyLoginToServers>,
    clear: ServerAction<ClearServerLogin>,
) -> impl IntoView {
    let servers = StoredValue::new(servers);
    let selected = RwSignal::new(HashSet::<i64>::new());
    let filter = RwSignal::new(String::new());
    let results = RwSignal::new(HashMap::<i64, LoginTestResult>::new());
    let progress = RwSignal::new((0usize, 0usize));
    let select = move |pick: fn(&ManagedServer, &str) -> bool| {
        let text = filter.get_untracked();
        let ids = servers.with_value(|all| {
            all.iter()
                .filter(|s| pick(s, &text))
                .map(|s| s.id.0)
                .collect::<HashSet<_>>()
        });
        selected.set(ids);
    };
    let ids_text = move || {
        let mut ids: Vec<i64> = selected.get().into_iter().collect();
        ids.sort_unstable();
        ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
    };
    let run_tests = move |_| {
        let mut ids: Vec<i64> = selected.get_untracked().into_iter().collect();
        ids.sort_unstable();
        ids.reverse();
        progress.set((0, ids.len()));
        results.set(HashMap::new());
        let queue = Arc::new(Mutex::new(ids));
        for _ in 0..TESTS_IN_FLIGHT {
            let queue = queue.clone();
            leptos::task::spawn_local(async move {
                loop {
                    let next = queue.lock().ok().and_then(|mut q| q.pop());
                    let Some(id) = next else { break };
                    if let Ok(result) = test_server_login(id, None, None).await {
                        results.update(|r| {
                            r.insert(id, result);
                        });
                    }
                    progress.update(|p| p.0 += 1);
                }
            });
        }
    };
    let count = move || selected.with(HashSet::len);
    let testing = move || progress.get().1 != 0;
    // Each part is type-erased (`into_any`): as one view, the page's type nests too deep
    // for the compiler's query depth limit in the wasm release build.
    let table = view! {
        <section class="card" id="bulk-logins">
            <h2>"Servers"</h2>
            <div class="filters">
                <input type="search" id="login-filter" placeholder="filter by name, address or tag" aria-label="filter servers"
                    prop:value=move || filter.get() on:input=move |ev| filter.set(event_target_value(&ev))/>
                <button type="button" id="select-all" on:click=move |_| select(|_, _| true)>"Select all"</button>
                <button type="button" id="select-filtered" on:click=move |_| select(matches)>"Select shown"</button>
                <button type="button" id="select-without-login" on:click=move |_| select(|s, _| s.login_override.is_none())>"Select those without own login"</button>
                <button type="button" on:click=move |_| selected.set(HashSet::new())>"Clear selection"</button>
                <span id="selected-count">{move || format!("{} selected", count())}</span>
            </div>
            <table class="data" id="login-table">
                <thead><tr><th></th><th>"Server"</th><th>"BMC"</th><th>"Login"</th><th>"Test"</th><th></th></tr></thead>
                <tbody>
                    {servers.get_value().into_iter().map(|s| {
                        let id = s.id.0;
                        let name = s.name.clone();
                        let shown = {
                            let s = s.clone();
                            move || matches(&s, &filter.get())
                        };
                        let own = s.login_override.clone();
                        view! {
                            <tr data-server=name.clone() class:hidden=move || !shown()>
                                <td><input type="checkbox" aria-label=format!("select {name}")
                                    prop:checked=move || selected.with(|set| set.contains(&id))
                                    on:change=move |_| selected.update(|set| { if !set.remove(&id) { set.insert(id); } })/></td>
                                <td>{s.name.clone()}</td>
                                <td>{format!("{}:{}", s.bmc_address, s.bmc_port)}</td>
                                <td>{own.clone().map_or("default".to_owned(), |u| format!("own: {u}, password set"))}</td>
                                <td class="login-result">{move || results.with(|r| r.get(&id).map(|r| view! { <TestCell result=r.clone()/> }))}</td>
                                <td>{own.map(|_| view! {
                                    <ActionForm action=clear>
                                        <input type="hidden" name="id" value=id.to_string()/>
                                        <button type="submit">"Use default"</button>
                                    </ActionForm>
                                })}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            <FormError result=clear.value().into()/>
        </section>
    }
    .into_any();
    let tests = view! {
        <section class="card" id="test-logins">
            <h2>"Test the selected servers' logins"</h2>
            <p class="hint">"Logs in to each selected BMC now with the login it would use. Nothing is changed."</p>
            <button type="button" id="run-login-tests" disabled=move || count() == 0 on:click=run_tests>"Test logins"</button>
            <Show when=testing>
                <div class="progress" role="progressbar" id="login-test-progress"
                    aria-valuemin="0" aria-valuemax=move || progress.get().1.to_string() aria-valuenow=move || progress.get().0.to_string()>
                    <span style=move || { let (done, total) = progress.get(); format!("width: {}%", done * 100 / total.max(1)) }></span>
                </div>
                <p id="login-test-summary">{move || summary(progress.get(), &results.get())}</p>
            </Show>
        </section>
    }
    .into_any();
    let apply_form = view! {
        <section class="card" id="apply-login">
            <h2>"Give the selected servers their own login"</h2>
            <ActionForm action=apply>
                <input type="hidden" name="ids" prop:value=ids_text/>
                <div class="form-grid">
                    <label for="bulk-user">"User"</label>
                    <input id="bulk-user" type="text" name="username" autocomplete="off"/>
                    <label for="bulk-password">"Password"</label>
                    <input id="bulk-password" type="password" name="password" autocomplete="new-password"/>
                    <label for="bulk-overwrite">"Overwrite"</label>
                    <label><input id="bulk-overwrite" type="checkbox" name="overwrite" value="on"/>" replace logins servers already have"</label>
                    <span></span>
                    <button type="submit" class="primary" id="apply-login-submit">{move || format!("Apply to {} server(s)", count())}</button>
                </div>
            </ActionForm>
            <FormError result=apply.value().into()/>
            {move || apply.value().get().and_then(Result::ok).map(|changes| view! {
                <ul id="apply-results">
                    {changes.into_iter().map(|c| view! { <li data-outcome=c.outcome.clone()>{format!("{}: {}", c.server_name, c.outcome)}</li> }).collect_view()}
                </ul>
            })}
        </section>
    }
    .into_any();
    view! { {table} {tests} {apply_form} }
}

fn summary((done, total): (usize, usize), results: &HashMap<i64, LoginTestResult>) -> String {
    let ok = results
        .values()
        .filter(|r| r.outcome == LoginOutcome::Ok)
        .count();
    format!(
        "{done} of {total} tested: {ok} ok, {} failed",
        done.saturating_sub(ok)
    )
}

#[component]
fn TestCell(result: LoginTestResult) -> impl IntoView {
    let class = if result.outcome == LoginOutcome::Ok {
        "ok"
    } else {
        "error"
    };
    view! {
        <span class=class data-outcome=format!("{:?}", result.outcome) title=result.message.clone().unwrap_or_default()>
            {format!("{} · {} ms", result.outcome.label(), result.latency_ms)}
        </span>
    }
}
