//! The CLI entry point: exit codes with one and many hosts.

use clap::Parser;
use engine::cli::{BmcArgs, run};

use crate::lab::Lab;

#[derive(Parser)]
struct Cli {
    #[command(flatten)]
    args: BmcArgs,
}

fn args(line: &[&str]) -> BmcArgs {
    let mut v = vec!["bmc"];
    v.extend_from_slice(line);
    Cli::parse_from(v).args
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn exit_codes_per_host() {
    let lab = Lab::start(2);
    let dir = tempfile::tempdir().unwrap();
    let pw = dir.path().join("pw");
    std::fs::write(&pw, "password\n").unwrap();
    let pw = pw.to_str().unwrap();
    for cmd in [
        &["sensors"][..],
        &["info", "--json"],
        &["sel"],
        &["fru", "--json"],
        &["chassis"],
        &["raw", "0x06", "0x01"],
    ] {
        let mut line = vec![
            lab.target(1).leak() as &str,
            "-U",
            "admin",
            "--password-file",
            pw,
            "-C",
            "3",
        ];
        line.extend_from_slice(cmd);
        assert_eq!(run(args(&line)).await.unwrap(), 0, "{cmd:?}");
    }
    // Many hosts: one dead one makes the exit code 1, the others still run.
    let hosts = dir.path().join("hosts");
    lab.fleet(&["crash", "2"]);
    std::fs::write(
        &hosts,
        format!("{}\n# comment\n{}\n", lab.target(1), lab.target(2)),
    )
    .unwrap();
    let at = format!("@{}", hosts.display());
    assert_eq!(
        run(args(&[&at, "--password-file", pw, "chassis", "--json"]))
            .await
            .unwrap(),
        1
    );
    // Bad credentials are a per-host failure, a missing password a usage error.
    assert_eq!(
        run(args(&[&lab.target(1), "-P", "wrong", "info"]))
            .await
            .unwrap(),
        1
    );
    assert!(
        run(args(&[
            &lab.target(1),
            "--password-env",
            "ENGINE_TEST_UNSET_VAR",
            "info"
        ]))
        .await
        .is_err()
    );
}
