use leptos::prelude::*;

use crate::base_path::app_url;

use crate::api::history::{get_sensor_history, get_sensor_sparklines};
use crate::api::servers::list_server_sensors;
use crate::components::chart::{LineChart, Sparkline};
use crate::live::use_live;
use crate::types::{ChartRange, LiveMessage, SensorRow, ServerId};

/// Sensors grouped by type with value, state colour, thresholds and a one-hour sparkline;
/// a sensor's name opens its history chart (`?sensor=ID&range=24h`).
#[component]
pub fn SensorsTab(id: i64, sensor: Option<i64>, range: ChartRange) -> impl IntoView {
    let sensors = Resource::new(move || id, list_server_sensors);
    let sparklines = Resource::new(move || id, get_sensor_sparklines);
    let history = Resource::new(
        move || sensor,
        move |sensor| async move {
            match sensor {
                Some(sensor) => get_sensor_history(sensor, range.as_str().to_owned())
                    .await
                    .map(Some),
                None => Ok(None),
            }
        },
    );
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Loading sensors…"</p> }>
            {move || Suspend::new(async move {
                let rows = sensors.await;
                let lines = sparklines.await.unwrap_or_default();
                let chart = history.await;
                let rows = match rows {
                    Ok(rows) => rows,
                    Err(err) => return view! { <p class="error">{err.to_string()}</p> }.into_any(),
                };
                let chosen = sensor.and_then(|s| rows.iter().find(|r| r.id == s).cloned());
                let empty = rows.is_empty();
                let rows = live_rows(id, rows);
                view! {
                    {chosen.map(|row| view! { <HistoryCard server=id row range chart=chart.clone()/> })}
                    <section class="card" id="sensors">
                        <h2>"Sensors"</h2>
                        {if empty {
                            view! { <p id="no-sensors">"No sensors read yet."</p> }.into_any()
                        } else {
                            view! { <SensorTable server=id rows lines range/> }.into_any()
                        }}
                    </section>
                }
                .into_any()
            })}
        </Suspense>
    }
}

/// The sensor rows, kept current: the page asks `/ws` for this server's sensor updates
/// while it is shown and applies each one in place.
fn live_rows(id: i64, rows: Vec<SensorRow>) -> RwSignal<Vec<SensorRow>> {
    let rows = RwSignal::new(rows);
    let live = use_live();
    live.watch.set(vec![ServerId(id)]);
    on_cleanup(move || live.watch.set(Vec::new()));
    Effect::new(move |_| {
        if let Some(LiveMessage::SensorsUpdated { server_id, sensors }) = live.last_message.get()
            && server_id.0 == id
        {
            rows.set(sensors);
        }
    });
    rows
}

#[component]
fn HistoryCard(
    server: i64,
    row: SensorRow,
    range: ChartRange,
    chart: Result<Option<crate::types::History>, crate::types::AppError>,
) -> impl IntoView {
    let unit = row.unit.clone().unwrap_or_default();
    view! {
        <section class="card" id="sensor-history">
            <h2>{format!("{} history", row.name)}</h2>
            <RangeLinks base=format!("/servers/{server}?tab=sensors&sensor={}", row.id) chosen=range/>
            {match chart {
                Ok(Some(history)) => view! { <LineChart history unit id="sensor-chart"/> }.into_any(),
                Ok(None) => ().into_any(),
                Err(err) => view! { <p class="error">{err.to_string()}</p> }.into_any(),
            }}
        </section>
    }
}

/// 1 h · 24 h · 7 d · 30 d · 1 y, as links (the chosen one marked).
#[component]
pub fn RangeLinks(base: String, chosen: ChartRange) -> impl IntoView {
    view! {
        <nav class="tabs ranges" aria-label="time range">
            {ChartRange::ALL
                .into_iter()
                .map(|r| {
                    let current = (r == chosen).then_some("page");
                    view! { <a href=app_url(&format!("{base}&range={}", r.as_str())) aria-current=current>{r.as_str()}</a> }
                })
                .collect_view()}
        </nav>
    }
}

#[component]
fn SensorTable(
    server: i64,
    rows: RwSignal<Vec<SensorRow>>,
    lines: Vec<(i64, Vec<f64>)>,
    range: ChartRange,
) -> impl IntoView {
    let lines = StoredValue::new(lines);
    view! {
        <table class="data sensors" id="sensor-table">
            <thead>
                <tr><th>"Type"</th><th>"Sensor"</th><th>"Value"</th><th>"Last hour"</th><th>"State"</th><th>"LC"</th><th>"LNC"</th><th>"UNC"</th><th>"UC"</th></tr>
            </thead>
            <tbody>
                <For each=move || rows.with(|r| r.iter().map(|s| s.id).collect::<Vec<_>>()) key=|id| *id let:sensor>
                    <SensorLine server sensor rows range values=lines.with_value(|l| {
                        l.iter().find(|(id, _)| *id == sensor).map(|(_, v)| v.clone()).unwrap_or_default()
                    })/>
                </For>
            </tbody>
        </table>
    }
}

/// One sensor's row; its cells read the live list, so an update changes the text in place.
#[component]
fn SensorLine(
    server: i64,
    sensor: i64,
    rows: RwSignal<Vec<SensorRow>>,
    range: ChartRange,
    values: Vec<f64>,
) -> impl IntoView {
    let row = Memo::new(move |_| rows.with(|r| r.iter().find(|s| s.id == sensor).cloned()));
    let text = move |pick: fn(&SensorRow) -> String| {
        move || row.with(|r| r.as_ref().map(pick).unwrap_or_default())
    };
    let threshold = |key: &'static str| {
        move || {
            row.with(|r| {
                r.as_ref()
                    .and_then(|r| r.thresholds.get(key).and_then(|v| v.as_f64()))
                    .map(|v| format!("{v}"))
                    .unwrap_or_default()
            })
        }
    };
    let initial = row.get_untracked();
    let name = initial.as_ref().map(|r| r.name.clone()).unwrap_or_default();
    let has_value = initial.as_ref().is_some_and(|r| r.value.is_some());
    let href = app_url(&format!(
        "/servers/{server}?tab=sensors&sensor={sensor}&range={}#sensor-history",
        range.as_str()
    ));
    view! {
        <tr class=move || row.with(|r| r.as_ref().map(SensorRow::state_class).unwrap_or_default()) data-sensor=name.clone()>
            <td>{text(|r| r.sensor_type.clone())}</td>
            <td>
                {if has_value {
                    view! { <a href=href>{name.clone()}</a> }.into_any()
                } else {
                    view! { <span>{name.clone()}</span> }.into_any()
                }}
            </td>
            <td class="sensor-value">{text(SensorRow::value_text)}</td>
            <td><Sparkline values/></td>
            <td>{text(|r| r.state.clone().unwrap_or_else(|| r.status.clone()))}</td>
            <td>{threshold("lower_critical")}</td>
            <td>{threshold("lower_non_critical")}</td>
            <td>{threshold("upper_non_critical")}</td>
            <td>{threshold("upper_critical")}</td>
        </tr>
    }
}
