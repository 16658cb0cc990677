//! Connectivity, on its own schedule (every `connectivity_interval`, 30 s by default) and
//! independent of the slower, backed-off polls: an ASF presence ping to each BMC (no session,
//! no credentials) and a TCP connect to each OS address. A change is written to
//! `server_status`, pushed to the browsers, and recorded as a synthetic event, so "BMC down"
//! shows within one interval and so does its recovery.

use std::sync::Arc;
use std::time::Duration;

use app::api::servers::queries::summary_of;
use app::entities::{server, server_status};
use app::types::{LiveMessage, Severity};
use chrono::Utc;
use engine::client::presence_ping;
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use tokio::sync::Semaphore;
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;

use super::os_probe::os_reachable;
use super::synthetic::{self, SyntheticEvent};
use crate::live_hub::LiveHub;

#[derive(Clone, Copy, Debug)]
pub struct ConnectivitySettings {
    pub interval: Duration,
    /// Wait for a Presence Pong this long (twice, since UDP may lose one).
    pub ping_timeout: Duration,
    pub os_timeout: Duration,
    pub concurrency: usize,
}

pub struct ConnectivityChecker {
    pub db: DatabaseConnection,
    pub hub: LiveHub,
    pub settings: ConnectivitySettings,
    pub shutdown: CancellationToken,
}

/// What one check of one server found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Reachability {
    bmc: bool,
    /// `None` when the server has no OS address.
    os: Option<bool>,
}

impl ConnectivityChecker {
    pub fn spawn(self) -> tokio::task::JoinHandle<()> {
        tokio::spawn(self.run())
    }

    /// The first round comes one interval after start: the first polls, which start at
    /// once, already tell whether each BMC answers.
    async fn run(self) {
        let (interval, shutdown) = (self.settings.interval, self.shutdown.clone());
        crate::periodic::every(interval, shutdown, "connectivity check", || self.round()).await;
    }

    /// Checks every enabled server once, at most `concurrency` at a time.
    pub async fn round(&self) -> Result<(), sea_orm::DbErr> {
        let servers = server::Entity::find()
            .filter(server::Column::Enabled.eq(true))
            .filter(server::Column::Lifecycle.eq("active"))
            .all(&self.db)
            .await?;
        let limit = Arc::new(Semaphore::new(self.settings.concurrency.max(1)));
        let mut checks = JoinSet::new();
        for row in servers {
            let limit = limit.clone();
            let settings = self.settings;
            checks.spawn(async move {
                let _permit = limit.acquire_owned().await;
                let found = check(&row, settings).await;
                (row, found)
            });
        }
        while let Some(done) = checks.join_next().await {
            let Ok((row, found)) = done else { continue };
            if let Err(err) = self.apply(row, found).await {
                tracing::warn!(error = %err, "connectivity: cannot store a result");
            }
        }
        Ok(())
    }

    /// Stores a changed reachability, records the change as events and tells the browsers.
    async fn apply(&self, row: server::Model, found: Reachability) -> Result<(), sea_orm::DbErr> {
        let before = server_status::Entity::find_by_id(row.id)
            .one(&self.db)
            .await?;
        let (was_bmc, was_os) = before
            .as_ref()
            .map_or((None, None), |s| (s.bmc_reachable, s.os_reachable));
        if was_bmc == Some(found.bmc) && (found.os.is_none() || was_os == found.os) {
            return Ok(());
        }
        let now = Utc::now();
        let status = match before {
            Some(status) => {
                let mut active: server_status::ActiveModel = status.into();
                active.bmc_reachable = Set(Some(found.bmc));
                if found.os.is_some() {
                    active.os_reachable = Set(found.os);
                }
                active.updated_at = Set(now);
                active.update(&self.db).await?
            }
            None => {
                server_status::ActiveModel {
                    server_id: Set(row.id),
                    bmc_reachable: Set(Some(found.bmc)),
                    os_reachable: Set(found.os),
                    consecutive_failures: Set(0),
                    collectors: Set("{}".to_owned()),
                    updated_at: Set(now),
                    ..Default::default()
                }
                .insert(&self.db)
                .await?
            }
        };
        let mut events = Vec::new();
        for (was, is, what) in [
            (was_bmc, Some(found.bmc), Subject::Bmc),
            (was_os, found.os, Subject::Os),
        ] {
            // A first observation is not a change; only known → different is an event.
            if let (Some(was), Some(is)) = (was, is)
                && was != is
            {
                let event = SyntheticEvent {
                    server_id: row.id,
                    server_name: &row.name,
                    at: now,
                    severity: if is { Severity::Info } else { what.severity() },
                    description: what.describe(is),
                    asserted: !is,
                };
                events.push(synthetic::record(&self.db, event).await?);
            }
        }
        if !events.is_empty() {
            tracing::info!(server = %row.name, bmc = found.bmc, os = ?found.os, "connectivity changed");
            self.hub.publish(LiveMessage::NewEvents { events });
        }
        self.hub.publish(LiveMessage::ServerUpdated {
            server: summary_of(row, Some(status)),
        });
        Ok(())
    }
}

#[derive(Clone, Copy)]
enum Subject {
    Bmc,
    Os,
}

impl Subject {
    fn severity(self) -> Severity {
        match self {
            // Without its BMC a server has no sensors, no events and no power control.
            Self::Bmc => Severity::Critical,
            Self::Os => Severity::Warning,
        }
    }

    fn describe(self, reachable: bool) -> String {
        match (self, reachable) {
            (Self::Bmc, false) => "BMC unreachable (no answer to an ASF presence ping)".to_owned(),
            (Self::Bmc, true) => "BMC reachable again".to_owned(),
            (Self::Os, false) => {
                "Operating system unreachable (SSH port closed or silent)".to_owned()
            }
            (Self::Os, true) => "Operating system reachable again".to_owned(),
        }
    }
}

async fn check(row: &server::Model, settings: ConnectivitySettings) -> Reachability {
    let target = super::target::bmc_target(&row.bmc_address, row.bmc_port);
    let os_address = row.os_address.clone().filter(|a| !a.trim().is_empty());
    let bmc = async {
        // Two tries: one lost datagram must not mark a BMC down.
        for _ in 0..2 {
            if presence_ping(&target, settings.ping_timeout).await.is_ok() {
                return true;
            }
        }
        false
    };
    let os = os_reachable(os_address.as_deref(), settings.os_timeout);
    let (bmc, os) = tokio::join!(bmc, os);
    Reachability { bmc, os }
}
