use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::events::list_server_events;
use crate::api::servers::{get_server_detail, get_server_inventory, list_server_sensors};
use crate::types::{EventRow, SensorRow, ServerDetail, ServerInventory};

/// Events shown on the server page.
const EVENTS_SHOWN: u64 = 200;

/// One server: what it is, its sensors grouped by type with state colours and thresholds, and
/// its events. Titled by the server's name.
#[component]
pub fn ServerPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").and_then(|v| v.parse::<i64>().ok());
    let detail = Resource::new(id, |id| async move {
        match id {
            Some(id) => get_server_detail(id).await.map(Some),
            None => Ok(None),
        }
    });
    let sensors = Resource::new(id, |id| async move {
        match id {
            Some(id) => list_server_sensors(id).await,
            None => Ok(Vec::new()),
        }
    });
    let inventory = Resource::new(id, |id| async move {
        match id {
            Some(id) => get_server_inventory(id).await,
            None => Ok(None),
        }
    });
    let events = Resource::new(id, |id| async move {
        match id {
            Some(id) => list_server_events(id, EVENTS_SHOWN).await,
            None => Ok(Vec::new()),
        }
    });
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                let detail = detail.await;
                let sensors = sensors.await;
                let events = events.await;
                let inventory = inventory.await;
                match detail {
                    Ok(Some(detail)) => view! {
                        <Title text=format!("{} · IPMI Monitor", detail.summary.name)/>
                        <Facts detail/>
                        <section class="card" id="sensors">
                            <h2>"Sensors"</h2>
                            {match sensors {
                                Ok(rows) if rows.is_empty() => view! { <p id="no-sensors">"No sensors read yet."</p> }.into_any(),
                                Ok(rows) => view! { <SensorTable rows/> }.into_any(),
                                Err(err) => view! { <p class="error">{err.to_string()}</p> }.into_any(),
                            }}
                        </section>
                        <section class="card" id="inventory">
                            <h2>"Inventory"</h2>
                            {match inventory {
                                Ok(Some(inventory)) => view! { <InventoryView inventory/> }.into_any(),
                                Ok(None) => view! { <p id="no-inventory">"Not read yet; the first poll reads it."</p> }.into_any(),
                                Err(err) => view! { <p class="error">{err.to_string()}</p> }.into_any(),
                            }}
                        </section>
                        <section class="card" id="server-events">
                            <h2>"Events"</h2>
                            {match events {
                                Ok(rows) if rows.is_empty() => view! { <p id="no-server-events">"No events recorded yet."</p> }.into_any(),
                                Ok(rows) => view! { <EventTable rows/> }.into_any(),
                                Err(err) => view! { <p class="error">{err.to_string()}</p> }.into_any(),
                            }}
                        </section>
                    }
                    .into_any(),
                    Ok(None) | Err(crate::types::AppError::NotFound) => view! {
                        <Title text="No such server · IPMI Monitor"/>
                        <h1>"No such server"</h1>
                        <p><a href="/">"Back to the dashboard"</a></p>
                    }
                    .into_any(),
                    Err(err) => view! { <p class="error">{err.to_string()}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Facts(detail: ServerDetail) -> impl IntoView {
    let s = &detail.summary;
    let status = detail.status.clone();
    let yes_no = |v: Option<bool>| match v {
        Some(true) => "yes",
        Some(false) => "no",
        None => "not checked yet",
    };
    view! {
        <h1>{s.name.clone()}</h1>
        <section class="card">
            <p>
                <span class=format!("badge {}", s.state.css_class()) data-state=s.state.label()>{s.state.label()}</span>
            </p>
            <dl class="facts" id="server-facts">
                <dt>"BMC"</dt><dd><code>{format!("{}:{}", s.bmc_address, detail.bmc_port)}</code>" ("{detail.protocol.clone()}", privilege "{detail.privilege.clone()}")"</dd>
                <dt>"OS address"</dt><dd>{detail.os_address.clone().unwrap_or_else(|| "none".to_owned())}</dd>
                <dt>"BMC reachable"</dt><dd>{yes_no(status.as_ref().and_then(|s| s.bmc_reachable))}</dd>
                <dt>"OS reachable"</dt><dd>{yes_no(status.as_ref().and_then(|s| s.os_reachable))}</dd>
                <dt>"Power"</dt><dd>{match (s.power_on, s.power_watts) {
                    (Some(on), Some(w)) => format!("{} · {w:.0} W", if on { "on" } else { "off" }),
                    (Some(on), None) => (if on { "on" } else { "off" }).to_owned(),
                    (None, _) => "unknown".to_owned(),
                }}</dd>
                <dt>"Last poll"</dt><dd>{s.last_poll.clone().unwrap_or_else(|| "not yet".to_owned())}</dd>
                <dt>"Cipher suite"</dt><dd>{status.as_ref().and_then(|s| s.detected_cipher_suite).or(detail.cipher_suite).map(|c| c.to_string()).unwrap_or_else(|| "auto".to_owned())}</dd>
                <dt>"SEL"</dt><dd>{status.as_ref().and_then(|s| s.sel_entries.map(|n| format!("{n} entries, {} bytes free", s.sel_free_bytes.unwrap_or_default()))).unwrap_or_else(|| "not read yet".to_owned())}</dd>
                <dt>"Last error"</dt><dd>{status.as_ref().and_then(|s| s.last_error.clone()).unwrap_or_else(|| "none".to_owned())}</dd>
                <dt>"Tags"</dt><dd>{s.tags.join(", ")}</dd>
                <dt>"Notes"</dt><dd>{detail.notes.clone()}</dd>
            </dl>
        </section>
    }
}

#[component]
fn SensorTable(rows: Vec<SensorRow>) -> impl IntoView {
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
                <tr><th>"Type"</th><th>"Sensor"</th><th>"Value"</th><th>"State"</th><th>"LC"</th><th>"LNC"</th><th>"UNC"</th><th>"UC"</th></tr>
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
                        view! {
                            <tr class=class data-sensor=row.name.clone()>
                                <td>{row.sensor_type.clone()}</td>
                                <td>{row.name.clone()}</td>
                                <td class="sensor-value">{row.value_text()}</td>
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

#[component]
fn EventTable(rows: Vec<EventRow>) -> impl IntoView {
    view! {
        <table class="events" id="server-event-table">
            <thead>
                <tr><th>"Time (UTC)"</th><th>"Severity"</th><th>"Event"</th></tr>
            </thead>
            <tbody>
                {rows
                    .into_iter()
                    .map(|e| view! {
                        <tr class=format!("severity-{}", e.severity.as_str())>
                            <td>{e.timestamp}</td>
                            <td>{e.severity.as_str()}</td>
                            <td>{e.description}</td>
                        </tr>
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

#[component]
fn InventoryView(inventory: ServerInventory) -> impl IntoView {
    let text = |v: &serde_json::Value, key: &str| match &v[key] {
        serde_json::Value::Null => "unknown".to_owned(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let device = &inventory.device;
    let lan = &inventory.lan;
    let fru_devices = inventory.fru.as_array().cloned().unwrap_or_default();
    view! {
        <dl class="facts" id="inventory-facts">
            <dt>"Firmware"</dt><dd>{text(device, "firmware_version")}</dd>
            <dt>"IPMI version"</dt><dd>{text(device, "ipmi_version")}</dd>
            <dt>"Manufacturer id"</dt><dd>{text(device, "manufacturer_id")}</dd>
            <dt>"Product id"</dt><dd>{text(device, "product_id")}</dd>
            <dt>"BMC MAC"</dt><dd><code>{text(lan, "mac_address")}</code></dd>
            <dt>"BMC IP"</dt><dd>{text(lan, "ip_address")}</dd>
            <dt>"Read"</dt><dd>{inventory.collected_at.clone()}</dd>
        </dl>
        {inventory.error.clone().map(|e| view! { <p class="hint">"Not read: "{e}</p> })}
        {fru_devices
            .into_iter()
            .map(|fru| {
                let name = text(&fru, "name");
                let fields: Vec<(String, String)> = fru["fields"]
                    .as_array()
                    .map(|pairs| {
                        pairs
                            .iter()
                            .filter_map(|p| Some((p[0].as_str()?.to_owned(), p[1].as_str()?.to_owned())))
                            .collect()
                    })
                    .unwrap_or_default();
                let error = fru["error"].as_str().map(str::to_owned);
                view! {
                    <h3>{format!("FRU {}: {name}", text(&fru, "id"))}</h3>
                    {error.map(|e| view! { <p class="hint">{e}</p> })}
                    <dl class="facts fru-fields">
                        {fields
                            .into_iter()
                            .map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> })
                            .collect_view()}
                    </dl>
                }
            })
            .collect_view()}
    }
}
