//! Backup and restore: from the shell between two installations (each with its own secret
//! key), as a download from the web app, and the restore preview.

mod support;

use std::path::Path;
use std::process::Command;

use app::entities::{bmc_credential, server as server_entity};
use app::ssr::secrets::SecretBox;
use sea_orm::{Database, EntityTrait};
use support::TestServer;

fn ipmi_monitor(data_dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ipmi-monitor"));
    cmd.env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("IPMI_MONITOR_DATA_DIR", data_dir);
    cmd
}

fn ok(out: std::process::Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[tokio::test]
async fn a_backup_with_sealed_secrets_restores_into_another_installation() {
    let old = tempfile::tempdir().unwrap();
    let csv = old.path().join("servers.csv");
    std::fs::write(
        &csv,
        "name,bmc_ip,username,password,tags\nb-1,10.8.0.1,admin,bmc-pass-one,gpu\nb-2,10.8.0.2,root,bmc-pass-two,\n",
    )
    .unwrap();
    ok(ipmi_monitor(old.path())
        .arg("import")
        .arg(&csv)
        .output()
        .unwrap());
    ok(ipmi_monitor(old.path())
        .args([
            "user",
            "add",
            "boss",
            "--role",
            "admin",
            "--password-env",
            "PW",
        ])
        .env("PW", "boss password 1")
        .output()
        .unwrap());

    let file = old.path().join("backup.json");
    ok(ipmi_monitor(old.path())
        .args(["backup", "--with-secrets", "--passphrase-env", "PASS", "-o"])
        .arg(&file)
        .env("PASS", "correct horse battery")
        .output()
        .unwrap());
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("\"b-1\"") && text.contains("$argon2id$"));
    for secret in ["bmc-pass-one", "bmc-pass-two", "boss password 1"] {
        assert!(!text.contains(secret), "{secret} in the backup file");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&file).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }

    let new = tempfile::tempdir().unwrap();
    let wrong = ipmi_monitor(new.path())
        .arg("restore")
        .arg(&file)
        .args(["--passphrase-env", "PASS"])
        .env("PASS", "wrong horse battery")
        .output()
        .unwrap();
    assert!(!wrong.status.success());
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("wrong passphrase"));

    let preview = ok(ipmi_monitor(new.path())
        .arg("restore")
        .arg(&file)
        .args(["--dry-run", "--passphrase-env", "PASS"])
        .env("PASS", "correct horse battery")
        .output()
        .unwrap());
    assert!(
        preview.contains("would restore (Merge): servers: 2 added"),
        "{preview}"
    );
    let done = ok(ipmi_monitor(new.path())
        .arg("restore")
        .arg(&file)
        .args(["--passphrase-env", "PASS"])
        .env("PASS", "correct horse battery")
        .output()
        .unwrap());
    assert!(
        done.contains("servers: 2 added") && done.contains("2 credential(s) set"),
        "{done}"
    );

    // The new installation has its own key, and the passwords decrypt with it.
    let key = std::fs::read_to_string(new.path().join("secret.key")).unwrap();
    let new_box = SecretBox::new(&SecretBox::parse_key(&key).unwrap());
    let url = format!(
        "sqlite://{}?mode=rw",
        new.path().join("ipmi_events.db").display()
    );
    let db = Database::connect(&url).await.unwrap();
    let servers = server_entity::Entity::find().all(&db).await.unwrap();
    assert_eq!(servers.len(), 2);
    let mut passwords: Vec<String> = bmc_credential::Entity::find()
        .all(&db)
        .await
        .unwrap()
        .iter()
        .map(|c| {
            new_box
                .decrypt(&c.password_enc)
                .unwrap()
                .expose()
                .to_owned()
        })
        .collect();
    passwords.sort();
    assert_eq!(passwords, ["bmc-pass-one", "bmc-pass-two"]);
    db.close().await.unwrap();

    // The restored admin can sign in to the new installation.
    let users = ok(ipmi_monitor(new.path())
        .args(["user", "list", "--json"])
        .output()
        .unwrap());
    assert!(users.contains("\"boss\""));

    // Restoring again changes nothing.
    let again = ok(ipmi_monitor(new.path())
        .arg("restore")
        .arg(&file)
        .output()
        .unwrap());
    assert!(
        again.contains("servers: 0 added, 0 updated, 2 unchanged"),
        "{again}"
    );
}

