//! Assembles every route into one axum `Router`.

use app::ssr::AppContext;
use app::types::SystemInfo;
use app::{App, shell};
use axum::Router;
use axum::routing::{MethodRouter, get, post};
use leptos::prelude::provide_context;
use leptos_axum::{LeptosRoutes, generate_route_list};
use tower_http::compression::CompressionLayer;

use super::backup::download_backup;
use super::grafana::grafana_dashboard;
use super::rest;
use super::{auth, health::health, metrics::metrics, version::version, ws::ws_handler};
use crate::state::AppState;

/// The complete HTTP application.
pub fn build_router(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let context = AppContext {
        db: state.db.clone(),
        system: system_info(&state),
        secrets: state.secrets.clone(),
        auth: state.config.auth_settings(),
        throttle: state.throttle.clone(),
    };
    let shell_options = state.leptos_options.clone();
    let mut router = Router::new();
    for (path, route) in plain_routes() {
        router = router.route(path, route);
    }
    router
        .leptos_routes_with_context(
            &state,
            routes,
            move || provide_context(context.clone()),
            move || shell(shell_options.clone()),
        )
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            auth::authenticate,
        ))
        .layer(CompressionLayer::new())
        .with_state(state)
}

/// The routes that are neither pages nor server functions. The access-matrix test walks this
/// list, so a route added here without an entry there fails the test.
fn plain_routes() -> Vec<(&'static str, MethodRouter<AppState>)> {
    vec![
        ("/health", get(health)),
        ("/api/version", get(version)),
        ("/metrics", get(metrics)),
        ("/ws", get(ws_handler)),
        ("/api/backup", post(download_backup)),
        ("/api/openapi.json", get(rest::openapi_document)),
        ("/api/grafana/dashboard", get(grafana_dashboard)),
        ("/api/v1/servers", get(rest::list_servers)),
        ("/api/v1/servers/{id}", get(rest::get_server)),
        ("/api/v1/servers/{id}/sensors", get(rest::server_sensors)),
        (
            "/api/v1/servers/{id}/inventory",
            get(rest::get_server_inventory),
        ),
        ("/api/v1/sensors/{id}/history", get(rest::sensor_history)),
        ("/api/v1/events", get(rest::list_events)),
        ("/api/v1/events.csv", get(rest::events_csv)),
    ]
}

/// Paths of [`plain_routes`], for tests.
pub fn plain_route_paths() -> Vec<&'static str> {
    plain_routes().into_iter().map(|(path, _)| path).collect()
}

fn system_info(state: &AppState) -> SystemInfo {
    SystemInfo {
        version: state.build.version.to_owned(),
        git_commit: state.build.git_commit.to_owned(),
        build_time: state.build.build_time.to_owned(),
        database_kind: state.config.database_kind().as_str().to_owned(),
        data_dir: state.config.data_dir.display().to_string(),
        listen: state.config.listen.to_string(),
    }
}
