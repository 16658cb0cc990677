//! The app under a sub-path (`IPMI_MONITOR_BASE_PATH=/ipmi`), as a reverse proxy that passes
//! the path on unchanged serves it: everything answers under `/ipmi` and nothing outside it;
//! pages link, post and load scripts only under it; redirects, the session cookie, server
//! functions, the REST API and the websocket all stay under it.

mod support;

use app::types::Role;
use support::{TestServer, form_body};

const BASE: &str = "/ipmi";

/// A server under `/ipmi/` (trailing slash as an operator might write it) whose site root
/// holds a stylesheet, so static files can be asked for.
async fn start() -> (TestServer, tempfile::TempDir) {
    let site = tempfile::tempdir().unwrap();
    std::fs::create_dir(site.path().join("pkg")).unwrap();
    std::fs::write(site.path().join("pkg/ipmi_monitor.css"), "body {}").unwrap();
    let server = TestServer::start_with_env(vec![
        ("IPMI_MONITOR_BASE_PATH".to_owned(), format!("{BASE}/")),
        (
            "IPMI_MONITOR_SITE_ROOT".to_owned(),
            site.path().display().to_string(),
        ),
    ])
    .await;
    (server, site)
}

fn plain_client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// Every `href`, `action` and `src` value in `html` that is a path on this site.
fn site_paths(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    for attribute in ["href=\"", "action=\"", "src=\""] {
        for (at, _) in html.match_indices(attribute) {
            let start = at + attribute.len();
            let Some(len) = html[start..].find('"') else {
                continue;
            };
            let value = &html[start..start + len];
            if value.starts_with('/') && !value.starts_with("//") {
                found.push(value.to_owned());
            }
        }
    }
    found
}

fn under_base(path: &str) -> bool {
    path == BASE || path.starts_with(&format!("{BASE}/")) || path.starts_with(&format!("{BASE}?"))
}

#[tokio::test]
async fn only_the_base_path_is_served() {
    let (server, _site) = start().await;
    let client = server.admin_client();
    for (path, status) in [
        ("/ipmi/health", 200),
        ("/ipmi/api/version", 200),
        ("/ipmi/api/v1/servers", 200),
        ("/ipmi/metrics", 200),
        ("/ipmi/pkg/ipmi_monitor.css", 200),
        ("/health", 404),
        ("/api/v1/servers", 404),
        ("/ipmix/health", 404),
        ("/events", 404),
    ] {
        let response = client.get(server.url(path)).send().await.unwrap();
        assert_eq!(response.status().as_u16(), status, "{path}");
    }
    // The site root and the bare base lead to the dashboard's one URL, the query kept.
    for (from, to) in [
        ("/", "/ipmi/"),
        ("/ipmi", "/ipmi/"),
        ("/ipmi?sort=state", "/ipmi/?sort=state"),
    ] {
        let response = plain_client().get(server.url(from)).send().await.unwrap();
        assert!(
            response.status().is_redirection(),
            "{from}: {}",
            response.status()
        );
        assert_eq!(response.headers()["location"], to, "{from}");
    }
    // OpenAPI clients learn the prefix from `servers`.
    let (status, body) = server.get_json("/ipmi/api/openapi.json").await;
    assert_eq!(status, 200);
    assert!(body["paths"]["/api/v1/servers"].is_object());
    assert_eq!(body["servers"][0]["url"], "/ipmi");
}

