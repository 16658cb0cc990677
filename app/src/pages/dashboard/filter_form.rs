use leptos::prelude::*;

use crate::base_path::app_url;

use super::view_filter::{STATES, SortKey, ViewFilter, parse_state, state_key};
use crate::types::ChartRange;

/// Search, state, tag, severity, sort and time range. A GET form, so without JavaScript it
/// reloads the page filtered; with it the cards follow as the operator types or picks.
/// The time range reloads in both cases: it decides which events are counted.
#[component]
pub fn FilterForm(
    filter: RwSignal<ViewFilter>,
    tags: Memo<Vec<String>>,
    range: ChartRange,
) -> impl IntoView {
    let current = filter.get_untracked();
    let state_now = current.state.map(state_key).unwrap_or_default();
    let tag_now = current.tag.clone().unwrap_or_default();
    let severity_now = current.severity.clone().unwrap_or_default();
    let sort_now = current.sort;
    view! {
        <form method="get" action=app_url("/") class="filters" id="dashboard-filters">
            <input type="search" name="q" id="server-search" placeholder="search name, address, tag" aria-label="search servers"
                value=current.search.clone()
                on:input=move |ev| filter.update(|f| f.search = event_target_value(&ev))/>
            <select name="state" aria-label="state" on:change=move |ev| filter.update(|f| f.state = parse_state(&event_target_value(&ev)))>
                <option value="" selected=state_now.is_empty()>"any state"</option>
                {STATES.into_iter().map(|(state, key)| view! {
                    <option value=key selected=key == state_now>{state.label()}</option>
                }).collect_view()}
            </select>
            <select name="tag" aria-label="tag" on:change=move |ev| filter.update(|f| {
                let tag = event_target_value(&ev);
                f.tag = (!tag.is_empty()).then_some(tag);
            })>
                <option value="" selected=tag_now.is_empty()>"any tag"</option>
                {move || tags.get().into_iter().map(|t| {
                    let selected = t == tag_now;
                    let value = t.clone();
                    view! { <option value=value selected=selected>{t}</option> }
                }).collect_view()}
            </select>
            <select name="severity" aria-label="events" on:change=move |ev| filter.update(|f| {
                let s = event_target_value(&ev);
                f.severity = (!s.is_empty()).then_some(s);
            })>
                <option value="" selected=severity_now.is_empty()>"any events"</option>
                <option value="warning" selected=severity_now == "warning">"with warnings or worse"</option>
                <option value="critical" selected=severity_now == "critical">"with critical events"</option>
            </select>
            <select name="sort" aria-label="sort" on:change=move |ev| filter.update(|f| f.sort = SortKey::parse(&event_target_value(&ev)))>
                {SortKey::ALL.into_iter().map(|(key, value, label)| view! {
                    <option value=value selected=key == sort_now>{format!("sort: {label}")}</option>
                }).collect_view()}
            </select>
            <select name="range" aria-label="time range for event counts" onchange="this.form.submit()">
                {ChartRange::ALL.into_iter().map(|r| view! {
                    <option value=r.as_str() selected=r == range>{format!("events: last {}", r.as_str())}</option>
                }).collect_view()}
            </select>
            <noscript><button type="submit">"Apply"</button></noscript>
        </form>
    }
}