#[tokio::test]
async fn replace_removes_what_the_backup_lacks_but_never_the_last_admin() {
    let server = TestServer::start().await;
    let hash = app::ssr::auth::password::hash_blocking("admin one password").unwrap();
    app::ssr::auth::users::insert(&server.state.db, "one", hash, app::types::Role::Admin)
        .await
        .unwrap();
    let (status, backup) = server
        .call_fn(&server.admin_token, "create_backup", &[])
        .await;
    assert_eq!(status, 200, "{backup}");
    let backup: String = serde_json::from_str(&backup).unwrap();

    // After the backup: another user; a replace restore removes them again.
    let hash = app::ssr::auth::password::hash_blocking("later user password").unwrap();
    app::ssr::auth::users::insert(&server.state.db, "later", hash, app::types::Role::Viewer)
        .await
        .unwrap();
    let (status, plan) = server
        .call_fn(
            &server.admin_token,
            "restore_backup",
            &[("text", &backup), ("mode", "replace")],
        )
        .await;
    assert_eq!(status, 200, "{plan}");
    let plan: serde_json::Value = serde_json::from_str(&plan).unwrap();
    assert_eq!(plan["users_removed"], 1, "preview: {plan}");
    assert_eq!(
        app::ssr::auth::users::count(&server.state.db)
            .await
            .unwrap(),
        2,
        "a preview changes nothing"
    );
    let (status, _) = server
        .call_fn(
            &server.admin_token,
            "restore_backup",
            &[("text", &backup), ("mode", "replace"), ("apply", "true")],
        )
        .await;
    assert_eq!(status, 200);
    let names: Vec<String> = app::ssr::auth::users::list(&server.state.db)
        .await
        .unwrap()
        .into_iter()
        .map(|u| u.username)
        .collect();
    assert_eq!(names, ["one"]);

    // A backup whose only admin is demoted would leave no admin: refused, nothing changed.
    let demoted = backup.replace("\"role\": \"admin\"", "\"role\": \"viewer\"");
    let (status, body) = server
        .call_fn(
            &server.admin_token,
            "restore_backup",
            &[("text", &demoted), ("mode", "replace"), ("apply", "true")],
        )
        .await;
    assert_eq!(status, 409, "{body}");
    assert_eq!(
        app::ssr::auth::users::admin_count(&server.state.db)
            .await
            .unwrap(),
        1
    );

    let (status, body) = server
        .call_fn(
            &server.admin_token,
            "restore_backup",
            &[("text", "{\"not\":\"a backup\"}"), ("mode", "merge")],
        )
        .await;
    assert_eq!(status, 422, "{body}");

    // The audit log has the backup and the restore.
    let (_, audit) = server
        .call_fn(&server.admin_token, "list_audit_log", &[])
        .await;
    assert!(audit.contains("backup.create") && audit.contains("backup.restore"));
}

#[tokio::test]
async fn the_backup_downloads_as_a_file_for_admins_only() {
    let server = TestServer::start().await;
    let response = server
        .admin_client()
        .post(server.url("/api/backup"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    let disposition = response.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        disposition.starts_with("attachment; filename=\"ipmi-monitor-backup-"),
        "{disposition}"
    );
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["format"], "ipmi-monitor-backup");
    assert!(body["sealed_credentials"].is_null());

    let short = server
        .admin_client()
        .post(server.url("/api/backup"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("with_secrets=on&passphrase=short")
        .send()
        .await
        .unwrap();
    assert_eq!(short.status().as_u16(), 422);

    let viewer = app::ssr::auth::api_tokens::create(
        &server.state.db,
        "v",
        app::types::Role::Viewer,
        "t",
        None,
    )
    .await
    .unwrap();
    let refused = support::bearer_client(&viewer.token)
        .post(server.url("/api/backup"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("")
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status().as_u16(), 403);
}
