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
