//! Server import: the Python tool's files import as they are, bad rows are reported with their
//! lines, and a failed import writes nothing. Parsing, the database write and the CLI.

use std::path::{Path, PathBuf};
use std::process::Command;

use app::entities::{bmc_credential, server};
use app::import::apply::{ApplyError, ApplyMode, apply};
use app::import::{Format, ImportPlan, parse, parse_file};
use app::ssr::secrets::SecretBox;
use sea_orm::{DatabaseConnection, EntityTrait, PaginatorTrait};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn parse_fixture(name: &str) -> ImportPlan {
    let path = fixture(name);
    let text = std::fs::read_to_string(&path).unwrap();
    let (_, plan) = parse_file(Some(&path), &text, None);
    assert!(plan.errors.is_empty(), "{name}: {:?}", plan.errors);
    plan
}

fn names(plan: &ImportPlan) -> Vec<&str> {
    plan.rows.iter().map(|r| r.name.as_str()).collect()
}

#[test]
fn python_servers_yaml_applies_its_defaults_block() {
    let plan = parse_fixture("python_servers.yaml");
    assert_eq!(
        names(&plan),
        [
            "rack1-node01",
            "rack1-node02",
            "storage-head",
            "gpu-node-01",
            "redfish-node",
            "isolated-node"
        ]
    );
    let node01 = &plan.rows[0];
    assert_eq!(node01.bmc_address, "10.20.1.10");
    assert_eq!(node01.os_address.as_deref(), Some("10.20.1.11"));
    assert_eq!(node01.username.as_deref(), Some("admin"));
    assert_eq!(
        node01.password.as_ref().map(|p| p.expose()),
        Some("default-bmc-secret")
    );
    let storage = &plan.rows[2];
    assert_eq!(storage.username.as_deref(), Some("storage_admin"));
    assert_eq!(
        storage.password.as_ref().map(|p| p.expose()),
        Some("storage-secret")
    );
    assert_eq!(plan.rows[4].protocol, Some(app::import::Protocol::Redfish));
    // The SSH settings are read and named once each, not silently dropped.
    let warned: Vec<_> = plan
        .warnings
        .iter()
        .filter_map(|w| w.field.as_deref())
        .collect();
    assert!(warned.contains(&"ssh_user"), "{warned:?}");
    assert!(warned.contains(&"ssh_key_name"), "{warned:?}");
    assert_eq!(
        warned.iter().filter(|w| **w == "ssh_user").count(),
        1,
        "{warned:?}"
    );
}

#[test]
fn python_quickstart_yaml_csv_ini_and_json_exports_import_as_they_are() {
    let quick = parse_fixture("python_quickstart_servers.yaml");
    assert_eq!(names(&quick), ["master", "worker-01"]);
    assert_eq!(quick.rows[1].os_address.as_deref(), Some("10.30.0.101"));

    let csv = parse_fixture("python_servers.csv");
    assert_eq!(names(&csv), ["web-01", "db-01", "gpu-01", "nas-01"]);
    // Empty credential cells mean "use the default credentials".
    assert_eq!(csv.rows[0].username, None);
    assert_eq!(csv.rows[1].username.as_deref(), Some("dbadmin"));
    assert_eq!(csv.rows[1].notes.as_deref(), Some("Primary database"));
    assert_eq!(csv.rows[1].line, 3);

    let ini = parse_fixture("python_servers.ini");
    assert_eq!(names(&ini), ["node-a", "node-b", "node-c"]);
    assert_eq!(ini.rows[1].bmc_address, "10.50.0.2");

    let export = parse_fixture("python_export.json");
    assert_eq!(names(&export), ["alpha", "beta"]);
    assert_eq!(export.rows[1].enabled, Some(false));
    assert_eq!(export.rows[1].notes.as_deref(), Some("spare"));

    let config = parse_fixture("python_config_export.json");
    assert_eq!(names(&config), ["gamma"]);
    assert_eq!(config.rows[0].username.as_deref(), Some("admin"));
}

#[test]
fn bad_rows_are_reported_with_their_line_and_column() {
    let text = "name,bmc_ip,bmc_port,colour\n\
                ok-1,10.0.0.1,623,\n\
                bad-addr,10.0.0.300,,\n\
                bad-port,10.0.0.3,70000,\n\
                ok-1,10.0.0.4,,\n";
    let plan = parse(text, Format::Csv);
    let found: Vec<(usize, Option<&str>)> = plan
        .errors
        .iter()
        .map(|e| (e.line, e.field.as_deref()))
        .collect();
    assert!(found.contains(&(1, Some("colour"))), "{:?}", plan.errors);
    assert!(found.contains(&(3, Some("bmc_ip"))), "{:?}", plan.errors);
    assert!(found.contains(&(4, Some("bmc_port"))), "{:?}", plan.errors);
    assert!(found.contains(&(5, Some("name"))), "{:?}", plan.errors);
    assert!(!plan.is_ok());
}

#[test]
fn a_missing_name_or_address_is_an_error_not_a_guess() {
    let plan = parse(
        "servers:\n  - bmc_ip: 10.0.0.1\n  - name: x\n",
        Format::Yaml,
    );
    let fields: Vec<_> = plan
        .errors
        .iter()
        .map(|e| (e.line, e.field.as_deref()))
        .collect();
    assert_eq!(fields, [(2, Some("name")), (3, Some("bmc_address"))]);
    assert!(plan.rows.is_empty());
}

