use leptos::prelude::*;
use leptos_router::components::A;

use super::{LiveIndicator, ThemeToggle};
use crate::components::auth::UserMenu;

/// Top navigation: the four pages, the live indicator, the theme switch and who is
/// signed in.
#[component]
pub fn NavBar() -> impl IntoView {
    view! {
        <header class="nav-bar">
            <a class="brand" href="/">"IPMI Monitor"</a>
            <nav aria-label="Main">
                <A href="/">"Dashboard"</A>
                <A href="/events">"Events"</A>
                <A href="/settings">"Settings"</A>
                <A href="/docs">"Docs"</A>
            </nav>
            <div class="nav-tools">
                <LiveIndicator/>
                <ThemeToggle/>
                <UserMenu/>
            </div>
        </header>
    }
}
