use leptos::prelude::*;

use crate::base_path::app_url;
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
                <dt>"Dashboard"</dt><dd>"Every server with its state (online, OS down, BMC down or dark), power, hottest temperature and warning and critical events in the chosen time range. Search, filter by state, tag or events, sort; the filters are in the address, so a filtered view is a link. Collect now polls every server at once; a dialog shows the first collection of new servers."</dd>
                <dt>"Server"</dt><dd>"One server's facts and tabs: events (severity filter, raw SEL bytes, CSV), sensors with state colours, thresholds and a one-hour sparkline (click a sensor for its history over 1 h to 1 y), the power chart, inventory, actions (power, identify, BMC reset, SEL clear; type the server's name to confirm) and its settings with a login test."</dd>
                <dt>"Events"</dt><dd>"The SEL of every server in one table, newest first."</dd>
                <dt>"Settings → Servers"</dt><dd>"Add, edit, deprecate (stop polling, keep history), restore and delete servers; import a CSV, JSON, YAML or INI list (the Python ipmi-monitor's files too) after a preview that shows each row and each problem with its line; export CSV."</dd>
                <dt>"Settings → Credentials"</dt><dd>"The default BMC login; pick servers (all, those shown by a filter, those without their own login), test their logins live with a progress bar, and give them a login in one go. Passwords are write-only."</dd>
                <dt>"Settings"</dt><dd>"This installation: version, database and data directory."</dd>
                <dt>"Settings → Users"</dt><dd>"Admins add people with a role (viewer, operator, admin), change roles, reset passwords."</dd>
                <dt>"Settings → API tokens"</dt><dd>"Admins create tokens for scripts and Grafana; a token is shown once, has a role and an optional expiry, and can be revoked."</dd>
                <dt>"Settings → Audit log"</dt><dd>"Every write: who, when, what, to what, and how it ended; filter by actor, action and outcome."</dd>
                <dt>"Settings → Backup"</dt><dd>"Download a backup (BMC credentials only sealed with a passphrase) and restore one after a preview."</dd>
                <dt>"Account"</dt><dd>"Your role, and your password."</dd>
            </dl>
            <h2 id="access">"Who may do what"</h2>
            <p>
                "Viewers read. Operators also run power actions and collections and edit servers and "
                "credentials. Admins also manage users, tokens, settings and backups. There is no default "
                "password: the first visit creates the first admin. Five failed logins in five minutes lock "
                "a client out for fifteen. BMC passwords are encrypted at rest and never shown again."
            </p>
            <h2 id="api">"HTTP endpoints"</h2>
            <dl>
                <dt><code>"/health"</code></dt><dd>"JSON health; status 503 when the database is unusable."</dd>
                <dt><code>"/api/version"</code></dt><dd>"Version, git commit, branch and build time."</dd>
                <dt><code>"/metrics"</code></dt><dd>"Prometheus metrics with ipmi_exporter's names (open unless IPMI_MONITOR_METRICS_TOKEN is set)."</dd>
                <dt><code>"/ws"</code></dt><dd>"Websocket of JSON live updates (signed in)."</dd>
                <dt><code>"POST /api/<function>"</code></dt><dd>"The server functions the pages use (list_servers, list_events_page, …), form-encoded or JSON; scripts send "<code>"Authorization: Bearer imt_…"</code>"."</dd>
                <dt><code>"POST /api/backup"</code></dt><dd>"A backup as a file (admins)."</dd>
                <dt><code>"/api/v1/…"</code></dt><dd>"The REST API for automation: servers (read, add, edit, delete, import, export), sensors and their history, power history, events (JSON and CSV), actions, login tests and collect-now. Described in "<a href=app_url("/api/openapi.json") rel="external">"/api/openapi.json"</a>"."</dd>
            </dl>
            <h2 id="cli">"Command line"</h2>
            <pre>
"ipmi-monitor serve                 run the web app (the default)
ipmi-monitor migrate               create or upgrade the database, then exit
ipmi-monitor import FILE           add or update servers from CSV, JSON, YAML or INI (--dry-run)
ipmi-monitor user add NAME --role R   add a user; the password is asked, never an argument
ipmi-monitor user passwd NAME      set a password (their sessions end)
ipmi-monitor user list             list users
ipmi-monitor backup -o FILE        write a backup (--with-secrets seals BMC credentials)
ipmi-monitor restore FILE          restore a backup (--replace, --dry-run)
ipmi-monitor rotate-key            re-encrypt stored secrets under a new key (server stopped)
ipmi-monitor bmc HOST -U USER sensors   talk to a BMC directly (info, sel, fru, chassis, power …)
ipmi-monitor version               print version and build information
ipmi-monitor --config FILE         read settings from a TOML file"
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
