//! One poll of one server: the collectors (sensors, chassis, power, sel) run over the
//! server's reused session; each reports success, duration and error on its own, so one
//! failing collector never hides the others.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use engine::client::{BmcClient, ConnectOptions, Credentials, SelBatch, SelCursor, SensorValue};
use engine::session::PrivilegeLevel;
use serde::Serialize;

use super::client_pool::ClientPool;
use super::os_probe::os_reachable;

/// Everything needed to poll one server.
#[derive(Debug)]
pub struct PollTarget {
    pub server_id: i64,
    pub name: String,
    /// `host:port` of the BMC.
    pub bmc: String,
    pub os_address: Option<String>,
    pub credentials: Credentials,
    /// Suite that worked last time, tried first.
    pub cipher_suite: Option<u8>,
    pub privilege: PrivilegeLevel,
    pub sel_cursor: SelCursor,
    /// Read the hardware inventory this time (none stored yet, or older than a day).
    pub inventory_due: bool,
}

/// The hardware inventory as the engine reports it, kept as JSON.
#[derive(Debug, Default)]
pub struct InventoryReport {
    pub device: Option<serde_json::Value>,
    pub fru: Option<serde_json::Value>,
    pub lan: Option<serde_json::Value>,
    /// The errors of the parts that could not be read.
    pub error: Option<String>,
}

/// How one collector fared.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CollectorOutcome {
    pub ok: bool,
    pub duration_ms: u64,
    pub error: Option<String>,
}

/// What one poll learned.
#[derive(Debug)]
pub struct PollReport {
    pub server_id: i64,
    pub server_name: String,
    /// When the poll began: a collect-now asked for later is not served by this poll.
    pub started: Instant,
    pub finished_at: DateTime<Utc>,
    pub duration: Duration,
    /// The BMC answered (even if it refused our login).
    pub bmc_reachable: bool,
    pub os_reachable: Option<bool>,
    pub cipher_suite: Option<u8>,
    pub sensors: Option<Vec<SensorValue>>,
    pub power_on: Option<bool>,
    pub power_watts: Option<f64>,
    pub sel: Option<SelBatch>,
    pub inventory: Option<InventoryReport>,
    pub collectors: BTreeMap<&'static str, CollectorOutcome>,
    /// The first error, for the status line.
    pub error: Option<String>,
    /// Requests this poll sent (the engine's counter), for `/metrics` and tests.
    pub requests: u64,
}

/// Polls one server. Never fails: every failure is recorded in the report.
pub async fn poll(
    target: PollTarget,
    pool: &ClientPool,
    deadline: Duration,
    os_timeout: Duration,
) -> PollReport {
    let started = Instant::now();
    let os_probe = os_reachable(target.os_address.as_deref(), os_timeout);
    let bmc_poll = poll_bmc(&target, pool, deadline);
    let (os, mut report) = tokio::join!(os_probe, bmc_poll);
    report.started = started;
    report.os_reachable = os;
    report.duration = started.elapsed();
    report.finished_at = Utc::now();
    report
}

async fn poll_bmc(target: &PollTarget, pool: &ClientPool, deadline: Duration) -> PollReport {
    let mut report = PollReport {
        server_id: target.server_id,
        server_name: target.name.clone(),
        started: Instant::now(),
        finished_at: Utc::now(),
        duration: Duration::ZERO,
        bmc_reachable: false,
        os_reachable: None,
        cipher_suite: None,
        sensors: None,
        power_on: None,
        power_watts: None,
        sel: None,
        inventory: None,
        collectors: BTreeMap::new(),
        error: None,
        requests: 0,
    };
    let client = match client_for(target, pool, deadline).await {
        Ok(client) => client,
        Err(err) => {
            // A BMC that rejects the login still answered: it is reachable, but misconfigured.
            report.bmc_reachable = matches!(err, engine::IpmiError::Auth(_));
            report.error = Some(err.to_string());
            report
                .collectors
                .insert("session", failed(Duration::ZERO, &err));
            return report;
        }
    };
    report.bmc_reachable = true;
    report.cipher_suite = client.session_info().and_then(|s| s.cipher_suite);
    let requests_before = client.request_count();

    let (result, outcome) = timed(client.poll_sensors()).await;
    report.collectors.insert("sensors", outcome);
    report.sensors = result.ok();

    let (result, outcome) = timed(client.chassis_status()).await;
    report.collectors.insert("chassis", outcome);
    report.power_on = result.ok().map(|s| s.power_on);

    // DCMI is optional: a BMC without it answers "invalid command", which is not a failure.
    let (result, mut outcome) = timed(client.power_reading()).await;
    match result {
        Ok(reading) if reading.active => {
            report.power_watts = Some(f64::from(reading.current_watts))
        }
        Ok(_) => {}
        Err(engine::IpmiError::CompletionCode(0xC1 | 0xC9 | 0xCC | 0xD4))
        | Err(engine::IpmiError::Unsupported(_)) => {
            outcome = CollectorOutcome {
                ok: true,
                error: None,
                ..outcome
            };
        }
        Err(_) => {}
    }
    report.collectors.insert("power", outcome);

    let (result, outcome) = timed(client.read_sel_since(&target.sel_cursor)).await;
    report.collectors.insert("sel", outcome);
    report.sel = result.ok();

    if target.inventory_due {
        let (inventory, outcome) = read_inventory(&client).await;
        report.collectors.insert("inventory", outcome);
        report.inventory = Some(inventory);
    }

    report.requests = client.request_count().saturating_sub(requests_before);
    report.error = report.collectors.values().find_map(|c| c.error.clone());
    let all_failed = report.collectors.values().all(|c| !c.ok);
    if all_failed {
        // Nothing worked: the session is likely dead; start afresh next time.
        report.bmc_reachable = false;
        pool.remove(target.server_id).await;
    }
    report
}

