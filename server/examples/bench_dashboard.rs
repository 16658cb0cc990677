//! Dashboard benchmark: a server on loopback with N servers in its SQLite database (each with
//! a status, 20 sensors and 5 events), then the server-rendered dashboard and the calls the
//! browser makes after hydrating, timed over several rounds. Prints p50, p99 and max per
//! request and the size of each answer.
//!
//! `cargo run --release -p server --example bench_dashboard -- --servers 1000`

use std::time::{Duration, Instant};

use app::entities::{sel_event, sensor, server as server_entity, server_status};
use chrono::Utc;
use clap::Parser;
use sea_orm::{EntityTrait, Set, TransactionTrait};
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

#[derive(Parser)]
struct Args {
    /// Servers in the database.
    #[arg(long, default_value_t = 1000)]
    servers: usize,
    /// Timed requests per route.
    #[arg(long, default_value_t = 20)]
    rounds: usize,
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    let dir = tempfile::tempdir()?;
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let env = vec![
        (
            "IPMI_MONITOR_DATA_DIR".to_owned(),
            dir.path().display().to_string(),
        ),
        ("IPMI_MONITOR_LISTEN".to_owned(), addr.to_string()),
    ];
    let config = server::config::Config::load(None, env)?;
    let state = server::serve::build_state(config, CancellationToken::new()).await?;
    let started = Instant::now();
    seed(&state.db, args.servers).await?;
    println!(
        "seeded {} servers ({} sensors, {} events) in {:.1} s",
        args.servers,
        args.servers * 20,
        args.servers * 5,
        started.elapsed().as_secs_f64()
    );
    let token = app::ssr::auth::api_tokens::create(
        &state.db,
        "bench",
        app::types::Role::Admin,
        "bench",
        None,
    )
    .await?
    .token;
    let shutdown = state.shutdown.clone();
    let task = tokio::spawn(server::serve::serve_until(state, listener));
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(
        reqwest::header::AUTHORIZATION,
        format!("Bearer {token}").parse()?,
    );
    let client = reqwest::Client::builder()
        .default_headers(headers)
        .build()?;
    let base = format!("http://{addr}");
    let get = |path: &str| client.get(format!("{base}{path}"));
    let post = |path: &str, body: &'static str| {
        client
            .post(format!("{base}{path}"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
    };
    println!(
        "{:<36} {:>8} {:>8} {:>8} {:>10}",
        "request", "p50 ms", "p99 ms", "max ms", "bytes"
    );
    for (label, request) in [
        ("GET / (server-rendered dashboard)", get("/")),
        (
            "GET /?sort=state&severity=warning",
            get("/?sort=state&severity=warning"),
        ),
        ("POST /api/list_servers", post("/api/list_servers", "")),
        (
            "POST /api/get_fleet_stats",
            post("/api/get_fleet_stats", "range=24h"),
        ),
        ("GET /api/v1/servers", get("/api/v1/servers")),
    ] {
        let mut times = Vec::with_capacity(args.rounds);
        let mut bytes = 0;
        // One untimed request first: it warms the page cache and the connection.
        let warm = request.try_clone().ok_or("request cannot be cloned")?;
        warm.send().await?.bytes().await?;
        for _ in 0..args.rounds.max(1) {
            let request = request.try_clone().ok_or("request cannot be cloned")?;
            let t = Instant::now();
            let response = request.send().await?;
            if !response.status().is_success() {
                return Err(format!("{label}: status {}", response.status()).into());
            }
            bytes = response.bytes().await?.len();
            times.push(t.elapsed());
        }
        times.sort();
        let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        println!(
            "{label:<36} {:>8.1} {:>8.1} {:>8.1} {bytes:>10}",
            ms(at(0.5)),
            ms(at(0.99)),
            ms(times[times.len() - 1])
        );
    }
    shutdown.cancel();
    task.await??;
    Ok(())
}

/// Servers are disabled, so the collector leaves them alone while the pages are timed.
async fn seed(db: &sea_orm::DatabaseConnection, count: usize) -> Result<(), sea_orm::DbErr> {
    let now = Utc::now();
    let txn = db.begin().await?;
    let servers: Vec<server_entity::ActiveModel> = (0..count)
        .map(|i| server_entity::ActiveModel {
            name: Set(format!("node-{i:04}")),
            bmc_address: Set(format!("10.{}.{}.{}", i / 65536, (i / 256) % 256, i % 256)),
            bmc_port: Set(623),
            protocol: Set("ipmi".to_owned()),
            privilege: Set("administrator".to_owned()),
            tags: Set(format!("rack-{}, gpu", i % 40)),
            notes: Set(String::new()),
            enabled: Set(false),
            lifecycle: Set("active".to_owned()),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        })
        .collect();
    for chunk in servers.chunks(500) {
        server_entity::Entity::insert_many(chunk.to_vec())
            .exec(&txn)
            .await?;
    }
    let ids: Vec<i64> = (1..=count as i64).collect();
    let statuses: Vec<server_status::ActiveModel> = ids
        .iter()
        .map(|id| server_status::ActiveModel {
            server_id: Set(*id),
            bmc_reachable: Set(Some(id % 17 != 0)),
            os_reachable: Set(Some(id % 23 != 0)),
            power_on: Set(Some(true)),
            power_watts: Set(Some(300.0 + (*id % 200) as f64)),
            last_poll_at: Set(Some(now)),
            consecutive_failures: Set(0),
            collectors: Set("{}".to_owned()),
            updated_at: Set(now),
            ..Default::default()
        })
        .collect();
    for chunk in statuses.chunks(500) {
        server_status::Entity::insert_many(chunk.to_vec())
            .exec(&txn)
            .await?;
    }
    let sensors: Vec<sensor::ActiveModel> = ids
        .iter()
        .flat_map(|id| {
            (0..20).map(move |n| sensor::ActiveModel {
                server_id: Set(*id),
                name: Set(format!("Sensor {n}")),
                number: Set(n),
                lun: Set(0),
                sensor_type: Set(if n < 4 { "temperature" } else { "fan" }.to_owned()),
                kind: Set("threshold".to_owned()),
                status: Set("ok".to_owned()),
                value: Set(Some(30.0 + f64::from(n) + (*id % 30) as f64)),
                unit: Set(Some(if n < 4 { "degrees C" } else { "RPM" }.to_owned())),
                updated_at: Set(now),
                ..Default::default()
            })
        })
        .collect();
    for chunk in sensors.chunks(1000) {
        sensor::Entity::insert_many(chunk.to_vec())
            .exec(&txn)
            .await?;
    }
    let events: Vec<sel_event::ActiveModel> = ids
        .iter()
        .flat_map(|id| {
            (0..5).map(move |n| sel_event::ActiveModel {
                server_id: Set(*id),
                source: Set("sel".to_owned()),
                record_id: Set(n),
                timestamp: Set(now),
                raw_hex: Set(String::new()),
                raw_hash: Set(format!("{id}-{n}")),
                asserted: Set(true),
                severity: Set(["info", "warning", "critical"][(n % 3) as usize].to_owned()),
                description: Set(format!("event {n}")),
                collected_at: Set(now),
                ..Default::default()
            })
        })
        .collect();
    for chunk in events.chunks(1000) {
        sel_event::Entity::insert_many(chunk.to_vec())
            .exec(&txn)
            .await?;
    }
    txn.commit().await
}
