//! `ipmi-monitor serve`: open the database, bind, serve until SIGTERM/SIGINT, then shut down
//! in order (stop accepting, end websockets, finish in-flight requests, close the database).

use std::sync::Arc;
use std::time::Duration;

use app::ssr::auth::LoginThrottle;
use leptos::config::LeptosOptions;
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

use crate::build_info::BuildInfo;
use crate::collector::{ClientPool, CollectRequests, Collector, CollectorSettings};
use crate::config::Config;
use crate::control::BmcControl;
use crate::error::{Result, ServerError};
use crate::http::build_router;
use crate::live_hub::LiveHub;
use crate::metrics::PollMetrics;
use crate::state::{AppState, CollectorStatus};

/// In-flight requests get this long after a shutdown signal before we stop waiting.
const DRAIN_TIMEOUT: Duration = Duration::from_secs(5);

/// Opens the database and builds the shared state (used by `serve` and by tests).
pub async fn build_state(config: Config, shutdown: CancellationToken) -> Result<AppState> {
    let db = crate::db::open(&config).await?;
    crate::first_admin::create_from_config(&db, &config).await?;
    let config_throttle = config.auth_settings().throttle;
    let secrets = crate::secret_key::load_or_create(&config)?;
    let leptos_options = LeptosOptions::builder()
        .output_name(app::OUTPUT_NAME)
        .site_root(config.site_root.to_string_lossy().into_owned())
        .site_pkg_dir("pkg")
        .site_addr(config.listen)
        .build();
    let hub = LiveHub::new();
    let requests = CollectRequests::default();
    let control = BmcControl {
        db: db.clone(),
        secrets: secrets.clone(),
        hub: hub.clone(),
        requests: requests.clone(),
        deadline: config.bmc_deadline,
    }
    .shared();
    Ok(AppState {
        db,
        config: Arc::new(config),
        build: BuildInfo::current(),
        hub,
        secrets,
        collector: CollectorStatus::default(),
        poll_metrics: PollMetrics::default(),
        shutdown,
        leptos_options,
        throttle: LoginThrottle::new(config_throttle),
        pool: Arc::new(ClientPool::default()),
        requests,
        control,
    })
}

/// Runs the collector and the web server until `shutdown` is cancelled.
pub async fn serve_until(state: AppState, listener: TcpListener) -> Result<()> {
    let shutdown = state.shutdown.clone();
    let db = state.db.clone();
    let collector = Collector {
        db: state.db.clone(),
        secrets: state.secrets.clone(),
        hub: state.hub.clone(),
        status: state.collector.clone(),
        metrics: state.poll_metrics.clone(),
        settings: CollectorSettings::from_config(&state.config),
        shutdown: shutdown.clone(),
        pool: state.pool.clone(),
        requests: state.requests.clone(),
    }
    .spawn();
    let connectivity = crate::collector::ConnectivityChecker {
        db: state.db.clone(),
        hub: state.hub.clone(),
        settings: crate::collector::ConnectivitySettings {
            interval: state.config.connectivity_interval,
            ping_timeout: Duration::from_secs(2),
            os_timeout: Duration::from_secs(3),
            concurrency: state.config.collector_concurrency,
        },
        shutdown: shutdown.clone(),
    }
    .spawn();
    let retention = crate::retention::RetentionJob {
        db: state.db.clone(),
        settings: crate::retention::RetentionSettings {
            raw: state.config.history_raw,
            hourly: state.config.history_hourly,
            interval: state.config.retention_interval,
        },
        shutdown: shutdown.clone(),
    }
    .spawn();
    let app = build_router(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    let server =
        axum::serve(listener, app).with_graceful_shutdown(shutdown.clone().cancelled_owned());
    let mut server = std::pin::pin!(server.into_future());
    tokio::select! {
        result = &mut server => result.map_err(ServerError::Http)?,
        () = async {
            shutdown.cancelled().await;
            tokio::time::sleep(DRAIN_TIMEOUT).await;
        } => tracing::warn!("requests still running after {DRAIN_TIMEOUT:?}; stopping anyway"),
    }
    // The collector saw the same signal: wait for it to finish its writes and close every
    // BMC session before the database goes away.
    if let Err(err) = collector.await {
        tracing::warn!(error = %err, "collector task ended abnormally");
    }
    if let Err(err) = connectivity.await {
        tracing::warn!(error = %err, "connectivity task ended abnormally");
    }
    if let Err(err) = retention.await {
        tracing::warn!(error = %err, "retention task ended abnormally");
    }
    if let Err(err) = db.close().await {
        tracing::warn!(error = %err, "closing the database");
    }
    tracing::info!("stopped");
    Ok(())
}

/// `ipmi-monitor serve`.
pub async fn run(config: Config) -> Result<()> {
    let shutdown = CancellationToken::new();
    tokio::spawn(cancel_on_signal(shutdown.clone()));
    match crate::open_files::raise_open_file_limit() {
        Ok(crate::open_files::OpenFileLimit::Raised { from, to }) => {
            tracing::info!(from, to, "open-file limit raised");
        }
        Ok(crate::open_files::OpenFileLimit::AtMaximum(limit)) => {
            tracing::debug!(limit, "open-file limit");
        }
        Err(err) => tracing::warn!(error = %err, "cannot raise the open-file limit"),
    }
    let listen = config.listen;
    let state = build_state(config, shutdown).await?;
    let listener = TcpListener::bind(listen)
        .await
        .map_err(|source| ServerError::Bind {
            addr: listen,
            source,
        })?;
    tracing::info!(
        %listen,
        version = state.build.version,
        database = state.config.database_kind().as_str(),
        "serving"
    );
    serve_until(state, listener).await
}

/// Cancels `token` on SIGTERM (container stop) or SIGINT (Ctrl-C).
async fn cancel_on_signal(token: CancellationToken) {
    let ctrl_c = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = ctrl_c => {}
                    _ = term.recv() => {}
                }
            }
            Err(err) => {
                tracing::warn!(error = %err, "cannot watch SIGTERM; only Ctrl-C stops the server");
                let _ = ctrl_c.await;
            }
        }
    }
    #[cfg(not(unix))]
    let _ = ctrl_c.await;
    tracing::info!("shutdown requested");
    token.cancel();
}
