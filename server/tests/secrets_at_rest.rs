//! A BMC password and a user password, stored through the app and in use (the collector logs
//! in to a lab BMC with one, a browser login sends the other), appear in neither the database
//! files, the server's debug log, nor any process's command line.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use labkit::Lab;

/// Distinctive enough that a match cannot be a coincidence (the lab allows 13 characters).
const BMC_PASSWORD: &str = "Zq7kT9vW2xLm";
const USER_PASSWORD: &str = "Uv4-login-secret-8812";

fn ipmi_monitor(data_dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ipmi-monitor"));
    cmd.env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("IPMI_MONITOR_DATA_DIR", data_dir);
    cmd
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Every process's command line that mentions one of `needles`.
fn command_lines_containing(needles: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(raw) = std::fs::read(entry.path().join("cmdline")) else {
            continue;
        };
        let line = String::from_utf8_lossy(&raw).replace('\0', " ");
        if needles.iter().any(|n| line.contains(n)) {
            found.push(line);
        }
    }
    found
}

fn files_containing(dir: &Path, needles: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let Ok(bytes) = std::fs::read(entry.path()) else {
            continue;
        };
        let text = String::from_utf8_lossy(&bytes);
        for needle in needles {
            if text.contains(needle) {
                found.push(format!("{} holds {needle}", entry.path().display()));
            }
        }
    }
    found
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stored_passwords_are_never_in_plain_text_anywhere() {
    let lab = Lab::start_with(1, &["--drift", "0", "--pass", BMC_PASSWORD]);
    let data = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();

    // The operator's import file is the only place the BMC password is written in clear.
    let csv = work.path().join("servers.csv");
    std::fs::write(
        &csv,
        format!(
            "name,bmc_ip,bmc_port,username,password\nsecret-lab,127.0.0.1,{},admin,{BMC_PASSWORD}\n",
            lab.port(1)
        ),
    )
    .unwrap();
    let out = ipmi_monitor(data.path())
        .arg("import")
        .arg(&csv)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::remove_file(&csv).unwrap();

    let mut add = ipmi_monitor(data.path())
        .args(["user", "add", "root", "--role", "admin"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    std::io::Write::write_all(
        &mut add.stdin.take().unwrap(),
        format!("{USER_PASSWORD}\n").as_bytes(),
    )
    .unwrap();
    assert!(add.wait().unwrap().success());

    let port = free_port();
    let log_path = work.path().join("server.log");
    let log = std::fs::File::create(&log_path).unwrap();
    let mut server = ipmi_monitor(data.path())
        .arg("serve")
        .env("IPMI_MONITOR_LISTEN", format!("127.0.0.1:{port}"))
        .env("IPMI_MONITOR_LOG", "debug")
        .env("IPMI_MONITOR_POLL_INTERVAL", "5")
        .stdout(log.try_clone().unwrap())
        .stderr(log)
        .spawn()
        .unwrap();
    let base = format!("http://127.0.0.1:{port}");
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();

    // The collector decrypts the BMC password and logs in with it.
    let until = Instant::now() + Duration::from_secs(40);
    loop {
        let metrics = match client.get(format!("{base}/metrics")).send().await {
            Ok(response) => response.text().await.unwrap_or_default(),
            Err(_) => String::new(),
        };
        if metrics.contains("ipmi_up{server=\"secret-lab\"} 1") {
            break;
        }
        assert!(
            Instant::now() < until,
            "the lab BMC was never polled:\n{metrics}"
        );
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    let login = client
        .post(format!("{base}/api/login"))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("origin", &base)
        .body(format!(
            "username=root&password={}",
            USER_PASSWORD.replace('-', "%2D")
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(login.status().as_u16(), 200);

    let needles = [BMC_PASSWORD, USER_PASSWORD];
    let lines = command_lines_containing(&needles);
    assert!(lines.is_empty(), "passwords on command lines: {lines:?}");

    assert!(
        Command::new("kill")
            .arg("-TERM")
            .arg(server.id().to_string())
            .status()
            .unwrap()
            .success()
    );
    assert!(server.wait().unwrap().success());

    assert!(
        !files_containing(data.path(), &["secret-lab", "$argon2id$"]).is_empty(),
        "the scan reads the database files"
    );
    let leaks = files_containing(data.path(), &needles);
    assert!(leaks.is_empty(), "{leaks:?}");
    let log_text = std::fs::read_to_string(&log_path).unwrap();
    assert!(log_text.contains("DEBUG"), "the log ran at debug level");
    for needle in needles {
        assert!(!log_text.contains(needle), "{needle} in the server log");
    }
    drop(lab);
}