#[tokio::test]
async fn every_page_links_posts_and_loads_only_under_the_base_path() {
    let (server, _site) = start().await;
    let pages = [
        "/ipmi/",
        "/ipmi/?sort=state",
        "/ipmi/events",
        "/ipmi/settings",
        "/ipmi/settings/servers",
        "/ipmi/settings/credentials",
        "/ipmi/settings/users",
        "/ipmi/settings/tokens",
        "/ipmi/settings/audit",
        "/ipmi/settings/backup",
        "/ipmi/account",
        "/ipmi/docs",
    ];
    for page in pages {
        let (status, html) = server.get_text(page).await;
        assert_eq!(status, 200, "{page}");
        assert!(
            html.contains(r#"<meta name="ipmi-monitor-base-path" content="/ipmi""#),
            "{page}: the base path for the browser build"
        );
        assert!(
            html.contains("/ipmi/pkg/ipmi_monitor.js"),
            "{page}: the hydration script under the base path"
        );
        assert!(
            html.contains(r#"href="/ipmi/events""#),
            "{page}: the router's links under the base path: {:?}",
            site_paths(&html)
        );
        let paths = site_paths(&html);
        assert!(paths.len() > 5, "{page}: {paths:?}");
        let outside: Vec<&String> = paths.iter().filter(|p| !under_base(p)).collect();
        assert!(
            outside.is_empty(),
            "{page} points outside /ipmi: {outside:?}"
        );
    }
    // The server functions' forms post under the base path too.
    let (_, html) = server.get_text("/ipmi/settings/tokens").await;
    assert!(
        html.contains(r#"action="/ipmi/api/create_api_token""#),
        "{}",
        site_paths(&html).join("\n")
    );
    // A page that does not exist is a 404 page, still under the base path.
    let (status, html) = server.get_text("/ipmi/no-such-page").await;
    assert_eq!(status, 404);
    assert!(site_paths(&html).iter().all(|p| under_base(p)));
}

#[tokio::test]
async fn sign_in_redirects_and_the_cookie_stay_under_the_base_path() {
    let (server, _site) = start().await;
    let hash = app::ssr::auth::password::hash_blocking("sub path password").unwrap();
    app::ssr::auth::users::insert(&server.state.db, "subuser", hash, Role::Viewer)
        .await
        .unwrap();

    let signed_out = plain_client()
        .get(server.url("/ipmi/events?x=1"))
        .send()
        .await
        .unwrap();
    assert_eq!(signed_out.status().as_u16(), 303);
    assert_eq!(
        signed_out.headers()["location"],
        "/ipmi/login?next=/events%3Fx%3D1"
    );

    let form = |password: &'static str| {
        plain_client()
            .post(server.url("/ipmi/api/login"))
            .header("content-type", "application/x-www-form-urlencoded")
            .header("accept", "text/html")
            .header("origin", format!("http://{}", server.addr))
            .header("referer", server.url("/ipmi/login?next=/events"))
            .body(form_body(&[
                ("username", "subuser"),
                ("password", password),
                ("next", "/events"),
            ]))
            .send()
    };
    let failed = form("not the password").await.unwrap();
    let location = failed.headers()["location"].to_str().unwrap();
    assert!(
        location.starts_with("/ipmi/login?next=/events&error="),
        "{location}"
    );
    let ok = form("sub path password").await.unwrap();
    assert_eq!(ok.headers()["location"], "/ipmi/events");
    let cookie = ok
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("ipmi_monitor_session="))
        .unwrap()
        .to_owned();
    assert!(cookie.contains("; Path=/ipmi;"), "{cookie}");

    let session = cookie.split(';').next().unwrap();
    let page = plain_client()
        .get(server.url("/ipmi/events"))
        .header("cookie", session)
        .send()
        .await
        .unwrap();
    assert_eq!(page.status().as_u16(), 200);
}

#[tokio::test]
async fn the_websocket_is_under_the_base_path() {
    use tokio_tungstenite::tungstenite::client::IntoClientRequest;
    let (server, _site) = start().await;
    let connect = |path: &str| {
        let mut request = format!("ws://{}{path}", server.addr)
            .into_client_request()
            .unwrap();
        request.headers_mut().insert(
            "authorization",
            format!("Bearer {}", server.admin_token).parse().unwrap(),
        );
        tokio_tungstenite::connect_async(request)
    };
    assert!(connect("/ipmi/ws").await.is_ok(), "/ipmi/ws connects");
    assert!(connect("/ws").await.is_err(), "/ws outside the base path");
}