async fn fresh_db() -> (DatabaseConnection, SecretBox) {
    let db = sea_orm::Database::connect("sqlite::memory:").await.unwrap();
    <migration::Migrator as migration::MigratorTrait>::up(&db, None)
        .await
        .unwrap();
    (db, SecretBox::new(&SecretBox::generate_key()))
}

#[tokio::test]
async fn import_writes_servers_and_encrypted_overrides_then_updates_in_place() {
    let (db, secrets) = fresh_db().await;
    let plan = parse_fixture("python_servers.csv");
    let outcome = apply(&db, &secrets, &plan, ApplyMode::Write).await.unwrap();
    assert_eq!((outcome.created, outcome.updated), (4, 0));
    assert_eq!(outcome.credentials_set, 1);

    let creds = bmc_credential::Entity::find().all(&db).await.unwrap();
    assert_eq!(creds.len(), 1);
    assert_eq!(creds[0].username, "dbadmin");
    assert!(!creds[0].password_enc.contains("db-secret"));
    assert_eq!(
        secrets.decrypt(&creds[0].password_enc).unwrap().expose(),
        "db-secret"
    );

    // The same file again changes nothing; a changed value updates the row in place.
    let again = apply(&db, &secrets, &plan, ApplyMode::Write).await.unwrap();
    assert_eq!(
        (
            again.created,
            again.updated,
            again.unchanged,
            again.credentials_set
        ),
        (0, 0, 4, 0)
    );
    let changed = parse(
        "name,bmc_ip,notes\ndb-01,10.40.1.101,moved to rack 9\n",
        Format::Csv,
    );
    apply(&db, &secrets, &changed, ApplyMode::Write)
        .await
        .unwrap();
    let servers = server::Entity::find().all(&db).await.unwrap();
    assert_eq!(servers.len(), 4);
    let db01 = servers.iter().find(|s| s.name == "db-01").unwrap();
    assert_eq!(db01.notes, "moved to rack 9");
    assert_eq!(db01.os_address.as_deref(), Some("10.40.1.11"), "kept");
}

#[tokio::test]
async fn a_failed_import_writes_nothing() {
    let (db, secrets) = fresh_db().await;
    apply(
        &db,
        &secrets,
        &parse("name,bmc_ip\nexisting,10.9.0.1\n", Format::Csv),
        ApplyMode::Write,
    )
    .await
    .unwrap();

    // Row 2 is fine, row 3 takes an address another server already has.
    let plan = parse("name,bmc_ip\nnew-1,10.9.0.2\nnew-2,10.9.0.1\n", Format::Csv);
    assert!(plan.is_ok());
    match apply(&db, &secrets, &plan, ApplyMode::Write).await {
        Err(ApplyError::Rows(errors)) => {
            assert_eq!(errors.len(), 1, "{errors:?}");
            assert_eq!(errors[0].line, 3);
            assert!(errors[0].message.contains("existing"), "{errors:?}");
        }
        other => panic!("expected row errors, got {other:?}"),
    }
    assert_eq!(server::Entity::find().count(&db).await.unwrap(), 1);

    // A username without a password cannot make a login.
    let plan = parse("name,bmc_ip,ipmi_user\nnew-3,10.9.0.3,admin\n", Format::Csv);
    assert!(matches!(
        apply(&db, &secrets, &plan, ApplyMode::Write).await,
        Err(ApplyError::Rows(_))
    ));
    assert_eq!(server::Entity::find().count(&db).await.unwrap(), 1);
}

#[tokio::test]
async fn a_dry_run_reports_the_outcome_and_keeps_nothing() {
    let (db, secrets) = fresh_db().await;
    let plan = parse_fixture("python_servers.yaml");
    let outcome = apply(&db, &secrets, &plan, ApplyMode::DryRun)
        .await
        .unwrap();
    assert_eq!(outcome.created, 6);
    assert_eq!(outcome.credentials_set, 6);
    assert_eq!(server::Entity::find().count(&db).await.unwrap(), 0);
    assert_eq!(bmc_credential::Entity::find().count(&db).await.unwrap(), 0);
}

fn ipmi_monitor(data_dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ipmi-monitor"));
    cmd.env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("IPMI_MONITOR_DATA_DIR", data_dir);
    cmd
}

#[test]
fn cli_imports_a_python_file_and_reports_bad_lines_by_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let out = ipmi_monitor(dir.path())
        .arg("import")
        .arg(fixture("python_servers.yaml"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("6 added"), "{stdout}");
    assert!(
        stderr.contains("ssh_user"),
        "warnings name what was ignored: {stderr}"
    );
    // The passwords in the file are nowhere in the database file.
    let db_bytes = std::fs::read(dir.path().join("ipmi_events.db")).unwrap();
    let db_text = String::from_utf8_lossy(&db_bytes);
    assert!(db_text.contains("rack1-node01"));
    assert!(!db_text.contains("default-bmc-secret"));

    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "name,bmc_ip\nfine,10.1.1.1\nbroken,not an address\n").unwrap();
    let out = ipmi_monitor(dir.path())
        .arg("import")
        .arg(&bad)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("{}:3: bmc_ip:", bad.display())),
        "{stderr}"
    );
    // "fine" on line 2 was not written either: importing it alone would still add it.
    let fine = dir.path().join("fine.csv");
    std::fs::write(&fine, "name,bmc_ip\nfine,10.1.1.1\n").unwrap();
    let out = ipmi_monitor(dir.path())
        .args(["import", "--dry-run"])
        .arg(&fine)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("would import 1 server(s): 1 added"),
        "{stdout}"
    );
}
