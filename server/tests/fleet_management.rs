//! Server management through the REST API and the server functions behind Settings →
//! Servers: add, edit, rename, deprecate, restore, delete, purge, import preview, import,
//! export; refusals with the field at fault; every change audited; passwords encrypted and
//! never returned.

mod support;

use app::entities::{audit_log, bmc_credential, server};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};
use support::TestServer;

async fn send(
    server: &TestServer,
    method: reqwest::Method,
    path: &str,
    body: Option<Value>,
) -> (u16, Value) {
    let mut request = server.admin_client().request(method, server.url(path));
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let text = response.text().await.unwrap();
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

async fn audit_actions(server: &TestServer) -> Vec<String> {
    audit_log::Entity::find()
        .filter(audit_log::Column::Action.starts_with("server."))
        .all(&server.state.db)
        .await
        .unwrap()
        .into_iter()
        .map(|row| format!("{} {}", row.action, row.target.unwrap_or_default()))
        .collect()
}

#[tokio::test]
async fn rest_adds_edits_deprecates_restores_and_deletes_a_server() {
    use reqwest::Method;
    let server = TestServer::start().await;
    let fields = json!({
        "name": "gpu-01", "bmc_address": "10.9.0.11", "bmc_port": "6230",
        "os_address": "10.9.1.11", "tags": "rack-4, gpu", "enabled": "false",
        "username": "admin", "password": "bmc secret 1"
    });
    let (status, created) = send(&server, Method::POST, "/api/v1/servers", Some(fields)).await;
    assert_eq!(status, 201, "{created}");
    let id = created["id"].as_i64().unwrap();

    // The password is encrypted at rest and never in an answer.
    let login = bmc_credential::Entity::find()
        .filter(bmc_credential::Column::ServerId.eq(id))
        .one(&server.state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(login.username, "admin");
    assert!(!login.password_enc.contains("bmc secret 1"));
    let (_, detail) = server.get_text(&format!("/api/v1/servers/{id}")).await;
    assert!(!detail.contains("bmc secret"), "{detail}");

    // Refusals name the field; nothing is written.
    let (status, body) = send(
        &server,
        Method::POST,
        "/api/v1/servers",
        Some(json!({ "name": "gpu-02", "bmc_address": "10.9.0.300" })),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["problems"][0]["field"], "bmc_address", "{body}");
    let (status, body) = send(
        &server,
        Method::POST,
        "/api/v1/servers",
        Some(json!({ "name": "gpu-01", "bmc_address": "10.9.0.12" })),
    )
    .await;
    assert_eq!(status, 409, "{body}");
    assert!(body["error"].as_str().unwrap().contains("gpu-01"));
    let (status, body) = send(
        &server,
        Method::POST,
        "/api/v1/servers",
        Some(json!({ "name": "gpu-03", "bmc_address": "10.9.0.11", "bmc_port": "6230" })),
    )
    .await;
    assert_eq!(status, 409, "same BMC address and port: {body}");
    let (status, _) = send(
        &server,
        Method::POST,
        "/api/v1/servers",
        Some(json!({ "name": "gpu-04", "bmc_address": "10.9.0.14", "colour": "red" })),
    )
    .await;
    assert_eq!(status, 400, "unknown field");
    let (status, body) = send(
        &server,
        Method::POST,
        "/api/v1/servers",
        Some(json!({ "name": "gpu-05", "bmc_address": "10.9.0.15",
                     "username": "admin", "password": "twenty-one bytes long" })),
    )
    .await;
    assert_eq!(
        status, 422,
        "IPMI 2.0 passwords are at most 20 bytes: {body}"
    );
    assert_eq!(body["problems"][0]["field"], "password", "{body}");
    let count = server::Entity::find()
        .all(&server.state.db)
        .await
        .unwrap()
        .len();
    assert_eq!(count, 1);

    // A full replacement: renamed, port back to the default, tags cleared; login kept.
    let (status, body) = send(
        &server,
        Method::PUT,
        &format!("/api/v1/servers/{id}"),
        Some(json!({ "name": "gpu-01a", "bmc_address": "10.9.0.11", "notes": "moved" })),
    )
    .await;
    assert_eq!(status, 204, "{body}");
    let row = server::Entity::find_by_id(id)
        .one(&server.state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (row.name.as_str(), row.bmc_port, row.tags.as_str()),
        ("gpu-01a", 623, "")
    );
    assert_eq!(row.notes, "moved");
    assert!(row.enabled, "absent enabled means polled");
    let login_after = bmc_credential::Entity::find()
        .filter(bmc_credential::Column::ServerId.eq(id))
        .one(&server.state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(login_after.password_enc, login.password_enc, "login kept");

    // The same form again changes nothing: no write, no audit record.
    let (status, _) = send(
        &server,
        Method::PUT,
        &format!("/api/v1/servers/{id}"),
        Some(json!({ "name": "gpu-01a", "bmc_address": "10.9.0.11", "notes": "moved" })),
    )
    .await;
    assert_eq!(status, 204);
    let unchanged = server::Entity::find_by_id(id)
        .one(&server.state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(unchanged.updated_at, row.updated_at, "not written again");

    // Deprecated: off the dashboard list; twice is a conflict; restored: back.
    let path = format!("/api/v1/servers/{id}/deprecate");
    let (status, _) = send(
        &server,
        Method::POST,
        &path,
        Some(json!({ "reason": "decommissioned" })),
    )
    .await;
    assert_eq!(status, 204);
    let (_, list) = server.get_json("/api/v1/servers").await;
    assert_eq!(list.as_array().unwrap().len(), 0);
    let (status, _) = send(&server, Method::POST, &path, None).await;
    assert_eq!(status, 409);
    let (status, _) = send(
        &server,
        Method::POST,
        &format!("/api/v1/servers/{id}/restore"),
        None,
    )
    .await;
    assert_eq!(status, 204);
    let (_, list) = server.get_json("/api/v1/servers").await;
    assert_eq!(list[0]["name"], "gpu-01a");

    // Deleted with its login (the foreign key cascades).
    let (status, body) = send(
        &server,
        Method::DELETE,
        &format!("/api/v1/servers/{id}"),
        None,
    )
    .await;
    assert_eq!((status, body["deleted"].as_str()), (200, Some("gpu-01a")));
    let (status, _) = server.get_json(&format!("/api/v1/servers/{id}")).await;
    assert_eq!(status, 404);
    let logins = bmc_credential::Entity::find()
        .all(&server.state.db)
        .await
        .unwrap();
    assert!(logins.is_empty());

    assert_eq!(
        audit_actions(&server).await,
        [
            "server.create server:gpu-01",
            "server.update server:gpu-01a",
            "server.deprecate server:gpu-01a",
            "server.restore server:gpu-01a",
            "server.delete server:gpu-01a",
        ]
    );
}

#[tokio::test]
async fn import_preview_reports_rows_and_line_errors_and_writes_nothing() {
    let server = TestServer::start().await;
    let bad = "name,bmc_address,password,colour\n\
               gpu-01,10.9.0.11,secret-a,red\n\
               gpu-02,10.9.0.999,,\n\
               gpu-01,10.9.0.13,,\n";
    let (status, body) = server
        .call_fn(
            &server.admin_token,
            "preview_server_import",
            &[("text", bad), ("format", "")],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let preview: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(preview["format"], "csv");
    assert!(preview["outcome"].is_null());
    let problems: Vec<(i64, String)> = preview["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["line"].as_i64().unwrap(),
                e["field"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    assert!(problems.contains(&(1, "colour".to_owned())), "{problems:?}");
    assert!(
        problems.contains(&(3, "bmc_address".to_owned())),
        "{problems:?}"
    );
    assert!(problems.contains(&(4, "name".to_owned())), "{problems:?}");
    assert!(!body.contains("secret-a"), "no password in a preview");

    // The import itself refuses the same file and writes nothing.
    let (status, _) = server
        .call_fn(
            &server.admin_token,
            "import_servers",
            &[("text", bad), ("format", "")],
        )
        .await;
    assert_eq!(status, 422);
    assert!(
        server::Entity::find()
            .all(&server.state.db)
            .await
            .unwrap()
            .is_empty()
    );

    // A good file: the preview says what would happen, still writing nothing.
    let good = "name,bmc_address,username,password,tags\n\
                gpu-01,10.9.0.11,admin,secret-a,gpu\n\
                gpu-02,10.9.0.12,,,\n";
    let (_, body) = server
        .call_fn(
            &server.admin_token,
            "preview_server_import",
            &[("text", good), ("format", "csv")],
        )
        .await;
    let preview: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(preview["outcome"]["created"], 2, "{body}");
    assert_eq!(preview["rows"][0]["password_set"], true);
    assert!(
        server::Entity::find()
            .all(&server.state.db)
            .await
            .unwrap()
            .is_empty()
    );
    let (status, body) = server
        .call_fn(
            &server.admin_token,
            "import_servers",
            &[("text", good), ("format", "csv")],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let summary: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(
        (
            summary["created"].as_i64(),
            summary["credentials_set"].as_i64()
        ),
        (Some(2), Some(1))
    );

    // The export reads back as "nothing to change", and carries no password.
    let (status, csv) = server.get_text("/api/v1/servers/export.csv").await;
    assert_eq!(status, 200);
    assert!(csv.starts_with("name,bmc_address,bmc_port"), "{csv}");
    assert!(csv.contains("gpu-01,10.9.0.11,623"), "{csv}");
    assert!(!csv.contains("secret-a"));
    let response = server
        .admin_client()
        .post(server.url("/api/v1/servers/import?dry_run=true"))
        .body(csv)
        .send()
        .await
        .unwrap();
    let preview: Value = response.json().await.unwrap();
    assert_eq!(preview["outcome"]["unchanged"], 2, "{preview}");
    assert_eq!(preview["outcome"]["updated"], 0, "{preview}");
    assert!(
        audit_actions(&server)
            .await
            .iter()
            .any(|a| a.starts_with("server.import"))
    );
}

#[tokio::test]
async fn server_functions_check_the_name_before_deleting_and_purge_only_deprecated() {
    let server = TestServer::start().await;
    let token = server.admin_token.clone();
    for (name, address) in [("keep-1", "10.9.0.21"), ("old-1", "10.9.0.22")] {
        let (status, body) = server
            .call_fn(
                &token,
                "add_server",
                &[("server[name]", name), ("server[bmc_address]", address)],
            )
            .await;
        assert_eq!(status, 200, "{body}");
    }
    let (_, body) = server.call_fn(&token, "list_managed_servers", &[]).await;
    let list: Value = serde_json::from_str(&body).unwrap();
    let id_of = |name: &str| {
        list.as_array()
            .unwrap()
            .iter()
            .find(|s| s["name"] == name)
            .unwrap()["id"]
            .as_i64()
            .unwrap()
            .to_string()
    };
    let (keep, old) = (id_of("keep-1"), id_of("old-1"));
    assert_eq!(list[0]["login_override"], Value::Null);

    let (status, body) = server
        .call_fn(
            &token,
            "delete_server",
            &[("id", &keep), ("confirm_name", "keep-")],
        )
        .await;
    assert_eq!(status, 422, "a wrong name deletes nothing: {body}");
    let (status, _) = server
        .call_fn(
            &token,
            "deprecate_server",
            &[("id", &old), ("reason", "gone")],
        )
        .await;
    assert_eq!(status, 200);
    let (status, _) = server
        .call_fn(&token, "purge_deprecated_servers", &[("confirm", "yes")])
        .await;
    assert_eq!(status, 422);
    let (status, body) = server
        .call_fn(&token, "purge_deprecated_servers", &[("confirm", "purge")])
        .await;
    assert_eq!((status, body.as_str()), (200, r#"["old-1"]"#));
    let names: Vec<String> = server::Entity::find()
        .all(&server.state.db)
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.name)
        .collect();
    assert_eq!(names, ["keep-1"]);
    let (status, _) = server
        .call_fn(
            &token,
            "delete_server",
            &[("id", &keep), ("confirm_name", "keep-1")],
        )
        .await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn logins_are_set_in_bulk_kept_unless_overwritten_and_cleared() {
    let server = TestServer::start().await;
    let token = server.admin_token.clone();
    let mut ids = Vec::new();
    for (name, address) in [("bulk-1", "10.9.0.31"), ("bulk-2", "10.9.0.32")] {
        let (_, body) = server
            .call_fn(
                &token,
                "add_server",
                &[("server[name]", name), ("server[bmc_address]", address)],
            )
            .await;
        ids.push(serde_json::from_str::<i64>(&body).unwrap());
    }
    let (status, _) = server
        .call_fn(
            &token,
            "set_default_login",
            &[("username", "fleet"), ("password", "default-pass")],
        )
        .await;
    assert_eq!(status, 200);
    let (_, body) = server.call_fn(&token, "get_default_login", &[]).await;
    assert_eq!(
        serde_json::from_str::<Value>(&body).unwrap(),
        json!({ "username": "fleet", "password_set": true })
    );
    assert!(!body.contains("default-pass"));

    // Give bulk-1 its own login, then apply to both without overwrite: bulk-1 keeps its own.
    let first = ids[0].to_string();
    let both = format!("{},{}", ids[0], ids[1]);
    let (status, body) = server
        .call_fn(
            &token,
            "apply_login_to_servers",
            &[
                ("ids", &first),
                ("username", "own"),
                ("password", "own-pass"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let (_, body) = server
        .call_fn(
            &token,
            "apply_login_to_servers",
            &[
                ("ids", &both),
                ("username", "ops"),
                ("password", "ops-pass"),
            ],
        )
        .await;
    let outcomes: Vec<String> = serde_json::from_str::<Vec<Value>>(&body)
        .unwrap()
        .iter()
        .map(|c| {
            format!(
                "{} {}",
                c["server_name"].as_str().unwrap(),
                c["outcome"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(outcomes, ["bulk-1 kept", "bulk-2 set"]);
    let (_, body) = server
        .call_fn(
            &token,
            "apply_login_to_servers",
            &[
                ("ids", &both),
                ("username", "ops"),
                ("password", "ops-pass"),
                ("overwrite", "on"),
            ],
        )
        .await;
    assert!(body.contains("\"replaced\""), "{body}");
    let logins = bmc_credential::Entity::find()
        .all(&server.state.db)
        .await
        .unwrap();
    assert_eq!(logins.len(), 3, "default and two own logins");
    for login in &logins {
        assert!(!login.password_enc.contains("pass"), "encrypted at rest");
    }

    // Too long for IPMI: refused with the field, nothing stored.
    let (status, body) = server
        .call_fn(
            &token,
            "apply_login_to_servers",
            &[
                ("ids", &both),
                ("username", "ops"),
                ("password", "a password far too long for ipmi"),
            ],
        )
        .await;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("password"), "{body}");

    let (status, _) = server
        .call_fn(&token, "clear_server_login", &[("id", &first)])
        .await;
    assert_eq!(status, 200);
    let (status, _) = server
        .call_fn(&token, "clear_server_login", &[("id", &first)])
        .await;
    assert_eq!(status, 409, "nothing left to clear");
    let audited = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("credential.set"))
        .all(&server.state.db)
        .await
        .unwrap();
    assert_eq!(audited.len(), 5, "the default, three applies and one clear");
}

#[tokio::test]
async fn a_server_without_any_login_says_why_it_is_not_polled() {
    use app::entities::server_status;
    let server = TestServer::start().await;
    let (status, created) = send(
        &server,
        reqwest::Method::POST,
        "/api/v1/servers",
        Some(json!({ "name": "no-login", "bmc_address": "127.0.0.1", "bmc_port": "9" })),
    )
    .await;
    assert_eq!(status, 201);
    let id = created["id"].as_i64().unwrap();
    let until = tokio::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        let row = server_status::Entity::find_by_id(id)
            .one(&server.state.db)
            .await
            .unwrap();
        if let Some(error) = row.and_then(|r| r.last_error) {
            assert!(error.contains("no BMC credentials"), "{error}");
            break;
        }
        assert!(tokio::time::Instant::now() < until, "no reason recorded");
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
}
