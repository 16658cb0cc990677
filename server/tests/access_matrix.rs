//! Every route and server function, called as anonymous, viewer, operator and admin, with the
//! outcome each must get. A route or server function missing from the matrix fails the test,
//! so nothing new can ship without a decision about who may use it.

mod support;

use std::collections::BTreeSet;
use std::time::Duration;

use app::ssr::auth::{password, sessions, users};
use app::types::{Role, UserId};
use support::TestServer;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Need {
    /// Anyone, signed in or not.
    Public,
    /// At least this role.
    Role(Role),
}

struct Entry {
    method: &'static str,
    path: &'static str,
    need: Need,
    /// Form arguments for server functions (valid, so the call reaches the role check).
    form: &'static [(&'static str, &'static str)],
    /// A JSON body (REST writes).
    json: Option<&'static str>,
}

const fn get(path: &'static str, need: Need) -> Entry {
    Entry {
        method: "GET",
        path,
        need,
        form: &[],
        json: None,
    }
}

/// A REST call with a JSON body (or none, for DELETE).
const fn rest(
    method: &'static str,
    path: &'static str,
    need: Need,
    json: Option<&'static str>,
) -> Entry {
    Entry {
        method,
        path,
        need,
        form: &[],
        json,
    }
}

const fn post(
    path: &'static str,
    need: Need,
    form: &'static [(&'static str, &'static str)],
) -> Entry {
    Entry {
        method: "POST",
        path,
        need,
        form,
        json: None,
    }
}

const VIEWER: Need = Need::Role(Role::Viewer);
const OPERATOR: Need = Need::Role(Role::Operator);
const ADMIN: Need = Need::Role(Role::Admin);
const LOGIN_USER: &str = "matrix-login";
const LOGIN_PASSWORD: &str = "matrix login password";

