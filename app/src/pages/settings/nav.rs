use leptos::prelude::*;
use leptos_router::components::A;

/// The tabs of the settings pages.
#[component]
pub fn SettingsNav() -> impl IntoView {
    view! {
        <nav class="tabs" aria-label="Settings">
            <A href="/settings" exact=true>"General"</A>
            <A href="/settings/servers">"Servers"</A>
            <A href="/settings/credentials">"Credentials"</A>
            <A href="/settings/users">"Users"</A>
            <A href="/settings/tokens">"API tokens"</A>
            <A href="/settings/audit">"Audit log"</A>
            <A href="/settings/backup">"Backup"</A>
        </nav>
    }
}
