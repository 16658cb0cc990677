//! The schedule: every enabled server is polled every `poll_interval`, never twice at once
//! (single flight), at most `concurrency` at a time, each BMC call bounded by `deadline`, and
//! failing BMCs backed off so they cost the others nothing. Results go to one writer task.

use std::collections::{HashMap, HashSet};
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use app::api::servers::queries::summary_of;
use app::entities::{server, server_inventory, server_status};
use app::ssr::secrets::SecretBox;
use app::types::LiveMessage;
use engine::client::SelCursor;
use engine::session::PrivilegeLevel;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use tokio::sync::{Semaphore, mpsc};
use tokio::task::JoinSet;
use tokio::time::Instant;
use tokio_util::sync::CancellationToken;

use super::client_pool::ClientPool;
use super::credentials::credentials_for;
use super::poll::{PollReport, PollTarget, poll};
use super::store::store_report;
use crate::config::Config;
use crate::live_hub::LiveHub;
use crate::metrics::PollMetrics;
use crate::state::CollectorStatus;

/// The hardware inventory is read again after this many hours (and at the first poll).
const INVENTORY_HOURS: i64 = 24;
/// A failing BMC waits at most this many intervals between attempts.
const MAX_BACKOFF_INTERVALS: u32 = 4;
/// How often the list of servers is re-read (new, edited, disabled servers).
const SERVER_LIST_REFRESH: Duration = Duration::from_secs(10);
/// Reports queued for the writer before pollers wait.
const WRITER_QUEUE: usize = 1024;

#[derive(Clone, Debug)]
pub struct CollectorSettings {
    pub poll_interval: Duration,
    pub concurrency: usize,
    pub deadline: Duration,
    pub os_timeout: Duration,
}

impl CollectorSettings {
    pub fn from_config(config: &Config) -> Self {
        Self {
            poll_interval: config.poll_interval,
            concurrency: config.collector_concurrency,
            deadline: config.bmc_deadline,
            os_timeout: Duration::from_secs(3),
        }
    }
}

/// The background collector. `spawn` it once; it stops when `shutdown` is cancelled, after
/// finishing in-flight polls and closing every BMC session.
pub struct Collector {
    pub db: DatabaseConnection,
    pub secrets: SecretBox,
    pub hub: LiveHub,
    pub status: CollectorStatus,
    pub metrics: PollMetrics,
    pub settings: CollectorSettings,
    pub shutdown: CancellationToken,
    pub pool: Arc<ClientPool>,
}

/// Per-server schedule state.
#[derive(Default)]
struct Slot {
    next_due: Option<Instant>,
    failures: u32,
}

impl Collector {
    pub fn spawn(self) -> tokio::task::JoinHandle<()> {
        tokio::spawn(self.run())
    }

    async fn run(self) {
        self.status.update(|s| s.running = true);
        let (reports, queue) = mpsc::channel(WRITER_QUEUE);
        let writer = tokio::spawn(write_reports(
            self.db.clone(),
            self.hub.clone(),
            self.status.clone(),
            self.metrics.clone(),
            queue,
        ));
        let limit = Arc::new(Semaphore::new(self.settings.concurrency));
        let mut slots: HashMap<i64, Slot> = HashMap::new();
        let mut busy: HashSet<i64> = HashSet::new();
        let mut polls: JoinSet<(i64, bool)> = JoinSet::new();
        let mut servers: Vec<server::Model> = Vec::new();
        let mut refreshed: Option<Instant> = None;
        let mut tick = tokio::time::interval(Duration::from_millis(500));

        loop {
            tokio::select! {
                () = self.shutdown.cancelled() => break,
                Some(done) = polls.join_next() => {
                    if let Ok((id, healthy)) = done {
                        busy.remove(&id);
                        let slot = slots.entry(id).or_default();
                        slot.failures = if healthy { 0 } else { slot.failures.saturating_add(1) };
                        let factor = 2u32.saturating_pow(slot.failures).min(MAX_BACKOFF_INTERVALS);
                        slot.next_due = Some(Instant::now() + self.settings.poll_interval * factor);
                    }
                }
                _ = tick.tick() => {
                    if refreshed.is_none_or(|at| at.elapsed() >= SERVER_LIST_REFRESH) {
                        match enabled_servers(&self.db).await {
                            Ok(list) => servers = list,
                            Err(err) => tracing::warn!(error = %err, "collector: cannot list servers"),
                        }
                        refreshed = Some(Instant::now());
                        let ids: HashSet<i64> = servers.iter().map(|s| s.id).collect();
                        slots.retain(|id, _| ids.contains(id));
                    }
                    let now = Instant::now();
                    for row in &servers {
                        let due = slots.get(&row.id).and_then(|s| s.next_due).is_none_or(|t| t <= now);
                        if due && !busy.contains(&row.id) {
                            busy.insert(row.id);
                            polls.spawn(self.poll_task(row.clone(), limit.clone(), reports.clone()));
                        }
                    }
                }
            }
        }

        // Shutdown: let running polls finish (each is bounded by the BMC deadline), then
        // close every session so none is left open on a BMC.
        let drain = async { while polls.join_next().await.is_some() {} };
        if tokio::time::timeout(self.settings.deadline, drain)
            .await
            .is_err()
        {
            polls.abort_all();
        }
        self.pool.close_all().await;
        drop(reports);
        let _ = writer.await;
        self.status.update(|s| s.running = false);
        tracing::info!("collector stopped");
    }

