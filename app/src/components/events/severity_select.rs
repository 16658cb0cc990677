use leptos::prelude::*;

/// `<select name="severity">` for a GET filter form: any, warning and worse, critical.
#[component]
pub fn SeveritySelect(chosen: Option<String>) -> impl IntoView {
    view! {
        <select name="severity" aria-label="severity">
            <option value="" selected=chosen.is_none()>"any severity"</option>
            {["warning", "critical"]
                .into_iter()
                .map(|s| view! { <option value=s selected=chosen.as_deref() == Some(s)>{format!("{s} and worse")}</option> })
                .collect_view()}
        </select>
    }
}
