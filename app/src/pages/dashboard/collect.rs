use leptos::prelude::*;

use crate::api::control::CollectNow as CollectNowFn;
use crate::components::auth::FormError;
use crate::components::form::ActionForm;
use crate::types::CollectionProgress;

/// "Collect now" for every server, with a progress bar fed by `/ws`.
#[component]
pub fn CollectNow(progress: RwSignal<Option<CollectionProgress>>) -> impl IntoView {
    let collect = ServerAction::<CollectNowFn>::new();
    let running = move || progress.get().is_some_and(|p| !p.finished());
    view! {
        <div class="collect-now">
            <ActionForm action=collect>
                <button type="submit" id="collect-all" disabled=running>"Collect now"</button>
            </ActionForm>
            <Show when=running>
                <ProgressBar progress id="collect-progress"/>
            </Show>
            <FormError result=collect.value().into()/>
        </div>
    }
}

/// Shown while servers that were never polled get their first collection (a fresh install
/// or an import): how many of them are done.
#[component]
pub fn InitialCollection(progress: RwSignal<Option<CollectionProgress>>) -> impl IntoView {
    let open = move || progress.get().is_some_and(|p| p.initial && !p.finished());
    view! {
        <Show when=open>
            <dialog open id="initial-collection" class="card">
                <h2>"First collection"</h2>
                <p>"Reading sensors, events and inventory from the new servers' BMCs for the first time."</p>
                <ProgressBar progress id="initial-progress"/>
            </dialog>
        </Show>
    }
}

#[component]
fn ProgressBar(progress: RwSignal<Option<CollectionProgress>>, id: &'static str) -> impl IntoView {
    let current = move || progress.get().unwrap_or_default();
    view! {
        <div class="progress" role="progressbar" id=id aria-valuemin="0"
            aria-valuemax=move || current().total.to_string() aria-valuenow=move || current().done.to_string()>
            <span style=move || format!("width: {}%", current().percent())></span>
        </div>
        <p class="hint">{move || {
            let p = current();
            let counts = match p.failed {
                0 => format!("{} of {} servers collected", p.done, p.total),
                failed => format!("{} of {} servers collected, {failed} failed", p.done, p.total),
            };
            match p.latest {
                Some(latest) => format!("{counts}; latest: {latest}"),
                None => counts,
            }
        }}</p>
        <ul class="progress-errors">
            {move || current().errors.into_iter().map(|failure| view! {
                <li><strong>{failure.server}</strong>": "{failure.error}</li>
            }).collect_view()}
        </ul>
    }
}
