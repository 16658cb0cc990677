//! Everything request handlers need, injected through axum `State`.

use std::sync::Arc;

use app::ssr::auth::LoginThrottle;
use app::ssr::secrets::SecretBox;
use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use sea_orm::DatabaseConnection;
use tokio_util::sync::CancellationToken;

use crate::build_info::BuildInfo;
use crate::config::Config;
use crate::live_hub::LiveHub;
use crate::metrics::PollMetrics;

/// Shared state of the web server.
#[derive(Clone, FromRef)]
pub struct AppState {
    pub db: DatabaseConnection,
    pub config: Arc<Config>,
    pub build: BuildInfo,
    pub hub: LiveHub,
    pub secrets: SecretBox,
    pub collector: CollectorStatus,
    /// Poll counters for `/metrics`.
    pub poll_metrics: PollMetrics,
    /// Cancelled on SIGTERM/SIGINT: long-lived handlers (websockets) end when it fires.
    pub shutdown: CancellationToken,
    pub leptos_options: LeptosOptions,
    /// Failed-login counts per client (shared with the server functions).
    pub throttle: LoginThrottle,
    /// The collector's BMC sessions, one per server.
    pub pool: Arc<crate::collector::ClientPool>,
    /// Collect-now requests and collection progress, shared with the scheduler.
    pub requests: crate::collector::CollectRequests,
    /// Actions, collect-now and login tests for the server functions and the REST API.
    pub control: Arc<dyn app::ssr::control::FleetControl>,
}

/// What `/health` reports about background collection.
#[derive(Clone, Default)]
pub struct CollectorStatus {
    inner: Arc<std::sync::RwLock<CollectorSnapshot>>,
}

/// A copy of the collector's state at one moment.
#[derive(Clone, Debug, Default, serde::Serialize)]
pub struct CollectorSnapshot {
    pub running: bool,
    /// RFC 3339 time of the last finished poll of any server.
    pub last_poll: Option<String>,
    /// A requested collection (collect now, or the first one of new servers) under way.
    pub progress: Option<app::types::CollectionProgress>,
}

impl CollectorStatus {
    pub fn snapshot(&self) -> CollectorSnapshot {
        match self.inner.read() {
            Ok(guard) => guard.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    pub fn update(&self, change: impl FnOnce(&mut CollectorSnapshot)) {
        match self.inner.write() {
            Ok(mut guard) => change(&mut guard),
            Err(poisoned) => change(&mut poisoned.into_inner()),
        }
    }
}
