use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::types::AppError;

/// The error of a form: from the action (JavaScript on) or from `?error=` (a plain form post
/// that the server sent back to the page).
#[component]
pub fn FormError<T>(
    /// The action's last result.
    result: Signal<Option<Result<T, AppError>>>,
) -> impl IntoView
where
    T: Send + Sync + Clone + 'static,
{
    let query = use_query_map();
    let message = move || match result.get() {
        Some(Err(err)) => Some(err.to_string()),
        Some(Ok(_)) => None,
        None => query.read().get("error"),
    };
    view! {
        <Show when=move || message().is_some()>
            <p class="error form-error" role="alert">{message}</p>
        </Show>
    }
}
