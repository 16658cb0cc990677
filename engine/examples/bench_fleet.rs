//! Fleet benchmark: N lab BMCs polled concurrently by `BmcClient` (one reused session each:
//! all sensors + SEL info + chassis status per round), then the same work done by `ipmitool`
//! 16 processes wide. Prints wall time, CPU time, peak RSS and requests per poll.
//!
//! `cargo run --release -p engine --example bench_fleet -- --bmcs 200`

use std::path::PathBuf;
use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

use clap::Parser;
use engine::client::{BmcClient, ConnectOptions, Credentials};
use futures::StreamExt;

#[derive(Parser)]
struct Args {
    /// Number of simulated BMCs.
    #[arg(long, default_value_t = 200)]
    bmcs: u32,
    /// Polling rounds (the first one reads the SDRs).
    #[arg(long, default_value_t = 3)]
    rounds: u32,
    /// UDP port every BMC listens on (each has its own 127.1.x.y address).
    #[arg(long, default_value_t = 21623)]
    port: u16,
    /// Skip the ipmitool comparison.
    #[arg(long)]
    no_ipmitool: bool,
    /// ipmitool processes at once.
    #[arg(long, default_value_t = 16)]
    ipmitool_width: usize,
}

/// The fleet, stopped on drop.
struct Fleet {
    dir: tempfile::TempDir,
    script: PathBuf,
}

