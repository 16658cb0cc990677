//! Running a command on one or many BMCs.

use std::io::Write;
use std::time::{Duration, Instant};

use futures::StreamExt;

use super::args::{BmcArgs, BmcCommand};
use super::human::render;
use super::outcome::{HostResult, Outcome};
use crate::client::{BmcClient, ConnectOptions, Credentials, Protocol, SelCursor};
use crate::error::IpmiError;
use crate::rmcp_plus::AuthType;

/// Problems with the command line itself (exit code 2); per-host failures are not errors.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("no password: use -P, --password-env VAR, --password-file FILE or set IPMI_PASSWORD")]
    NoPassword,
    #[error("environment variable {0} is not set")]
    MissingEnv(String),
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{0} lists no hosts")]
    NoHosts(String),
    #[error("cannot write output: {0}")]
    Output(#[from] std::io::Error),
}

fn password(args: &BmcArgs) -> Result<String, CliError> {
    if let Some(p) = &args.password {
        return Ok(p.clone());
    }
    if let Some(var) = &args.password_env {
        return std::env::var(var).map_err(|_| CliError::MissingEnv(var.clone()));
    }
    if let Some(path) = &args.password_file {
        let text = std::fs::read_to_string(path).map_err(|source| CliError::Read {
            path: path.display().to_string(),
            source,
        })?;
        return Ok(text.lines().next().unwrap_or("").to_string());
    }
    std::env::var("IPMI_PASSWORD").map_err(|_| CliError::NoPassword)
}

fn hosts(spec: &str) -> Result<Vec<String>, CliError> {
    let Some(path) = spec.strip_prefix('@') else {
        return Ok(vec![spec.to_string()]);
    };
    let text = std::fs::read_to_string(path).map_err(|source| CliError::Read {
        path: path.to_string(),
        source,
    })?;
    let hosts: Vec<String> = text
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    if hosts.is_empty() {
        return Err(CliError::NoHosts(path.to_string()));
    }
    Ok(hosts)
}

fn options(args: &BmcArgs) -> ConnectOptions {
    let protocol = match args.ipmi15.as_deref() {
        Some("md5") => Protocol::V15(AuthType::Md5),
        Some(_) => Protocol::V15(AuthType::Password),
        None => Protocol::V20,
    };
    ConnectOptions {
        protocol,
        cipher_suites: args
            .cipher_suite
            .map(|c| vec![c])
            .unwrap_or_else(|| vec![17, 3]),
        privilege: args.privilege,
        timeout: Duration::from_millis(args.timeout_ms.max(1)),
        retries: args.retries,
        deadline: Duration::from_secs(args.deadline.max(1)),
        // A CLI run is short: no keepalive task.
        keepalive: None,
        ..ConnectOptions::default()
    }
}

async fn run_one(
    host: &str,
    creds: Credentials,
    opts: ConnectOptions,
    cmd: &BmcCommand,
) -> (Result<Outcome, IpmiError>, u64) {
    let client = match BmcClient::connect(host, creds, opts).await {
        Ok(c) => c,
        Err(e) => return (Err(e), 0),
    };
    let r = match cmd {
        BmcCommand::Info => match client.device_info().await {
            Ok(device) => Ok(Outcome::Info {
                device,
                session: client.session_info(),
                lan: client.lan_info().await.ok(),
            }),
            Err(e) => Err(e),
        },
        BmcCommand::Sensors => client
            .poll_sensors()
            .await
            .map(|sensors| Outcome::Sensors { sensors }),
        BmcCommand::Sel => client
            .read_sel_since(&SelCursor::default())
            .await
            .map(|batch| Outcome::Sel { batch }),
        BmcCommand::Fru => client.fru().await.map(|devices| Outcome::Fru { devices }),
        BmcCommand::Chassis => client
            .chassis_status()
            .await
            .map(|status| Outcome::Chassis { status }),
        BmcCommand::Power { action } => client
            .power(*action)
            .await
            .map(|()| Outcome::Power { action: *action }),
        BmcCommand::SelClear => client.clear_sel().await.map(|()| Outcome::SelClear {}),
        BmcCommand::Raw { netfn, cmd, data } => client
            .raw(*netfn, *cmd, data)
            .await
            .map(|response| Outcome::Raw { response }),
    };
    let _ = client.close().await;
    (r, client.request_count())
}

/// Runs the command on every host (up to `--fanout` at once) and prints one result per
/// host, in the order given. Returns the exit code: 0 if every host succeeded, 1 otherwise.
pub async fn run(args: BmcArgs) -> Result<i32, CliError> {
    let password = password(&args)?;
    let hosts = hosts(&args.host)?;
    let multi = hosts.len() > 1 || args.host.starts_with('@');
    let opts = options(&args);
    let creds = Credentials::new(args.user.clone(), password);
    let cmd = args.command.clone();
    let mut results = futures::stream::iter(hosts.iter().map(|h| {
        let (creds, opts, cmd) = (creds.clone(), opts.clone(), &cmd);
        async move {
            let t = Instant::now();
            let (r, requests) = run_one(h, creds, opts, cmd).await;
            (h.as_str(), r, requests, t.elapsed())
        }
    }))
    .buffered(args.fanout.max(1));
    let mut failed = 0usize;
    let stdout = std::io::stdout();
    while let Some((host, r, requests, elapsed)) = results.next().await {
        let mut out = stdout.lock();
        if r.is_err() {
            failed += 1;
        }
        if args.json {
            let line = HostResult {
                host,
                ok: r.is_ok(),
                result: r.as_ref().ok(),
                error: r.as_ref().err().map(|e| e.to_string()),
                requests,
                elapsed_ms: u64::try_from(elapsed.as_millis()).unwrap_or(u64::MAX),
            };
            let text = serde_json::to_string(&line).unwrap_or_else(|e| {
                format!("{{\"host\":{host:?},\"ok\":false,\"error\":\"{e}\"}}")
            });
            writeln!(out, "{text}")?;
        } else {
            match &r {
                Ok(o) if multi => {
                    for line in render(o).lines() {
                        writeln!(out, "{host}: {line}")?;
                    }
                }
                Ok(o) => write!(out, "{}", render(o))?,
                Err(e) => {
                    let mut err = std::io::stderr().lock();
                    writeln!(err, "{host}: error: {e}")?;
                }
            }
        }
    }
    Ok(if failed == 0 { 0 } else { 1 })
}
