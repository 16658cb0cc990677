use leptos::prelude::*;
use leptos_meta::Title;

/// Built-in documentation: the concepts and the command line, readable without network access.
#[component]
pub fn DocsPage() -> impl IntoView {
    view! {
        <Title text="Docs · IPMI Monitor"/>
        <article class="docs">
            <h1>"Docs"</h1>
            <h2 id="bmc">"BMC, IPMI and Redfish"</h2>
            <p>
                "A baseboard management controller (BMC) is a small computer on a server's board with its own "
                "network port. It watches temperatures, fans, voltages and power supplies, keeps the System "
                "Event Log (SEL), and can power the server on and off even when the operating system is down."
            </p>
            <p>
                "IPMI is the classic protocol to talk to a BMC; IPMI Monitor speaks IPMI v2.0 over the LAN "
                "(RMCP+, UDP port 623) natively, with no ipmitool process and no password on a command line. "
                "Redfish is the newer HTTPS/JSON interface."
            </p>
            <h2 id="pages">"Pages"</h2>
            <dl>
                <dt>"Dashboard"</dt><dd>"Every server with its state: online, OS down, BMC down or dark."</dd>
                <dt>"Events"</dt><dd>"The SEL of every server in one table, newest first."</dd>
                <dt>"Settings"</dt><dd>"This installation: version, database and data directory."</dd>
            </dl>
            <h2 id="api">"HTTP endpoints"</h2>
            <dl>
                <dt><code>"/health"</code></dt><dd>"JSON health; status 503 when the database is unusable."</dd>
                <dt><code>"/api/version"</code></dt><dd>"Version, git commit, branch and build time."</dd>
                <dt><code>"/ws"</code></dt><dd>"Websocket of JSON live updates."</dd>
            </dl>
            <h2 id="cli">"Command line"</h2>
            <pre>
"ipmi-monitor serve            run the web app (the default)
ipmi-monitor migrate          create or upgrade the database, then exit
ipmi-monitor version          print version and build information
ipmi-monitor --config FILE    read settings from a TOML file"
            </pre>
            <p>
                "Settings come from built-in defaults, then the TOML file, then "<code>"IPMI_MONITOR_*"</code>
                " environment variables (for example "<code>"IPMI_MONITOR_LISTEN=0.0.0.0:5001"</code>", "
                <code>"IPMI_MONITOR_DATA_DIR=/app/data"</code>"); "<code>"DATABASE_URL"</code>
                " selects PostgreSQL. An unknown key or a bad value stops start-up with a message."
            </p>
        </article>
    }
}