impl Fleet {
    fn start(n: u32, port: u16) -> Result<Fleet, String> {
        let dir = tempfile::Builder::new()
            .prefix("bench-fleet-")
            .tempdir()
            .map_err(|e| e.to_string())?;
        let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../lab/bmc-fleet");
        let fleet = Fleet { dir, script };
        let console = port.checked_add(4000).ok_or("port too high")?;
        let out = fleet.run(&[
            "start",
            &n.to_string(),
            "--ips",
            "--base-port",
            &port.to_string(),
            "--console-base",
            &console.to_string(),
            "--drift",
            "0",
            "--no-clock-sync",
        ])?;
        if !out.status.success() {
            return Err(format!(
                "bmc-fleet start failed: {}",
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        Ok(fleet)
    }

    fn run(&self, args: &[&str]) -> Result<std::process::Output, String> {
        Command::new("bash")
            .arg(&self.script)
            .args(args)
            .env("BMC_FLEET_DIR", self.dir.path())
            .output()
            .map_err(|e| format!("bmc-fleet: {e}"))
    }
}

impl Drop for Fleet {
    fn drop(&mut self) {
        let _ = self.run(&["stop"]);
    }
}

/// (user + system CPU seconds, peak RSS in MiB) for `who`.
fn rusage(who: libc::c_int) -> (f64, f64) {
    // SAFETY: getrusage only writes into the zeroed struct we pass.
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(who, &mut ru) };
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    (
        secs(ru.ru_utime) + secs(ru.ru_stime),
        ru.ru_maxrss as f64 / 1024.0,
    )
}

fn address(i: u32) -> String {
    format!("127.1.{}.{}", (i - 1) / 250, (i - 1) % 250 + 1)
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    let n = args.bmcs;
    let t = Instant::now();
    let fleet = Fleet::start(n, args.port)?;
    println!("fleet: {n} BMCs started in {:.2?}", t.elapsed());
    let targets: Vec<String> = (1..=n)
        .map(|i| format!("{}:{}", address(i), args.port))
        .collect();

    let options = ConnectOptions {
        cipher_suites: vec![3],
        deadline: Duration::from_secs(60),
        ..ConnectOptions::default()
    };
    let (cpu0, _) = rusage(libc::RUSAGE_SELF);
    let t = Instant::now();
    let clients: Vec<Arc<BmcClient>> =
        futures::stream::iter(targets.iter().map(|target| {
            let options = options.clone();
            async move {
                BmcClient::connect(target, Credentials::new("admin", "password"), options).await
            }
        }))
        .buffer_unordered(n as usize)
        .collect::<Vec<_>>()
        .await
        .into_iter()
        .collect::<Result<Vec<_>, _>>()?
        .into_iter()
        .map(Arc::new)
        .collect();
    println!(
        "engine: {} sessions opened in {:.2?}",
        clients.len(),
        t.elapsed()
    );

    let mut warm_wall = Duration::ZERO;
    for round in 1..=args.rounds {
        let before: u64 = clients.iter().map(|c| c.request_count()).sum();
        let t = Instant::now();
        let results = futures::future::join_all(clients.iter().map(|c| {
            let c = c.clone();
            async move {
                let sensors = c.poll_sensors().await?;
                c.sel_info().await?;
                c.chassis_status().await?;
                Ok::<usize, engine::IpmiError>(sensors.len())
            }
        }))
        .await;
        let wall = t.elapsed();
        let failures = results.iter().filter(|r| r.is_err()).count();
        let sensors: usize = results.iter().filter_map(|r| r.as_ref().ok()).sum();
        let after: u64 = clients.iter().map(|c| c.request_count()).sum();
        println!(
            "engine round {round}{}: {:.3} s wall, {} sensors, {:.1} requests per BMC, {failures} failures",
            if round == 1 {
                " (cold: reads SDRs)"
            } else {
                ""
            },
            wall.as_secs_f64(),
            sensors,
            (after - before) as f64 / f64::from(n),
        );
        if round > 1 {
            warm_wall = warm_wall.max(wall);
        }
    }
    futures::future::join_all(clients.iter().map(|c| c.close())).await;
    let (cpu1, rss) = rusage(libc::RUSAGE_SELF);
    println!(
        "engine: {:.3} s CPU (user+sys) for connect + {} rounds + close, peak RSS {:.1} MiB",
        cpu1 - cpu0,
        args.rounds,
        rss
    );

    if !args.no_ipmitool {
        let (ccpu0, _) = rusage(libc::RUSAGE_CHILDREN);
        let t = Instant::now();
        let sem = Arc::new(tokio::sync::Semaphore::new(args.ipmitool_width.max(1)));
        let port = args.port.to_string();
        let mut tasks = Vec::new();
        for i in 1..=n {
            let (sem, port) = (sem.clone(), port.clone());
            tasks.push(tokio::spawn(async move {
                let _permit = sem.acquire().await.ok()?;
                for cmd in [&["sensor"][..], &["sel", "info"], &["chassis", "status"]] {
                    let st = tokio::process::Command::new("ipmitool")
                        .args([
                            "-I",
                            "lanplus",
                            "-C",
                            "3",
                            "-H",
                            &address(i),
                            "-p",
                            &port,
                            "-U",
                            "admin",
                            "-E",
                        ])
                        .args(cmd)
                        .env("IPMI_PASSWORD", "password")
                        .stdout(std::process::Stdio::null())
                        .stderr(std::process::Stdio::null())
                        .status()
                        .await
                        .ok()?;
                    if !st.success() {
                        return None;
                    }
                }
                Some(())
            }));
        }
        let mut failures = 0;
        for task in tasks {
            if !matches!(task.await, Ok(Some(()))) {
                failures += 1;
            }
        }
        let wall = t.elapsed();
        let (ccpu1, crss) = rusage(libc::RUSAGE_CHILDREN);
        println!(
            "ipmitool {}-wide: {:.3} s wall, {:.3} s CPU (children), largest child RSS {:.1} MiB, {failures} failures",
            args.ipmitool_width,
            wall.as_secs_f64(),
            ccpu1 - ccpu0,
            crss
        );
        if warm_wall > Duration::ZERO {
            println!(
                "ratio: ipmitool takes {:.0}x the wall time of a warm engine round",
                wall.as_secs_f64() / warm_wall.as_secs_f64()
            );
        }
    }
    drop(fleet);
    Ok(())
}