fn matrix() -> Vec<Entry> {
    vec![
        // Plain routes.
        get("/health", Need::Public),
        get("/api/version", Need::Public),
        get("/metrics", Need::Public),
        get("/ws", VIEWER),
        post("/api/backup", ADMIN, &[]),
        get("/api/openapi.json", Need::Public),
        get("/api/grafana/dashboard", Need::Public),
        get("/api/v1/servers", VIEWER),
        // Writes on a server that does not exist: allowed callers get 404 or 422, never a
        // change to the fleet the other checks depend on.
        rest("POST", "/api/v1/servers", OPERATOR, Some(r#"{"name": ""}"#)),
        rest(
            "POST",
            "/api/v1/servers/import",
            OPERATOR,
            Some("name,bmc_address\n"),
        ),
        get("/api/v1/servers/export.csv", OPERATOR),
        get("/api/v1/servers/{id}", VIEWER),
        rest(
            "PUT",
            "/api/v1/servers/{id}",
            OPERATOR,
            Some(r#"{"name": "x", "bmc_address": "10.0.0.1"}"#),
        ),
        rest("DELETE", "/api/v1/servers/{id}", OPERATOR, None),
        rest(
            "POST",
            "/api/v1/servers/{id}/deprecate",
            OPERATOR,
            Some("{}"),
        ),
        rest("POST", "/api/v1/servers/{id}/restore", OPERATOR, None),
        rest(
            "POST",
            "/api/v1/servers/{id}/actions/{action}",
            OPERATOR,
            Some(r#"{"confirm_name": "x"}"#),
        ),
        rest("POST", "/api/v1/servers/{id}/login-test", OPERATOR, None),
        rest(
            "POST",
            "/api/v1/collect",
            OPERATOR,
            Some(r#"{"server_ids": [999999]}"#),
        ),
        get("/api/v1/collection", VIEWER),
        get("/api/v1/servers/{id}/sensors", VIEWER),
        get("/api/v1/servers/{id}/inventory", VIEWER),
        get("/api/v1/sensors/{id}/history", VIEWER),
        get("/api/v1/servers/{id}/power/history", VIEWER),
        get("/api/v1/events", VIEWER),
        get("/api/v1/events.csv", VIEWER),
        // Pages.
        get("/", VIEWER),
        get("/events", VIEWER),
        get("/servers/{id}", VIEWER),
        get("/settings", VIEWER),
        // The admin tabs render for anyone signed in, but their data is admin-only, so the
        // page answers 403 with the message.
        get("/settings/servers", VIEWER),
        get("/settings/credentials", OPERATOR),
        get("/settings/users", ADMIN),
        get("/settings/tokens", ADMIN),
        get("/settings/audit", ADMIN),
        get("/settings/backup", ADMIN),
        get("/docs", VIEWER),
        get("/account", VIEWER),
        get("/login", Need::Public),
        get("/setup", Need::Public),
        // Server functions.
        post("/api/get_auth_state", Need::Public, &[]),
        post(
            "/api/login",
            Need::Public,
            &[("username", LOGIN_USER), ("password", LOGIN_PASSWORD)],
        ),
        post("/api/logout", Need::Public, &[]),
        post(
            "/api/setup_first_admin",
            Need::Public,
            &[
                ("username", "late-admin"),
                ("password", "late admin password"),
                ("confirm", "late admin password"),
            ],
        ),
        post(
            "/api/change_password",
            VIEWER,
            &[
                ("current", "not the password"),
                ("new_password", "another long password"),
                ("confirm", "another long password"),
            ],
        ),
        post("/api/list_servers", VIEWER, &[]),
        post("/api/get_server_detail", VIEWER, &[("id", "1")]),
        post("/api/list_server_sensors", VIEWER, &[("id", "1")]),
        post("/api/get_server_inventory", VIEWER, &[("id", "1")]),
        post(
            "/api/list_server_events",
            VIEWER,
            &[("id", "1"), ("limit", "10")],
        ),
        post("/api/list_events_page", VIEWER, &[("limit", "10")]),
        post("/api/get_system_info", VIEWER, &[]),
        post("/api/list_managed_servers", VIEWER, &[]),
        post("/api/get_fleet_stats", VIEWER, &[("range", "24h")]),
        post("/api/get_default_login", OPERATOR, &[]),
        post(
            "/api/set_default_login",
            OPERATOR,
            &[("username", ""), ("password", "")],
        ),
        post(
            "/api/apply_login_to_servers",
            OPERATOR,
            &[("ids", "999999"), ("username", ""), ("password", "")],
        ),
        post("/api/clear_server_login", OPERATOR, &[("id", "999999")]),
        post(
            "/api/get_sensor_history",
            VIEWER,
            &[("sensor_id", "1"), ("range", "24h")],
        ),
        post(
            "/api/get_power_history",
            VIEWER,
            &[("server_id", "1"), ("range", "24h")],
        ),
        post("/api/get_sensor_sparklines", VIEWER, &[("server_id", "1")]),
        post(
            "/api/run_server_action",
            OPERATOR,
            &[
                ("id", "999999"),
                ("action", "identify"),
                ("confirm_name", "x"),
            ],
        ),
        post("/api/collect_now", OPERATOR, &[("server_id", "999999")]),
        post("/api/get_collection_progress", VIEWER, &[]),
        post("/api/test_server_login", OPERATOR, &[("id", "999999")]),
        post("/api/add_server", OPERATOR, &[("server[name]", "")]),
        post(
            "/api/edit_server",
            OPERATOR,
            &[
                ("id", "999999"),
                ("server[name]", "x"),
                ("server[bmc_address]", "10.0.0.1"),
            ],
        ),
        post(
            "/api/delete_server",
            OPERATOR,
            &[("id", "999999"), ("confirm_name", "x")],
        ),
        post(
            "/api/purge_deprecated_servers",
            OPERATOR,
            &[("confirm", "not purge")],
        ),
        post(
            "/api/deprecate_server",
            OPERATOR,
            &[("id", "999999"), ("reason", "")],
        ),
        post("/api/restore_server", OPERATOR, &[("id", "999999")]),
        post(
            "/api/preview_server_import",
            OPERATOR,
            &[("text", "name,bmc_address\n"), ("format", "")],
        ),
        post(
            "/api/import_servers",
            OPERATOR,
            &[("text", "name,bmc_address\n"), ("format", "")],
        ),
        post("/api/list_users", ADMIN, &[]),
        post(
            "/api/create_user",
            ADMIN,
            &[
                ("username", "matrix-created"),
                ("password", "created user password"),
                ("role", "viewer"),
            ],
        ),
        post(
            "/api/set_user_role",
            ADMIN,
            &[("id", "999999"), ("role", "viewer")],
        ),
        post(
            "/api/reset_user_password",
            ADMIN,
            &[("id", "999999"), ("password", "reset to this password")],
        ),
        post("/api/delete_user", ADMIN, &[("id", "999999")]),
        post("/api/list_api_tokens", ADMIN, &[]),
        post(
            "/api/create_api_token",
            ADMIN,
            &[("name", "matrix"), ("role", "viewer")],
        ),
        post("/api/revoke_api_token", ADMIN, &[("id", "999999")]),
        post("/api/list_audit_log", ADMIN, &[]),
        post("/api/create_backup", ADMIN, &[]),
        post(
            "/api/restore_backup",
            ADMIN,
            &[("text", "{}"), ("mode", "merge")],
        ),
    ]
}

/// Every `METHOD path` the app serves: plain routes with each of their methods, pages (GET)
/// and server functions (POST).
fn served_paths() -> BTreeSet<String> {
    let mut paths: BTreeSet<String> = server::http::plain_route_methods()
        .into_iter()
        .map(|(verb, path)| format!("{} {path}", verb.as_str()))
        .collect();
    paths.extend(
        leptos_axum::generate_route_list(app::App)
            .iter()
            .map(|route| format!("GET {}", route.path())),
    );
    paths
        .extend(leptos::server_fn::axum::server_fn_paths().map(|(path, _)| format!("POST {path}")));
    paths
}

#[tokio::test]
async fn every_served_path_has_a_matrix_entry_and_no_entry_is_stale() {
    let served = served_paths();
    let listed: BTreeSet<String> = matrix()
        .iter()
        .map(|e| format!("{} {}", e.method, e.path))
        .collect();
    let missing: Vec<_> = served.difference(&listed).collect();
    assert!(
        missing.is_empty(),
        "routes without an access-matrix entry: {missing:?}"
    );
    let stale: Vec<_> = listed.difference(&served).collect();
    assert!(
        stale.is_empty(),
        "matrix entries for routes that do not exist: {stale:?}"
    );
}

/// Who calls: nobody, or a signed-in user of a role (a fresh session for every call, since
/// some calls end their session).
#[derive(Clone, Copy, Debug)]
enum Caller {
    Anonymous,
    User(Role),
}

async fn call(
    server: &TestServer,
    caller: Caller,
    user_ids: &[(Role, UserId)],
    entry: &Entry,
) -> reqwest::Response {
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    // Path parameters get a value; an unknown id still has to pass the role check first.
    let url = server.url(
        &entry
            .path
            .replace("{id}", "1")
            .replace("{action}", "identify"),
    );
    let method = reqwest::Method::from_bytes(entry.method.as_bytes()).unwrap();
    let mut request = match (entry.method, entry.json) {
        ("GET", _) => client.get(url),
        (_, Some(json)) => client
            .request(method, url)
            .header("content-type", "application/json")
            .body(json),
        ("POST", None) if !entry.path.starts_with("/api/v1/") => client
            .post(url)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(support::form_body(entry.form)),
        (_, None) => client.request(method, url),
    };
    request = request.header("origin", format!("http://{}", server.addr));
    if let Caller::User(role) = caller {
        let id = user_ids.iter().find(|(r, _)| *r == role).unwrap().1;
        let secret = sessions::create(&server.state.db, id, Duration::from_secs(600))
            .await
            .unwrap();
        request = request.header("cookie", format!("ipmi_monitor_session={secret}"));
    }
    request.send().await.unwrap()
}

#[tokio::test]
async fn every_route_answers_each_role_as_the_matrix_says() {
    let server = TestServer::start().await;
    let db = &server.state.db;
    let mut user_ids = Vec::new();
    for role in Role::ALL {
        let hash = password::hash_blocking("role user password").unwrap();
        let row = users::insert(db, &format!("matrix-{role}"), hash, role)
            .await
            .unwrap();
        user_ids.push((role, UserId(row.id)));
    }
    let hash = password::hash_blocking(LOGIN_PASSWORD).unwrap();
    users::insert(db, LOGIN_USER, hash, Role::Viewer)
        .await
        .unwrap();

    let mut failures = Vec::new();
    let callers = [
        Caller::Anonymous,
        Caller::User(Role::Viewer),
        Caller::User(Role::Operator),
        Caller::User(Role::Admin),
    ];
    for entry in matrix() {
        for caller in callers {
            let response = call(&server, caller, &user_ids, &entry).await;
            let status = response.status().as_u16();
            let location = response
                .headers()
                .get("location")
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            let allowed = match (entry.need, caller) {
                (Need::Public, _) => true,
                (Need::Role(_), Caller::Anonymous) => false,
                (Need::Role(needed), Caller::User(role)) => role.allows(needed),
            };
            let ok = if allowed {
                status != 401
                    && status != 403
                    && status < 500
                    && !(entry.method == "GET" && location.starts_with("/login"))
            } else {
                match caller {
                    Caller::Anonymous
                        if entry.method == "GET"
                            && entry.path != "/ws"
                            && !entry.path.starts_with("/api/") =>
                    {
                        status == 303 && location.starts_with("/login")
                    }
                    Caller::Anonymous => status == 401,
                    Caller::User(_) => status == 403,
                }
            };
            if !ok {
                failures.push(format!(
                    "{} {} as {caller:?}: status {status} location {location:?} (allowed: {allowed})",
                    entry.method, entry.path
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "access matrix violations:\n{}",
        failures.join("\n")
    );
}
