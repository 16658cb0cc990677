use leptos::prelude::*;

use crate::api::fleet::{ImportServers, PreviewServerImport, preview_server_import};
use crate::components::auth::FormError;
use crate::components::form::ActionForm;
use crate::import::RowError;
use crate::types::{ImportPreview, ImportSummary};

/// Paste or upload a server list; Preview shows each row and each problem (with its line)
/// before anything is written; Import writes all rows or none. Without JavaScript the form
/// still imports (problems come back as the form's error).
#[component]
pub fn ImportSection(import: ServerAction<ImportServers>) -> impl IntoView {
    let preview = ServerAction::<PreviewServerImport>::new();
    let text = RwSignal::new(String::new());
    let format = RwSignal::new(String::new());
    let run_preview = move |_| {
        preview.dispatch(PreviewServerImport {
            text: text.get_untracked().into(),
            format: Some(format.get_untracked()),
        });
    };
    // Keep the action's type in use on the server build, where `dispatch` is never called.
    let _ = preview_server_import;
    view! {
        <section class="card" id="import-servers">
            <h2>"Import servers"</h2>
            <p class="hint">
                "CSV with a header (name, bmc_address or bmc_ip, bmc_port, username, password, os_address, tags, …), JSON, YAML or INI, including the Python ipmi-monitor's files. A known name updates that server; a new one adds it."
            </p>
            <ActionForm action=import>
                <div class="form-grid">
                    <label for="import-file">"File"</label>
                    <input id="import-file" type="file" accept=".csv,.json,.yaml,.yml,.ini,.txt"
                        on:change=move |ev| load_file(ev, text)/>
                    <label for="import-format">"Format"</label>
                    <select id="import-format" name="format" on:change=move |ev| format.set(event_target_value(&ev))>
                        <option value="">"detect"</option>
                        <option value="csv">"CSV"</option>
                        <option value="json">"JSON"</option>
                        <option value="yaml">"YAML"</option>
                        <option value="ini">"INI"</option>
                    </select>
                    <label for="import-text">"Servers"</label>
                    <textarea id="import-text" name="text" rows="8" spellcheck="false"
                        placeholder="name,bmc_address,username,password&#10;gpu-01,10.0.0.11,admin,…"
                        prop:value=move || text.get()
                        on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                    <span></span>
                    <div class="buttons">
                        <button type="button" id="preview-import" on:click=run_preview>"Preview"</button>
                        <button type="submit" class="primary" id="run-import">"Import"</button>
                    </div>
                </div>
            </ActionForm>
            <FormError result=import.value().into()/>
            {move || import.value().get().and_then(Result::ok).map(|s| view! {
                <p class="ok" id="import-done">{format!("Imported: {}.", describe(&s))}</p>
            })}
            <FormError result=preview.value().into()/>
            {move || preview.value().get().and_then(Result::ok).map(|p| view! { <PreviewTable preview=p/> })}
        </section>
    }
}

fn describe(s: &ImportSummary) -> String {
    format!(
        "{} added, {} updated, {} unchanged, {} login(s) set",
        s.created, s.updated, s.unchanged, s.credentials_set
    )
}

#[component]
fn PreviewTable(preview: ImportPreview) -> impl IntoView {
    let verdict = match &preview.outcome {
        Some(outcome) => format!(
            "Read as {}: {} server(s); importing would give {}.",
            preview.format.to_uppercase(),
            preview.rows.len(),
            describe(outcome)
        ),
        None => format!(
            "Read as {}: {} problem(s); nothing would be imported until they are fixed.",
            preview.format.to_uppercase(),
            preview.errors.len()
        ),
    };
    view! {
        <div id="import-preview">
            <p class=if preview.errors.is_empty() { "ok" } else { "error" }>{verdict}</p>
            <Problems id="import-errors" kind="error" problems=preview.errors/>
            <Problems id="import-warnings" kind="warning" problems=preview.warnings/>
            <table class="data" id="import-rows">
                <thead>
                    <tr><th>"Line"</th><th>"Name"</th><th>"BMC"</th><th>"OS"</th><th>"Tags"</th><th>"Login"</th></tr>
                </thead>
                <tbody>
                    {preview.rows.into_iter().map(|r| view! {
                        <tr>
                            <td>{r.line}</td>
                            <td>{r.name}</td>
                            <td>{format!("{}:{}", r.bmc_address, r.bmc_port)}</td>
                            <td>{r.os_address.unwrap_or_default()}</td>
                            <td>{r.tags.join(", ")}</td>
                            <td>{match (r.username, r.password_set) {
                                (Some(user), true) => format!("{user}, password set"),
                                (Some(user), false) => user,
                                (None, true) => "password set".to_owned(),
                                (None, false) => "default".to_owned(),
                            }}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn Problems(id: &'static str, kind: &'static str, problems: Vec<RowError>) -> impl IntoView {
    (!problems.is_empty()).then(|| {
        view! {
            <ul id=id class=format!("problems {kind}")>
                {problems.into_iter().map(|p| view! {
                    <li>{format!("line {}", p.line)}{p.field.map(|f| format!(" · {f}"))}": "{p.message}</li>
                }).collect_view()}
            </ul>
        }
    })
}

/// Reads the chosen file into the text area (the browser only; the server never sees a file).
#[cfg(feature = "hydrate")]
fn load_file(ev: leptos::ev::Event, text: RwSignal<String>) {
    use wasm_bindgen::JsCast;

    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return;
    };
    let Some(file) = input.files().and_then(|files| files.get(0)) else {
        return;
    };
    leptos::task::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(file.text()).await {
            Ok(value) => text.set(value.as_string().unwrap_or_default()),
            Err(_) => text.set(String::new()),
        }
    });
}

#[cfg(not(feature = "hydrate"))]
fn load_file(_ev: leptos::ev::Event, _text: RwSignal<String>) {}
