use leptos::prelude::*;

use super::sensors::RangeLinks;
use crate::api::history::get_power_history;
use crate::components::chart::LineChart;
use crate::types::ChartRange;

/// The server's power draw (DCMI) over the chosen range.
#[component]
pub fn PowerTab(id: i64, range: ChartRange) -> impl IntoView {
    let history = Resource::new(
        move || (id, range),
        |(id, range)| get_power_history(id, range.as_str().to_owned()),
    );
    view! {
        <section class="card" id="power">
            <h2>"Power draw"</h2>
            <RangeLinks base=format!("/servers/{id}?tab=power") chosen=range/>
            <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match history.await {
                        Ok(history) => view! { <LineChart history unit="W".to_owned() id="power-chart"/> }.into_any(),
                        Err(err) => view! { <p class="error">{err.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
            <p class="hint">"Read with DCMI Get Power Reading at each poll; BMCs without DCMI have no power history."</p>
        </section>
    }
}
