//! The HTML document and the router: every page shares the navigation bar.

use leptos::prelude::*;
use leptos_meta::{MetaTags, Stylesheet, Title, provide_meta_context};
use leptos_router::{
    SsrMode,
    components::{Route, Router, Routes},
    path,
};

use crate::base_path::{BASE_PATH_META, use_base_path};
use crate::components::layout::{NavBar, NotFound};
use crate::live::provide_live_connection;
use crate::pages::{
    AccountPage, ApiTokensPage, AuditLogPage, BackupPage, CredentialsPage, DashboardPage, DocsPage,
    EventsPage, GeneralSettingsPage, LoginPage, ServerPage, ServersSettingsPage, SetupPage,
    UsersPage,
};

/// The document around the app. The inline script applies the remembered theme before the
/// first paint, so a dark-theme user never sees a white flash while the wasm loads. The base
/// path (from the render's context) goes into a `<meta>` for the browser build and prefixes
/// the scripts.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let base = use_base_path();
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name=BASE_PATH_META content=base.as_str().to_owned()/>
                <script>{THEME_BOOTSTRAP}</script>
                <HydrationScripts options root=base.as_str().to_owned()/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

const THEME_BOOTSTRAP: &str = "try{var t=localStorage.getItem('theme');if(t)document.documentElement.dataset.theme=t;}catch(e){}";

/// The application: navigation plus one route per page.
///
/// Pages render in `Async` mode: the server waits for the data before sending the page, so the
/// HTML is complete without JavaScript (out-of-order streaming would leave the data in
/// `<template>`s that only a script moves into place).
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_live_connection();
    crate::components::auth::provide_identity();
    let base = use_base_path();

    view! {
        <Stylesheet id="app-style" href=base.url(&format!("/pkg/{}.css", crate::OUTPUT_NAME))/>
        <Title text="IPMI Monitor"/>
        <Router base=base.as_str().to_owned()>
            <NavBar/>
            <main class="page">
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=path!("") view=DashboardPage ssr=SsrMode::Async/>
                    <Route path=path!("/events") view=EventsPage ssr=SsrMode::Async/>
                    <Route path=path!("/servers/:id") view=ServerPage ssr=SsrMode::Async/>
                    <Route path=path!("/settings") view=GeneralSettingsPage ssr=SsrMode::Async/>
                    <Route path=path!("/settings/servers") view=ServersSettingsPage ssr=SsrMode::Async/>
                    <Route path=path!("/settings/credentials") view=CredentialsPage ssr=SsrMode::Async/>
                    <Route path=path!("/settings/users") view=UsersPage ssr=SsrMode::Async/>
                    <Route path=path!("/settings/tokens") view=ApiTokensPage ssr=SsrMode::Async/>
                    <Route path=path!("/settings/audit") view=AuditLogPage ssr=SsrMode::Async/>
                    <Route path=path!("/settings/backup") view=BackupPage ssr=SsrMode::Async/>
                    <Route path=path!("/account") view=AccountPage ssr=SsrMode::Async/>
                    <Route path=path!("/login") view=LoginPage ssr=SsrMode::Async/>
                    <Route path=path!("/setup") view=SetupPage ssr=SsrMode::Async/>
                    <Route path=path!("/docs") view=DocsPage ssr=SsrMode::Async/>
                </Routes>
            </main>
        </Router>
    }
}
