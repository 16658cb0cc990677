//! The periodic task that runs the rollups and purges.

use std::time::Duration;

use chrono::Utc;
use sea_orm::DatabaseConnection;
use tokio_util::sync::CancellationToken;

use super::rollup::{purge, roll_up};
use super::{POWER, SENSORS};

/// How long each kind of history is kept, and how often the job runs.
#[derive(Clone, Copy, Debug)]
pub struct RetentionSettings {
    pub raw: Duration,
    pub hourly: Duration,
    pub interval: Duration,
}

/// What one round did, for the log and for tests.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RetentionReport {
    pub hours_rolled_up: usize,
    pub raw_deleted: u64,
    pub hourly_deleted: u64,
    pub sessions_deleted: u64,
}

/// Hours rolled up per series and round: a day, so one round stays short.
const MAX_HOURS_PER_ROUND: usize = 24;

pub struct RetentionJob {
    pub db: DatabaseConnection,
    pub settings: RetentionSettings,
    pub shutdown: CancellationToken,
}

impl RetentionJob {
    pub fn spawn(self) -> tokio::task::JoinHandle<()> {
        tokio::spawn(self.run())
    }

    /// The first round comes one interval after start, not at once: start-up stays quick
    /// and a restart loop cannot turn into a loop of purges.
    async fn run(self) {
        let (interval, shutdown) = (self.settings.interval, self.shutdown.clone());
        crate::periodic::every(interval, shutdown, "retention round", || async {
            let report = self.round(Utc::now()).await?;
            if report != RetentionReport::default() {
                tracing::info!(?report, "retention round");
            }
            Ok::<(), sea_orm::DbErr>(())
        })
        .await;
    }

    /// One round as of `now`: roll up, then purge, for every series.
    pub async fn round(
        &self,
        now: chrono::DateTime<Utc>,
    ) -> Result<RetentionReport, sea_orm::DbErr> {
        let raw_before = now
            - chrono::Duration::from_std(self.settings.raw).unwrap_or(chrono::Duration::hours(48));
        let hourly_before = now
            - chrono::Duration::from_std(self.settings.hourly)
                .unwrap_or(chrono::Duration::days(400));
        let mut report = RetentionReport::default();
        for series in [SENSORS, POWER] {
            report.hours_rolled_up += roll_up(&self.db, series, now, MAX_HOURS_PER_ROUND).await?;
            let (raw, hourly) = purge(&self.db, series, raw_before, hourly_before).await?;
            report.raw_deleted += raw;
            report.hourly_deleted += hourly;
        }
        report.sessions_deleted = app::ssr::auth::sessions::purge_expired(&self.db, now).await?;
        Ok(report)
    }
}
