use leptos::prelude::*;

use crate::types::ServerDetail;

/// What the server is and what the collector last learned of it.
#[component]
pub fn Facts(detail: ServerDetail) -> impl IntoView {
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
