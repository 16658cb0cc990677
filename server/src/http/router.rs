//! Assembles every route into one axum `Router`.

use app::base_path::BasePath;
use app::ssr::AppContext;
use app::types::SystemInfo;
use app::{App, shell};
use axum::Router;
use axum::extract::Request;
use axum::handler::Handler;
use axum::http::request::Parts;
use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Redirect};
use axum::routing::{MethodFilter, MethodRouter, get, on};
use leptos::prelude::{provide_context, use_context};
use leptos_axum::{LeptosRoutes, generate_route_list};
use leptos_router::location::RequestUrl;
use tower::ServiceExt;
use tower_http::compression::CompressionLayer;

use super::backup::download_backup;
use super::grafana::grafana_dashboard;
use super::rest;
use super::{auth, health::health, metrics::metrics, version::version, ws::ws_handler};
use crate::state::AppState;

/// The complete HTTP application: at the site root, or entirely under the configured base
/// path. A reverse proxy passes the path on unchanged; the prefix is taken off here, before
/// routing, so every route below is written from the app's root. `/` and the bare base
/// (`/ipmi`) redirect to `/ipmi/`, so the dashboard has one URL on server and browser alike;
/// anything else outside the base is not found.
pub fn build_router(state: AppState) -> Router {
    let base = state.config.base_path.clone();
    let app = app_router(state);
    if base.is_root() {
        return app;
    }
    let home = base.url("/");
    Router::new()
        .route("/", get(move || async move { Redirect::to(&home) }))
        .fallback(move |request: Request| {
            let app = app.clone();
            let base = base.clone();
            async move {
                if request.uri().path() == base.as_str() {
                    let query = request.uri().query().map(|q| format!("?{q}"));
                    let to = base.url(&format!("/{}", query.unwrap_or_default()));
                    return Redirect::permanent(&to).into_response();
                }
                match under_base(&base, request) {
                    Some(request) => match app.oneshot(request).await {
                        Ok(response) => response,
                        Err(never) => match never {},
                    },
                    None => StatusCode::NOT_FOUND.into_response(),
                }
            }
        })
}

/// The request with the base path taken off its path (the query kept), or `None` when its
/// path is outside the base.
fn under_base(base: &BasePath, request: Request) -> Option<Request> {
    let (mut parts, body) = request.into_parts();
    let path = base.strip(parts.uri.path())?;
    let path_and_query = match parts.uri.query() {
        Some(query) => format!("{path}?{query}"),
        None => path.to_owned(),
    };
    let mut uri = parts.uri.into_parts();
    uri.path_and_query = Some(path_and_query.parse().ok()?);
    parts.uri = Uri::from_parts(uri).ok()?;
    Some(Request::from_parts(parts, body))
}

/// Every route, written from the app's root.
fn app_router(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let context = AppContext {
        db: state.db.clone(),
        system: system_info(&state),
        secrets: state.secrets.clone(),
        auth: state.config.auth_settings(),
        throttle: state.throttle.clone(),
        control: state.control.clone(),
    };
    let base = state.config.base_path.clone();
    let page_context = move || {
        provide_context(context.clone());
        provide_page_url(&base);
    };
    let shell_options = state.leptos_options.clone();
    let mut router = Router::new();
    for route in plain_routes() {
        // Routes on one path merge: axum combines method routers of the same path.
        router = router.route(route.path, route.handler);
    }
    router
        .leptos_routes_with_context(&state, routes, page_context.clone(), move || {
            shell(shell_options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(page_context, shell))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            auth::authenticate,
        ))
        .layer(CompressionLayer::new())
        .with_state(state)
}

/// Gives a render (page, server function, error page) the base path, and the router the path
/// the browser asked for: [`build_router`] took the base path off the request, but the
/// router, like the browser, works with the full path, so links match on both sides.
fn provide_page_url(base: &BasePath) {
    provide_context(base.clone());
    if base.is_root() {
        return;
    }
    if let Some(parts) = use_context::<Parts>() {
        let path = parts.uri.path_and_query().map_or("/", |p| p.as_str());
        provide_context(RequestUrl::new(&format!(
            "http://leptos.dev{}",
            base.url(path)
        )));
    }
}