/// Device id, FRU devices and LAN settings; each part on its own, so a BMC without FRU data
/// still reports its firmware.
async fn read_inventory(client: &BmcClient) -> (InventoryReport, CollectorOutcome) {
    let started = Instant::now();
    let mut inventory = InventoryReport::default();
    let mut errors = Vec::new();
    let json = |value: Result<serde_json::Value, serde_json::Error>| value.ok();
    match client.device_info().await {
        Ok(device) => inventory.device = json(serde_json::to_value(device)),
        Err(err) => errors.push(format!("device id: {err}")),
    }
    match client.fru().await {
        Ok(fru) => inventory.fru = json(serde_json::to_value(fru)),
        Err(err) => errors.push(format!("fru: {err}")),
    }
    match client.lan_info().await {
        Ok(lan) => inventory.lan = json(serde_json::to_value(lan)),
        Err(err) => errors.push(format!("lan: {err}")),
    }
    inventory.error = (!errors.is_empty()).then(|| errors.join("; "));
    let outcome = CollectorOutcome {
        // Some inventory is a success; only a BMC that gave nothing failed.
        ok: inventory.device.is_some() || inventory.fru.is_some() || inventory.lan.is_some(),
        duration_ms: millis(started.elapsed()),
        error: inventory.error.clone(),
    };
    (inventory, outcome)
}

/// The pooled session of this server, or a new one.
async fn client_for(
    target: &PollTarget,
    pool: &ClientPool,
    deadline: Duration,
) -> Result<Arc<BmcClient>, engine::IpmiError> {
    let fingerprint = pool.fingerprint(target);
    if let Some(client) = pool.get(target.server_id, fingerprint).await {
        return Ok(client);
    }
    let options = connect_options(target, deadline);
    let client =
        Arc::new(BmcClient::connect(&target.bmc, target.credentials.clone(), options).await?);
    pool.insert(target.server_id, fingerprint, client.clone())
        .await;
    Ok(client)
}

/// The server's privilege, and the suite that worked last time tried first.
pub fn connect_options(target: &PollTarget, deadline: Duration) -> ConnectOptions {
    let mut options = ConnectOptions {
        privilege: target.privilege,
        deadline,
        ..ConnectOptions::default()
    };
    if let Some(suite) = target.cipher_suite {
        options.cipher_suites.retain(|s| *s != suite);
        options.cipher_suites.insert(0, suite);
    }
    options
}

async fn timed<T>(
    call: impl std::future::Future<Output = engine::Result<T>>,
) -> (engine::Result<T>, CollectorOutcome) {
    let started = Instant::now();
    let result = call.await;
    let outcome = match &result {
        Ok(_) => CollectorOutcome {
            ok: true,
            duration_ms: millis(started.elapsed()),
            error: None,
        },
        Err(err) => failed(started.elapsed(), err),
    };
    (result, outcome)
}

fn failed(elapsed: Duration, err: &engine::IpmiError) -> CollectorOutcome {
    CollectorOutcome {
        ok: false,
        duration_ms: millis(elapsed),
        error: Some(err.to_string()),
    }
}

fn millis(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}
