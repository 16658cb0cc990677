use leptos::prelude::*;

use crate::api::history::{get_sensor_history, get_sensor_sparklines};
use crate::api::servers::list_server_sensors;
use crate::components::chart::{LineChart, Sparkline};
use crate::types::{ChartRange, SensorRow};

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
                view! {
                    {chosen.map(|row| view! { <HistoryCard server=id row range chart=chart.clone()/> })}
                    <section class="card" id="sensors">
                        <h2>"Sensors"</h2>
                        {if rows.is_empty() {
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
                    view! { <a href=format!("{base}&range={}", r.as_str()) aria-current=current>{r.as_str()}</a> }
                })
                .collect_view()}
        </nav>
    }
}

#[component]
fn SensorTable(
    server: i64,
    rows: Vec<SensorRow>,
    lines: Vec<(i64, Vec<f64>)>,
    range: ChartRange,
) -> impl IntoView {
    let threshold = |row: &SensorRow, key: &str| {
        row.thresholds
            .get(key)
            .and_then(|v| v.as_f64())
            .map(|v| format!("{v}"))
            .unwrap_or_default()
    };
    view! {
        <table class="data sensors" id="sensor-table">
            <thead>
                <tr><th>"Type"</th><th>"Sensor"</th><th>"Value"</th><th>"Last hour"</th><th>"State"</th><th>"LC"</th><th>"LNC"</th><th>"UNC"</th><th>"UC"</th></tr>
            </thead>
            <tbody>
                {rows
                    .into_iter()
                    .map(|row| {
                        let class = row.state_class();
                        let cells = (
                            threshold(&row, "lower_critical"),
                            threshold(&row, "lower_non_critical"),
                            threshold(&row, "upper_non_critical"),
                            threshold(&row, "upper_critical"),
                        );
                        let values = lines
                            .iter()
                            .find(|(id, _)| *id == row.id)
                            .map(|(_, v)| v.clone())
                            .unwrap_or_default();
                        let href = format!(
                            "/servers/{server}?tab=sensors&sensor={}&range={}#sensor-history",
                            row.id,
                            range.as_str()
                        );
                        let has_value = row.value.is_some();
                        view! {
                            <tr class=class data-sensor=row.name.clone()>
                                <td>{row.sensor_type.clone()}</td>
                                <td>
                                    {if has_value {
                                        view! { <a href=href>{row.name.clone()}</a> }.into_any()
                                    } else {
                                        view! { <span>{row.name.clone()}</span> }.into_any()
                                    }}
                                </td>
                                <td class="sensor-value">{row.value_text()}</td>
                                <td><Sparkline values/></td>
                                <td>{row.state.clone().unwrap_or_else(|| row.status.clone())}</td>
                                <td>{cells.0}</td>
                                <td>{cells.1}</td>
                                <td>{cells.2}</td>
                                <td>{cells.3}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}
