use leptos::prelude::*;

use crate::base_path::app_url;
use leptos_router::components::A;

use super::{LiveIndicator, ThemeToggle};
use crate::components::auth::UserMenu;

/// Top navigation: the four pages, the live indicator, the theme switch and who is
/// signed in.
#[component]
pub fn NavBar() -> impl IntoView {
    view! {
        <header class="nav-bar">
            <a class="brand" href=app_url("/")>"IPMI Monitor"</a>
            <nav aria-label="Main">
                <A href=app_url("/") exact=true>"Dashboard"</A>
                <A href=app_url("/events")>"Events"</A>
                <A href=app_url("/settings")>"Settings"</A>
                <A href=app_url("/docs")>"Docs"</A>
            </nav>
            <div class="nav-tools">
                <LiveIndicator/>
                <ThemeToggle/>
                <UserMenu/>
            </div>
        </header>
    }
}
