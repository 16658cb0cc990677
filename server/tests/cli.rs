//! The `ipmi-monitor` binary as an operator runs it.

use std::process::Command;

fn ipmi_monitor() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ipmi-monitor"));
    // Only what each test sets: an inherited IPMI_MONITOR_* would change the outcome.
    cmd.env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default());
    cmd
}

#[test]
fn version_prints_build_information_as_json() {
    let out = ipmi_monitor().args(["version", "--json"]).output().unwrap();
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["version"], include_str!("../../VERSION").trim());
    assert!(json["git_commit"].is_string());
}

#[test]
fn migrate_creates_the_database_in_the_data_dir() {
    let dir = tempfile::tempdir().unwrap();
    let out = ipmi_monitor()
        .arg("migrate")
        .env("IPMI_MONITOR_DATA_DIR", dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(dir.path().join("ipmi_events.db").exists());
    assert!(String::from_utf8_lossy(&out.stdout).contains("up to date"));
}

#[test]
fn unknown_setting_stops_start_up_with_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let out = ipmi_monitor()
        .arg("serve")
        .env("IPMI_MONITOR_DATA_DIR", dir.path())
        .env("IPMI_MONITOR_LISTN", "127.0.0.1:1")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("IPMI_MONITOR_LISTN"), "{stderr}");
    assert!(
        !dir.path().join("ipmi_events.db").exists(),
        "must stop before touching data"
    );
}

#[test]
fn bad_config_file_value_stops_start_up() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ipmi-monitor.toml");
    std::fs::write(&file, "listen = \"not an address\"\n").unwrap();
    let out = ipmi_monitor()
        .args(["--config", file.to_str().unwrap(), "serve"])
        .env("IPMI_MONITOR_DATA_DIR", dir.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("listen"));
}

#[test]
fn bmc_probe_reports_an_unreachable_bmc_per_host() {
    // Port 9 on loopback: nothing listens, so the BMC is unreachable at once.
    let out = ipmi_monitor()
        .args([
            "bmc",
            "127.0.0.1:9",
            "-U",
            "admin",
            "--password-env",
            "PW",
            "--json",
            "info",
        ])
        .env("PW", "password")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["host"], "127.0.0.1:9");
    assert_eq!(json["ok"], false);
}

#[test]
fn user_add_passwd_and_list_never_take_the_password_on_the_command_line() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str], stdin: &str, extra_env: &[(&str, &str)]| {
        let mut child = ipmi_monitor()
            .args(args)
            .env("IPMI_MONITOR_DATA_DIR", dir.path())
            .envs(extra_env.iter().copied())
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(stdin.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    };
    let out = run(
        &["user", "add", "ops", "--role", "operator"],
        "ops first password\n",
        &[],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("added ops (operator)"));

    let out = run(&["user", "add", "ops"], "another password\n", &[]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("exists already"));
    let out = run(&["user", "add", "weak"], "short\n", &[]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("at least 10"));
    let out = run(&["user", "add", "bad", "--role", "root"], "", &[]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("not viewer, operator or admin"));

    let out = run(
        &["user", "passwd", "ops", "--password-env", "NEW_PW"],
        "",
        &[("NEW_PW", "ops second password")],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = run(&["user", "passwd", "nobody"], "whatever password\n", &[]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("no user named nobody"));

    let out = run(&["user", "list", "--json"], "", &[]);
    let users: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(users[0]["username"], "ops");
    assert_eq!(users[0]["role"], "operator");
    assert!(
        !String::from_utf8_lossy(&out.stdout).contains("argon2"),
        "no hashes in the listing"
    );

    let db = std::fs::read(dir.path().join("ipmi_events.db")).unwrap();
    let db = String::from_utf8_lossy(&db);
    assert!(!db.contains("ops first password") && !db.contains("ops second password"));
    assert!(db.contains("$argon2id$"));
}

#[tokio::test]
async fn rotate_key_reencrypts_every_secret_under_a_new_key_file() {
    use app::entities::bmc_credential;
    use app::ssr::secrets::SecretBox;
    use sea_orm::EntityTrait;

    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("servers.csv");
    std::fs::write(
        &csv,
        "name,bmc_ip,username,password\nrot-1,10.9.0.1,admin,rotate-me-1\nrot-2,10.9.0.2,admin,rotate-me-2\n",
    )
    .unwrap();
    let run = |args: &[&str], env: &[(&str, &str)]| {
        ipmi_monitor()
            .args(args)
            .env("IPMI_MONITOR_DATA_DIR", dir.path())
            .envs(env.iter().copied())
            .output()
            .unwrap()
    };
    let out = run(&["import", csv.to_str().unwrap()], &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let key_file = dir.path().join("secret.key");
    let old_key = std::fs::read_to_string(&key_file).unwrap();

    let out = run(&["rotate-key"], &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("re-encrypted 2 secret(s)"));
    let new_key = std::fs::read_to_string(&key_file).unwrap();
    assert_ne!(old_key, new_key);
    assert!(!dir.path().join("secret.key.new").exists());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&key_file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    let url = format!(
        "sqlite://{}?mode=rw",
        dir.path().join("ipmi_events.db").display()
    );
    let db = sea_orm::Database::connect(&url).await.unwrap();
    let rows = bmc_credential::Entity::find().all(&db).await.unwrap();
    let new_box = SecretBox::new(&SecretBox::parse_key(&new_key).unwrap());
    let old_box = SecretBox::new(&SecretBox::parse_key(&old_key).unwrap());
    let mut plain: Vec<String> = rows
        .iter()
        .map(|r| {
            new_box
                .decrypt(&r.password_enc)
                .unwrap()
                .expose()
                .to_owned()
        })
        .collect();
    plain.sort();
    assert_eq!(plain, ["rotate-me-1", "rotate-me-2"]);
    assert!(
        rows.iter()
            .all(|r| old_box.decrypt(&r.password_enc).is_err())
    );
    db.close().await.unwrap();

    // With the key in the environment the new key must come from another variable.
    let env_key = "ab".repeat(32);
    let out = run(&["rotate-key"], &[("IPMI_MONITOR_SECRET_KEY", &env_key)]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--new-key-env"));
    // The wrong old key aborts before anything is written.
    let out = run(
        &["rotate-key", "--new-key-env", "NEXT_KEY"],
        &[
            ("IPMI_MONITOR_SECRET_KEY", &env_key),
            ("NEXT_KEY", &"cd".repeat(32)),
        ],
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("nothing was changed"));
    assert_eq!(std::fs::read_to_string(&key_file).unwrap(), new_key);
}
