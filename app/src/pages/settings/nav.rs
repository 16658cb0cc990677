use leptos::prelude::*;

use crate::base_path::app_url;
use leptos_router::components::A;

/// The tabs of the settings pages.
#[component]
pub fn SettingsNav() -> impl IntoView {
    view! {
        <nav class="tabs" aria-label="Settings">
            <A href=app_url("/settings") exact=true>"General"</A>
            <A href=app_url("/settings/servers")>"Servers"</A>
            <A href=app_url("/settings/credentials")>"Credentials"</A>
            <A href=app_url("/settings/users")>"Users"</A>
            <A href=app_url("/settings/tokens")>"API tokens"</A>
            <A href=app_url("/settings/audit")>"Audit log"</A>
            <A href=app_url("/settings/backup")>"Backup"</A>
        </nav>
    }
}
