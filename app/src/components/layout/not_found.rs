use leptos::prelude::*;

use crate::base_path::app_url;

/// Shown for unknown paths; the server answers with status 404.
#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <section class="not-found">
            <h1>"Page not found"</h1>
            <p><a href=app_url("/")>"Back to the dashboard"</a></p>
        </section>
    }
}