/// An HTTP method a plain route answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verb {
    Get,
    Post,
    Put,
    Delete,
}

impl Verb {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Get => "GET",
            Self::Post => "POST",
            Self::Put => "PUT",
            Self::Delete => "DELETE",
        }
    }

    fn filter(self) -> MethodFilter {
        match self {
            Self::Get => MethodFilter::GET,
            Self::Post => MethodFilter::POST,
            Self::Put => MethodFilter::PUT,
            Self::Delete => MethodFilter::DELETE,
        }
    }
}

/// One method on one path; the handler is routed by that very method, so the list the
/// tests read cannot disagree with what is served.
struct PlainRoute {
    verb: Verb,
    path: &'static str,
    handler: MethodRouter<AppState>,
}

fn at<H, T>(verb: Verb, path: &'static str, handler: H) -> PlainRoute
where
    H: Handler<T, AppState>,
    T: 'static,
{
    PlainRoute {
        verb,
        path,
        handler: on(verb.filter(), handler),
    }
}

/// The routes that are neither pages nor server functions. The access-matrix test walks this
/// list, so a route added here without an entry there fails the test.
fn plain_routes() -> Vec<PlainRoute> {
    use Verb::{Delete, Get, Post, Put};
    vec![
        at(Get, "/health", health),
        at(Get, "/api/version", version),
        at(Get, "/metrics", metrics),
        at(Get, "/ws", ws_handler),
        at(Post, "/api/backup", download_backup),
        at(Get, "/api/openapi.json", rest::openapi_document),
        at(Get, "/api/grafana/dashboard", grafana_dashboard),
        at(Get, "/api/v1/servers", rest::list_servers),
        at(Post, "/api/v1/servers", rest::create_server),
        at(Post, "/api/v1/servers/import", rest::import_servers),
        at(Get, "/api/v1/servers/export.csv", rest::export_servers),
        at(Get, "/api/v1/servers/{id}", rest::get_server),
        at(Put, "/api/v1/servers/{id}", rest::update_server),
        at(Delete, "/api/v1/servers/{id}", rest::delete_server),
        at(
            Post,
            "/api/v1/servers/{id}/deprecate",
            rest::deprecate_server,
        ),
        at(Post, "/api/v1/servers/{id}/restore", rest::restore_server),
        at(
            Post,
            "/api/v1/servers/{id}/actions/{action}",
            rest::run_action,
        ),
        at(Post, "/api/v1/servers/{id}/login-test", rest::login_test),
        at(Post, "/api/v1/collect", rest::collect_now),
        at(Get, "/api/v1/collection", rest::collection_progress),
        at(Get, "/api/v1/servers/{id}/sensors", rest::server_sensors),
        at(
            Get,
            "/api/v1/servers/{id}/inventory",
            rest::get_server_inventory,
        ),
        at(Get, "/api/v1/sensors/{id}/history", rest::sensor_history),
        at(
            Get,
            "/api/v1/servers/{id}/power/history",
            rest::power_history,
        ),
        at(Get, "/api/v1/events", rest::list_events),
        at(Get, "/api/v1/events.csv", rest::events_csv),
    ]
}

/// `(method, path)` of every [`plain_routes`] entry, for tests.
pub fn plain_route_methods() -> Vec<(Verb, &'static str)> {
    plain_routes()
        .into_iter()
        .map(|r| (r.verb, r.path))
        .collect()
}

/// Paths of [`plain_routes`] (each once), for tests.
pub fn plain_route_paths() -> Vec<&'static str> {
    let mut paths: Vec<&'static str> = plain_routes().into_iter().map(|r| r.path).collect();
    paths.sort_unstable();
    paths.dedup();
    paths
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
