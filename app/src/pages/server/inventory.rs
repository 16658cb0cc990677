use leptos::prelude::*;

use crate::api::servers::get_server_inventory;
use crate::types::ServerInventory;

/// Device id, firmware, BMC LAN settings and every FRU device's fields.
#[component]
pub fn InventoryTab(id: i64) -> impl IntoView {
    let inventory = Resource::new(move || id, get_server_inventory);
    view! {
        <section class="card" id="inventory">
            <h2>"Inventory"</h2>
            <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match inventory.await {
                        Ok(Some(inventory)) => view! { <InventoryView inventory/> }.into_any(),
                        Ok(None) => view! { <p id="no-inventory">"Not read yet; the first poll reads it."</p> }.into_any(),
                        Err(err) => view! { <p class="error">{err.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
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
