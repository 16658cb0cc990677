use leptos::prelude::*;

use crate::types::ManagedServer;

/// The fields of one server, named `server[…]` for the `ServerFields` argument. Empty means
/// default; the password is write-only (left empty, the stored one stays).
#[component]
pub fn ServerForm(server: Option<ManagedServer>) -> impl IntoView {
    let id = |field: &str| match &server {
        Some(s) => format!("edit-{}-{field}", s.id.0),
        None => format!("new-{field}"),
    };
    let s = server.clone();
    let text = move |f: fn(&ManagedServer) -> String| s.as_ref().map(f).unwrap_or_default();
    let protocol = server
        .as_ref()
        .map_or("auto".to_owned(), |s| s.protocol.clone());
    let privilege = server
        .as_ref()
        .map_or("administrator".to_owned(), |s| s.privilege.clone());
    let enabled = server.as_ref().is_none_or(|s| s.enabled);
    let login_hint = match server.as_ref().and_then(|s| s.login_override.clone()) {
        Some(user) => format!("own login: {user}, password set; leave empty to keep"),
        None => "empty: the default login is used".to_owned(),
    };
    view! {
        <div class="form-grid">
            <label for=id("name")>"Name"</label>
            <input id=id("name") type="text" name="server[name]" value=text(|s| s.name.clone()) required/>
            <label for=id("bmc")>"BMC address"</label>
            <input id=id("bmc") type="text" name="server[bmc_address]" value=text(|s| s.bmc_address.clone()) placeholder="10.0.0.5, bmc-7.example or [fd00::5]" required/>
            <label for=id("port")>"BMC port"</label>
            <input id=id("port") type="number" min="1" max="65535" name="server[bmc_port]" value=text(|s| s.bmc_port.to_string()) placeholder="623"/>
            <label for=id("os")>"OS address"</label>
            <input id=id("os") type="text" name="server[os_address]" value=text(|s| s.os_address.clone().unwrap_or_default()) placeholder="host[:ssh port], for the OS reachability check"/>
            <label for=id("protocol")>"Protocol"</label>
            <Choice id=id("protocol") name="server[protocol]" options=&["auto", "ipmi", "redfish"] selected=protocol/>
            <label for=id("suite")>"Cipher suite"</label>
            <input id=id("suite") type="number" min="0" max="19" name="server[cipher_suite]" value=text(|s| s.cipher_suite.map(|c| c.to_string()).unwrap_or_default()) placeholder="automatic (17, 3, …)"/>
            <label for=id("privilege")>"Privilege"</label>
            <Choice id=id("privilege") name="server[privilege]" options=&["administrator", "operator", "user"] selected=privilege/>
            <label for=id("tags")>"Tags"</label>
            <input id=id("tags") type="text" name="server[tags]" value=text(|s| s.tags.join(", ")) placeholder="rack-4, gpu"/>
            <label for=id("notes")>"Notes"</label>
            <input id=id("notes") type="text" name="server[notes]" value=text(|s| s.notes.clone())/>
            <label for=id("enabled")>"Polling"</label>
            <Choice id=id("enabled") name="server[enabled]" options=&["true", "false"] selected=enabled.to_string()/>
            <label for=id("user")>"BMC user"</label>
            <input id=id("user") type="text" name="server[username]" value=text(|s| s.login_override.clone().unwrap_or_default()) autocomplete="off" placeholder=login_hint.clone()/>
            <label for=id("password")>"BMC password"</label>
            <input id=id("password") type="password" name="server[password]" autocomplete="new-password" placeholder=login_hint/>
            <span></span>
            <button type="submit" class="primary">{if server.is_some() { "Save" } else { "Add server" }}</button>
        </div>
    }
}

/// A `<select>` whose options are their own labels.
#[component]
fn Choice(
    id: String,
    name: &'static str,
    options: &'static [&'static str],
    selected: String,
) -> impl IntoView {
    view! {
        <select id=id name=name>
            {options
                .iter()
                .map(|o| view! { <option value=*o selected=*o == selected>{*o}</option> })
                .collect_view()}
        </select>
    }
}