    fn poll_task(
        &self,
        row: server::Model,
        limit: Arc<Semaphore>,
        reports: mpsc::Sender<PollReport>,
    ) -> impl std::future::Future<Output = (i64, bool)> + Send + 'static {
        let db = self.db.clone();
        let secrets = self.secrets.clone();
        let pool = self.pool.clone();
        let settings = self.settings.clone();
        async move {
            let id = row.id;
            let Ok(_permit) = limit.acquire_owned().await else {
                return (id, false);
            };
            let target = match poll_target(&db, &secrets, row).await {
                Ok(target) => target,
                Err(message) => {
                    tracing::warn!(server_id = id, %message, "collector: cannot poll");
                    return (id, false);
                }
            };
            let report = poll(target, &pool, settings.deadline, settings.os_timeout).await;
            let healthy = report.bmc_reachable && report.collectors.values().all(|c| c.ok);
            if reports.send(report).await.is_err() {
                tracing::warn!(server_id = id, "collector: writer gone, report dropped");
            }
            (id, healthy)
        }
    }
}

async fn enabled_servers(db: &DatabaseConnection) -> Result<Vec<server::Model>, sea_orm::DbErr> {
    server::Entity::find()
        .filter(server::Column::Enabled.eq(true))
        .filter(server::Column::Lifecycle.eq("active"))
        .all(db)
        .await
}

/// Resolves address, credentials, preferred suite and SEL cursor of one server.
async fn poll_target(
    db: &DatabaseConnection,
    secrets: &SecretBox,
    row: server::Model,
) -> Result<PollTarget, String> {
    let credentials = credentials_for(db, secrets, row.id)
        .await
        .map_err(|e| e.to_string())?;
    let status = server_status::Entity::find_by_id(row.id)
        .one(db)
        .await
        .map_err(|e| e.to_string())?;
    let sel_cursor = status
        .as_ref()
        .and_then(|s| s.sel_cursor.as_deref())
        .and_then(|c| serde_json::from_str::<SelCursor>(c).ok())
        .unwrap_or_default();
    let learned_suite = status.as_ref().and_then(|s| s.cipher_suite);
    let inventory_at = server_inventory::Entity::find_by_id(row.id)
        .one(db)
        .await
        .map_err(|e| e.to_string())?
        .map(|i| i.collected_at);
    let inventory_due = inventory_at.is_none_or(|at| {
        chrono::Utc::now().signed_duration_since(at) > chrono::Duration::hours(INVENTORY_HOURS)
    });
    let cipher_suite = row
        .cipher_suite
        .or(learned_suite)
        .and_then(|s| u8::try_from(s).ok());
    Ok(PollTarget {
        server_id: row.id,
        bmc: bmc_target(&row.bmc_address, row.bmc_port),
        os_address: row.os_address.filter(|a| !a.trim().is_empty()),
        credentials,
        cipher_suite,
        privilege: PrivilegeLevel::from_str(&row.privilege)
            .unwrap_or(PrivilegeLevel::Administrator),
        sel_cursor,
        inventory_due,
        name: row.name,
    })
}

/// `host:port`, with brackets around a bare IPv6 address.
pub(crate) fn bmc_target(address: &str, port: i32) -> String {
    let address = address.trim();
    if address.contains(':') && !address.starts_with('[') {
        format!("[{address}]:{port}")
    } else {
        format!("{address}:{port}")
    }
}

/// The one writer: stores each report in its own transaction, then tells the browsers.
async fn write_reports(
    db: DatabaseConnection,
    hub: LiveHub,
    status: CollectorStatus,
    metrics: PollMetrics,
    mut queue: mpsc::Receiver<PollReport>,
) {
    while let Some(report) = queue.recv().await {
        let healthy = report.bmc_reachable && report.collectors.values().all(|c| c.ok);
        metrics.record(report.duration, report.requests, healthy);
        let stored = match store_report(&db, &report).await {
            Ok(stored) => stored,
            Err(err) => {
                tracing::error!(server = %report.server_name, error = %err, "collector: storing a poll failed");
                continue;
            }
        };
        status.update(|s| s.last_poll = Some(report.finished_at.to_rfc3339()));
        if !stored.new_events.is_empty() {
            hub.publish(LiveMessage::NewEvents {
                events: stored.new_events,
            });
        }
        let row = server::Entity::find_by_id(report.server_id)
            .find_also_related(server_status::Entity)
            .one(&db)
            .await;
        match row {
            Ok(Some((server, status))) => {
                hub.publish(LiveMessage::ServerUpdated {
                    server: summary_of(server, status),
                });
            }
            Ok(None) => {}
            Err(err) => tracing::warn!(error = %err, "collector: cannot read back a server"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipv6_targets_get_brackets() {
        assert_eq!(bmc_target("10.1.2.3", 623), "10.1.2.3:623");
        assert_eq!(bmc_target("::1", 20623), "[::1]:20623");
        assert_eq!(bmc_target("[::1]", 623), "[::1]:623");
        assert_eq!(bmc_target("bmc-7.example", 623), "bmc-7.example:623");
    }
}
