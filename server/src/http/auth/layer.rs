//! The middleware itself.

use std::net::SocketAddr;

use app::ssr::auth::{Principal, api_tokens, session_token_from_headers, sessions};
use axum::extract::{ConnectInfo, Request, State};
use axum::http::header::AUTHORIZATION;
use axum::http::{HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};

use super::{csrf, paths, proxy};
use crate::state::AppState;

/// Resolves the request's [`Principal`] and [`ClientAddr`](app::ssr::auth::ClientAddr) into
/// its extensions, or answers the request itself (401, 403, or a redirect to sign in).
pub async fn authenticate(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path().to_owned();
    if paths::is_probe_or_asset(&path) {
        return next.run(request).await;
    }
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|info| info.0.ip());
    let config = &state.config;
    let client = proxy::client_addr(config, peer, request.headers());
    request.extensions_mut().insert(client);

    let bearer = bearer_token(request.headers());
    let method = request.method().clone();
    if !is_safe(&method)
        && bearer.is_none()
        && !csrf::is_same_origin(
            request.headers(),
            proxy::forwarded_host(config, peer, request.headers()),
        )
    {
        tracing::info!(%path, client = %client.addr, "refused a cross-site write");
        return refuse(StatusCode::FORBIDDEN, "cross-site request refused");
    }

    let principal = match bearer {
        Some(secret) => match api_tokens::resolve(&state.db, &secret).await {
            Ok(Ok(principal)) => principal,
            Ok(Err(why)) => {
                tracing::info!(%path, client = %client.addr, ?why, "refused an API token");
                return refuse(
                    StatusCode::UNAUTHORIZED,
                    "invalid, expired or revoked API token",
                );
            }
            Err(err) => return internal(err),
        },
        None => match resolve_session(&state, request.headers()).await {
            Ok(Some(principal)) => principal,
            Ok(None) => proxy::proxy_principal(config, peer, request.headers()).unwrap_or(
                Principal::Anonymous {
                    read_allowed: config.anonymous_read,
                },
            ),
            Err(err) => return internal(err),
        },
    };

    if principal.role().is_none() && !paths::is_public(&path) {
        if paths::is_page(&method, &path) {
            return sign_in_redirect(&state, request.uri()).await;
        }
        return refuse(StatusCode::UNAUTHORIZED, "sign in first");
    }
    request.extensions_mut().insert(principal);
    next.run(request).await
}

async fn resolve_session(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<Option<Principal>, sea_orm::DbErr> {
    match session_token_from_headers(headers) {
        Some(secret) => sessions::resolve(&state.db, &secret).await,
        None => Ok(None),
    }
}

/// The signed-out go to the login page (or, before anyone exists, to the set-up page), and
/// come back where they were afterwards.
async fn sign_in_redirect(state: &AppState, uri: &axum::http::Uri) -> Response {
    // `next` is an app path (the base path was stripped); the Location is under the base.
    let base = &state.config.base_path;
    match app::ssr::auth::users::count(&state.db).await {
        Ok(0) => Redirect::to(&base.url("/setup")).into_response(),
        Ok(_) => {
            let next = uri.path_and_query().map(|p| p.as_str()).unwrap_or("/");
            let target = if next == "/" {
                "/login".to_owned()
            } else {
                format!("/login?next={}", app::url::percent_encode(next))
            };
            Redirect::to(&base.url(&target)).into_response()
        }
        Err(err) => internal(err),
    }
}

fn bearer_token(headers: &HeaderMap) -> Option<String> {
    let value = headers.get(AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim().to_owned())
        .filter(|t| !t.is_empty())
}

fn is_safe(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// A JSON error body like the REST API's.
pub fn refuse(status: StatusCode, message: &str) -> Response {
    (status, axum::Json(serde_json::json!({ "error": message }))).into_response()
}

fn internal(err: sea_orm::DbErr) -> Response {
    tracing::error!(error = %err, "database error while authenticating");
    refuse(
        StatusCode::INTERNAL_SERVER_ERROR,
        "internal error; see the server log",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bearer_tokens_are_read_from_authorization() {
        let mut h = HeaderMap::new();
        h.insert(AUTHORIZATION, "Bearer imt_abc".parse().unwrap());
        assert_eq!(bearer_token(&h).as_deref(), Some("imt_abc"));
        h.insert(AUTHORIZATION, "Basic dXNlcjpwdw==".parse().unwrap());
        assert_eq!(bearer_token(&h), None);
    }
}
