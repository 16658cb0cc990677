use leptos::prelude::*;
use leptos_meta::Title;

use super::SettingsNav;
use crate::api::system::get_system_info;

/// Settings → General: what this installation is and where it keeps its data.
#[component]
pub fn GeneralSettingsPage() -> impl IntoView {
    let info = Resource::new(|| (), |_| get_system_info());
    view! {
        <Title text="Settings · IPMI Monitor"/>
        <h1>"Settings"</h1>
        <SettingsNav/>
        <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match info.await {
                    Ok(info) => view! {
                        <section class="card">
                            <h2>"This installation"</h2>
                            <dl class="facts" id="system-info">
                                <dt>"Version"</dt><dd>{info.version}</dd>
                                <dt>"Commit"</dt><dd>{info.git_commit}</dd>
                                <dt>"Built"</dt><dd>{info.build_time}</dd>
                                <dt>"Database"</dt><dd>{info.database_kind}</dd>
                                <dt>"Data directory"</dt><dd><code>{info.data_dir}</code></dd>
                                <dt>"Listening on"</dt><dd><code>{info.listen}</code></dd>
                            </dl>
                        </section>
                    }
                    .into_any(),
                    Err(err) => view! { <p class="error">{err.to_string()}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}
