//! The schedule: every enabled server is polled every `poll_interval`, never twice at once
//! (single flight), at most `concurrency` at a time, each BMC call bounded by `deadline`, and
//! failing BMCs backed off so they cost the others nothing. Results go to one writer task.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::Duration;

use app::api::servers::queries::{server_sensors, summary_of};
use app::entities::{server, server_status};
use app::ssr::secrets::SecretBox;
use app::types::{CollectionProgress, LiveMessage, ServerId};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use tokio::sync::{Semaphore, mpsc};
use tokio::task::JoinSet;
use tokio::time::Instant;
use tokio_util::sync::CancellationToken;

use super::client_pool::ClientPool;
use super::poll::{PollReport, poll};
use super::requests::{CollectRequests, Finished};
use super::store::{record_unpollable, store_report};
use super::target::poll_target;
use crate::config::Config;
use crate::live_hub::LiveHub;
use crate::metrics::PollMetrics;
use crate::state::CollectorStatus;

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
    /// Collect-now requests, and the progress of requested collections.
    pub requests: CollectRequests,
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
            self.requests.clone(),
            queue,
        ));
        // Progress goes out from inside the batch's lock, so the last word is the newest.
        let (hub, status) = (self.hub.clone(), self.status.clone());
        self.requests
            .publish_with(move |progress| publish_progress(&hub, &status, progress.clone()));
        let limit = Arc::new(Semaphore::new(self.settings.concurrency));
        let mut slots: HashMap<i64, Slot> = HashMap::new();
        let mut busy: HashSet<i64> = HashSet::new();
        // Busy servers asked for while being polled, with when: polled again as soon as that
        // poll ends if it began before the request (it read the BMC too early). A server
        // still waiting for its turn when asked needs no second poll.
        let mut again: HashMap<i64, std::time::Instant> = HashMap::new();
        let mut polls: JoinSet<PollDone> = JoinSet::new();
        // Which server each poll task polls, so even a task that panicked frees its server.
        let mut tasks: HashMap<tokio::task::Id, (i64, String)> = HashMap::new();
        let mut servers: Vec<server::Model> = Vec::new();
        // Servers counted in an initial collection once already (one that cannot be polled
        // at all must not keep the dialog open forever).
        let mut introduced: HashSet<i64> = HashSet::new();
        let mut refreshed: Option<Instant> = None;
        let mut tick = tokio::time::interval(Duration::from_millis(500));

        loop {
            tokio::select! {
                () = self.shutdown.cancelled() => break,
                () = self.requests.wait() => {
                    let wanted = self.requests.take();
                    let asked = std::time::Instant::now();
                    for id in &wanted {
                        slots.entry(*id).or_default().next_due = None;
                        if busy.contains(id) {
                            again.insert(*id, asked);
                        }
                    }
                    self.requests.track(&wanted, false, asked);
                    // A server added a moment ago is not in the list yet.
                    refreshed = None;
                }
                Some(done) = polls.join_next_with_id() => {
                    let done = match done {
                        Ok((task, done)) => {
                            tasks.remove(&task);
                            done
                        }
                        Err(err) => {
                            let Some((id, name)) = tasks.remove(&err.id()) else { continue };
                            tracing::error!(server_id = id, error = %err, "collector: a poll task failed");
                            PollDone {
                                id,
                                healthy: false,
                                started: None,
                                unreported: Some(Finished {
                                    server: name,
                                    started: std::time::Instant::now(),
                                    error: Some("the poll failed unexpectedly".to_owned()),
                                }),
                            }
                        }
                    };
                    let PollDone { id, healthy, started, unreported } = done;
                    busy.remove(&id);
                    // A reported poll is counted by the writer once it is stored.
                    if let Some(outcome) = unreported {
                        self.requests.finished(id, outcome);
                    }
                    let slot = slots.entry(id).or_default();
                    slot.failures = if healthy { 0 } else { slot.failures.saturating_add(1) };
                    let factor = 2u32.saturating_pow(slot.failures).min(MAX_BACKOFF_INTERVALS);
                    let stale = again
                        .remove(&id)
                        .is_some_and(|asked| started.is_some_and(|began| began < asked));
                    slot.next_due = if stale {
                        None
                    } else {
                        Some(Instant::now() + self.settings.poll_interval * factor)
                    };
                }
                _ = tick.tick() => {
                    if refreshed.is_none_or(|at| at.elapsed() >= SERVER_LIST_REFRESH) {
                        match enabled_servers(&self.db).await {
                            Ok(list) => {
                                let fresh: HashSet<i64> = list
                                    .iter()
                                    .filter(|(row, status)| {
                                        status.as_ref().is_none_or(|s| s.last_poll_at.is_none())
                                            && !introduced.contains(&row.id)
                                    })
                                    .map(|(row, _)| row.id)
                                    .collect();
                                servers = list.into_iter().map(|(row, _)| row).collect();
                                if !fresh.is_empty() {
                                    introduced.extend(fresh.iter().copied());
                                    self.requests.track(&fresh, true, std::time::Instant::now());
                                }
                            }
                            Err(err) => tracing::warn!(error = %err, "collector: cannot list servers"),
                        }
                        refreshed = Some(Instant::now());
                        let ids: HashSet<i64> = servers.iter().map(|s| s.id).collect();
                        slots.retain(|id, _| ids.contains(id));
                        again.retain(|id, _| ids.contains(id));
                        self.pool.retain(&ids).await;
                        self.requests.forget_missing(&ids);
                    }
                    let now = Instant::now();
                    for row in &servers {
                        let due = slots.get(&row.id).and_then(|s| s.next_due).is_none_or(|t| t <= now);
                        if due && !busy.contains(&row.id) {
                            busy.insert(row.id);
                            let task = polls.spawn(self.poll_task(row.clone(), limit.clone(), reports.clone()));
                            tasks.insert(task.id(), (row.id, row.name.clone()));
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
    ) -> impl std::future::Future<Output = PollDone> + Send + 'static {
        let db = self.db.clone();
        let secrets = self.secrets.clone();
        let pool = self.pool.clone();
        let settings = self.settings.clone();
        async move {
            let id = row.id;
            let name = row.name.clone();
            let unreported = |error: String, started| PollDone {
                id,
                healthy: false,
                started: Some(started),
                unreported: Some(Finished {
                    server: name.clone(),
                    started,
                    error: Some(error),
                }),
            };
            let Ok(_permit) = limit.acquire_owned().await else {
                return unreported("the collector stopped".into(), std::time::Instant::now());
            };
            let target = match poll_target(&db, &secrets, row).await {
                Ok(target) => target,
                Err(message) => {
                    tracing::warn!(server_id = id, %message, "collector: cannot poll");
                    if let Err(err) = record_unpollable(&db, id, &message).await {
                        tracing::warn!(server_id = id, error = %err, "collector: cannot store why");
                    }
                    return unreported(message, std::time::Instant::now());
                }
            };
            let report = poll(target, &pool, settings.deadline, settings.os_timeout).await;
            // The report's start is "when this poll began", here and in the batch's progress.
            let started = report.started;
            let healthy = report.bmc_reachable && report.collectors.values().all(|c| c.ok);
            if reports.send(report).await.is_err() {
                tracing::warn!(server_id = id, "collector: writer gone, report dropped");
                return unreported("the collector stopped".into(), started);
            }
            PollDone {
                id,
                healthy,
                started: Some(started),
                unreported: None,
            }
        }
    }
}

/// How one poll task ended.
struct PollDone {
    id: i64,
    healthy: bool,
    /// When it began reading the BMC (`None`: it never did).
    started: Option<std::time::Instant>,
    /// How it ended when no report went to the writer (a report is counted for progress by
    /// the writer once stored).
    unreported: Option<Finished>,
}

/// Tells the browsers and `/health` how far the requested collection is.
fn publish_progress(hub: &LiveHub, status: &CollectorStatus, progress: CollectionProgress) {
    status.update(|s| s.progress = (!progress.finished()).then(|| progress.clone()));
    hub.publish(LiveMessage::CollectionProgress { progress });
}

/// Enabled, active servers with their status (absent before the first poll).
async fn enabled_servers(
    db: &DatabaseConnection,
) -> Result<Vec<(server::Model, Option<server_status::Model>)>, sea_orm::DbErr> {
    server::Entity::find()
        .find_also_related(server_status::Entity)
        .filter(server::Column::Enabled.eq(true))
        .filter(server::Column::Lifecycle.eq("active"))
        .all(db)
        .await
}

/// The one writer: stores each report in its own transaction, then tells the browsers.
async fn write_reports(
    db: DatabaseConnection,
    hub: LiveHub,
    status: CollectorStatus,
    metrics: PollMetrics,
    requests: CollectRequests,
    mut queue: mpsc::Receiver<PollReport>,
) {
    while let Some(report) = queue.recv().await {
        let healthy = report.bmc_reachable && report.collectors.values().all(|c| c.ok);
        metrics.record(report.duration, report.requests, healthy);
        tracing::debug!(
            server = %report.server_name,
            duration_ms = report.duration.as_millis(),
            requests = report.requests,
            healthy,
            "poll finished"
        );
        let stored = match store_report(&db, &report).await {
            Ok(stored) => stored,
            Err(err) => {
                tracing::error!(server = %report.server_name, error = %err, "collector: storing a poll failed");
                let outcome = Finished {
                    server: report.server_name.clone(),
                    started: report.started,
                    error: Some(format!("storing the poll failed: {err}")),
                };
                requests.finished(report.server_id, outcome);
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
        if hub.is_watched(report.server_id) {
            match server_sensors(&db, report.server_id).await {
                Ok(sensors) => {
                    hub.publish(LiveMessage::SensorsUpdated {
                        server_id: ServerId(report.server_id),
                        sensors,
                    });
                }
                Err(err) => tracing::warn!(error = %err, "collector: cannot read back sensors"),
            }
        }
        // Counted last, so a browser that reloads on "done" sees the stored poll.
        let outcome = Finished {
            error: (!healthy).then(|| failure_of(&report)),
            started: report.started,
            server: report.server_name,
        };
        requests.finished(report.server_id, outcome);
    }
}

/// Why a poll counts as failed, in one line.
fn failure_of(report: &PollReport) -> String {
    if let Some(error) = &report.error {
        return error.clone();
    }
    report
        .collectors
        .iter()
        .find(|(_, outcome)| !outcome.ok)
        .map_or_else(
            || "the BMC did not answer".to_string(),
            |(name, outcome)| match &outcome.error {
                Some(error) => format!("{name}: {error}"),
                None => format!("{name} failed"),
            },
        )
}
