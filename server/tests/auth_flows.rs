//! Signing in and out, first-run set-up, the login throttle, API tokens, cross-site writes,
//! proxy single sign-on and anonymous reading, over real HTTP.

mod support;

use std::time::Duration;

use app::entities::api_token;
use app::types::Role;
use sea_orm::{ActiveModelTrait, Set};
use support::{TestServer, bearer_client, form_body};

fn env(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

fn plain_client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// POSTs a server function the way our own page does (same origin), with an optional cookie.
async fn post_fn(
    server: &TestServer,
    name: &str,
    form: &[(&str, &str)],
    cookie: Option<&str>,
) -> reqwest::Response {
    let mut request = plain_client()
        .post(server.url(&format!("/api/{name}")))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("origin", format!("http://{}", server.addr))
        .body(form_body(form));
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    request.send().await.unwrap()
}

/// `name=value` of the session cookie a response sets.
fn session_cookie(response: &reqwest::Response) -> Option<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| {
            v.starts_with("ipmi_monitor_session=") && !v.starts_with("ipmi_monitor_session=;")
        })
        .and_then(|v| v.split(';').next())
        .map(str::to_owned)
}

async fn get_with_cookie(server: &TestServer, path: &str, cookie: &str) -> reqwest::Response {
    plain_client()
        .get(server.url(path))
        .header("cookie", cookie)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn first_run_setup_then_login_then_logout() {
    let server = TestServer::start().await;
    // Nobody exists: pages send the visitor to the set-up page.
    let response = plain_client()
        .get(server.url("/events"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 303);
    assert_eq!(response.headers()["location"], "/setup");

    let weak = post_fn(
        &server,
        "setup_first_admin",
        &[
            ("username", "root"),
            ("password", "short"),
            ("confirm", "short"),
        ],
        None,
    )
    .await;
    assert_eq!(weak.status().as_u16(), 422);
    assert!(weak.text().await.unwrap().contains("at least 10"));

    let setup = [
        ("username", "root"),
        ("password", "a long admin password"),
        ("confirm", "a long admin password"),
    ];
    let response = post_fn(&server, "setup_first_admin", &setup, None).await;
    assert_eq!(response.status().as_u16(), 200);
    let set_cookie = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        set_cookie.contains("HttpOnly") && set_cookie.contains("SameSite=Lax"),
        "{set_cookie}"
    );
    assert!(!set_cookie.contains("Secure"), "plain HTTP: no Secure flag");
    let cookie = session_cookie(&response).expect("setup signs the admin in");
    let page = get_with_cookie(&server, "/events", &cookie).await;
    assert_eq!(page.status().as_u16(), 200);

    // Set-up works exactly once.
    let again = post_fn(&server, "setup_first_admin", &setup, None).await;
    assert_eq!(again.status().as_u16(), 409);

    // Now signed-out visitors go to the login page, and come back afterwards.
    let response = plain_client()
        .get(server.url("/events?x=1"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 303);
    assert_eq!(
        response.headers()["location"],
        "/login?next=/events%3Fx%3D1"
    );

    let wrong = post_fn(
        &server,
        "login",
        &[("username", "root"), ("password", "not it at all")],
        None,
    )
    .await;
    assert_eq!(wrong.status().as_u16(), 401);
    assert!(session_cookie(&wrong).is_none());
    let unknown = post_fn(
        &server,
        "login",
        &[("username", "nobody"), ("password", "not it at all")],
        None,
    )
    .await;
    assert_eq!(unknown.status().as_u16(), 401);
    assert_eq!(
        unknown.text().await.unwrap(),
        wrong.text().await.unwrap(),
        "same answer for unknown users"
    );

    let login = post_fn(
        &server,
        "login",
        &[("username", "root"), ("password", "a long admin password")],
        None,
    )
    .await;
    assert_eq!(login.status().as_u16(), 200);
    let cookie = session_cookie(&login).unwrap();
    let me: serde_json::Value = post_fn(&server, "get_auth_state", &[], Some(&cookie))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(me["current"]["name"], "root");
    assert_eq!(me["current"]["role"], "admin");

    let logout = post_fn(&server, "logout", &[], Some(&cookie)).await;
    assert_eq!(logout.status().as_u16(), 200);
    assert!(
        logout.headers()["set-cookie"]
            .to_str()
            .unwrap()
            .contains("Max-Age=0")
    );
    let after = get_with_cookie(&server, "/events", &cookie).await;
    assert_eq!(
        after.status().as_u16(),
        303,
        "the old cookie no longer works"
    );

    // The audit log recorded the set-up, the failures and the logins.
    let (_, audit) = server
        .call_fn(&server.admin_token, "list_audit_log", &[])
        .await;
    for needle in [
        "user.create",
        "auth.login",
        "wrong password",
        "unknown user",
        "auth.logout",
    ] {
        assert!(audit.contains(needle), "audit log lacks {needle}: {audit}");
    }
}

#[tokio::test]
async fn a_plain_form_login_redirects_with_the_error_or_to_next() {
    let server = TestServer::start().await;
    let hash = app::ssr::auth::password::hash_blocking("form user password").unwrap();
    app::ssr::auth::users::insert(&server.state.db, "formuser", hash, Role::Viewer)
        .await
        .unwrap();
    let form = |password: &'static str| {
        plain_client()
            .post(server.url("/api/login"))
            .header("content-type", "application/x-www-form-urlencoded")
            .header("accept", "text/html")
            .header("origin", format!("http://{}", server.addr))
            .header("referer", server.url("/login?next=/events"))
            .body(form_body(&[
                ("username", "formuser"),
                ("password", password),
                ("next", "/events"),
            ]))
            .send()
    };
    let failed = form("wrong password!").await.unwrap();
    assert_eq!(failed.status().as_u16(), 302);
    let location = failed.headers()["location"].to_str().unwrap();
    assert!(
        location.starts_with("/login?next=/events&error=wrong%20user%20name"),
        "{location}"
    );
    let ok = form("form user password").await.unwrap();
    assert_eq!(ok.status().as_u16(), 302);
    assert_eq!(ok.headers()["location"], "/events");
    assert!(session_cookie(&ok).is_some());
}

#[tokio::test]
async fn five_failures_lock_the_client_out_until_the_lockout_expires() {
    let server = TestServer::start_with_env(env(&[("IPMI_MONITOR_LOGIN_LOCKOUT", "2")])).await;
    let hash = app::ssr::auth::password::hash_blocking("the right password").unwrap();
    app::ssr::auth::users::insert(&server.state.db, "alice", hash, Role::Operator)
        .await
        .unwrap();
    let server = &server;
    let attempt = |password: &'static str| async move {
        post_fn(
            server,
            "login",
            &[("username", "alice"), ("password", password)],
            None,
        )
        .await
    };
    for _ in 0..4 {
        assert_eq!(attempt("wrong wrong wrong").await.status().as_u16(), 401);
    }
    assert_eq!(
        attempt("wrong wrong wrong").await.status().as_u16(),
        429,
        "the fifth failure locks"
    );
    let locked = attempt("the right password").await;
    assert_eq!(
        locked.status().as_u16(),
        429,
        "even the right password is refused while locked"
    );
    assert!(locked.text().await.unwrap().contains("LockedOut"));
    tokio::time::sleep(Duration::from_millis(2100)).await;
    let after = attempt("the right password").await;
    assert_eq!(after.status().as_u16(), 200, "the lockout expired");
    assert!(session_cookie(&after).is_some());
}

#[tokio::test]
async fn tokens_carry_their_role_and_stop_working_when_revoked_or_expired() {
    let server = TestServer::start().await;
    let (status, body) = server
        .call_fn(
            &server.admin_token,
            "create_api_token",
            &[("name", "grafana"), ("role", "viewer")],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let created: serde_json::Value = serde_json::from_str(&body).unwrap();
    let token = created["token"].as_str().unwrap().to_owned();
    assert!(token.starts_with("imt_"));
    let id = created["summary"]["id"].as_i64().unwrap();

    // Listed without the secret; stored only hashed.
    let (_, listed) = server
        .call_fn(&server.admin_token, "list_api_tokens", &[])
        .await;
    assert!(listed.contains("grafana") && !listed.contains(&token));

    let (status, _) = server.call_fn(&token, "list_servers", &[]).await;
    assert_eq!(status, 200, "a viewer token reads");
    let (status, _) = server
        .call_fn(
            &token,
            "create_user",
            &[
                ("username", "x"),
                ("password", "long enough pw"),
                ("role", "admin"),
            ],
        )
        .await;
    assert_eq!(status, 403, "a viewer token cannot manage users");
    let page = bearer_client(&token)
        .get(server.url("/events"))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status().as_u16(), 200);

    let (status, _) = server
        .call_fn(
            &server.admin_token,
            "revoke_api_token",
            &[("id", &id.to_string())],
        )
        .await;
    assert_eq!(status, 200);
    let (status, body) = server.call_fn(&token, "list_servers", &[]).await;
    assert_eq!(status, 401, "revoked: {body}");

    let expired = app::ssr::auth::api_tokens::create(
        &server.state.db,
        "old",
        Role::Admin,
        "test",
        Some(chrono::Utc::now() + chrono::Duration::hours(1)),
    )
    .await
    .unwrap();
    let (status, _) = server.call_fn(&expired.token, "list_servers", &[]).await;
    assert_eq!(status, 200);
    api_token::ActiveModel {
        id: Set(expired.summary.id.0),
        expires_at: Set(Some(chrono::Utc::now() - chrono::Duration::seconds(1))),
        ..Default::default()
    }
    .update(&server.state.db)
    .await
    .unwrap();
    let (status, _) = server.call_fn(&expired.token, "list_servers", &[]).await;
    assert_eq!(status, 401, "expired");
    let (status, _) = server.call_fn("imt_made_up", "list_servers", &[]).await;
    assert_eq!(status, 401, "unknown");
}

#[tokio::test]
async fn cookie_writes_from_another_site_are_refused() {
    let server = TestServer::start().await;
    let hash = app::ssr::auth::password::hash_blocking("csrf user password").unwrap();
    app::ssr::auth::users::insert(&server.state.db, "carol", hash, Role::Admin)
        .await
        .unwrap();
    let login = post_fn(
        &server,
        "login",
        &[("username", "carol"), ("password", "csrf user password")],
        None,
    )
    .await;
    let cookie = session_cookie(&login).unwrap();
    let create = form_body(&[("name", "evil"), ("role", "admin")]);
    let send = |origin: Option<&'static str>, site: Option<&'static str>| {
        let mut request = plain_client()
            .post(server.url("/api/create_api_token"))
            .header("content-type", "application/x-www-form-urlencoded")
            .header("cookie", &cookie)
            .body(create.clone());
        if let Some(origin) = origin {
            request = request.header("origin", origin);
        }
        if let Some(site) = site {
            request = request.header("sec-fetch-site", site);
        }
        request.send()
    };
    assert_eq!(
        send(Some("http://evil.example"), None)
            .await
            .unwrap()
            .status()
            .as_u16(),
        403
    );
    assert_eq!(
        send(None, Some("cross-site"))
            .await
            .unwrap()
            .status()
            .as_u16(),
        403
    );
    assert_eq!(
        send(None, None).await.unwrap().status().as_u16(),
        403,
        "no origin at all"
    );
    assert_eq!(
        send(None, Some("same-origin"))
            .await
            .unwrap()
            .status()
            .as_u16(),
        200
    );
    let (_, tokens) = server
        .call_fn(&server.admin_token, "list_api_tokens", &[])
        .await;
    assert_eq!(
        tokens.matches("\"evil\"").count(),
        1,
        "only the same-origin request made a token"
    );
}

#[tokio::test]
async fn single_sign_on_headers_count_only_from_trusted_proxies() {
    let untrusted = TestServer::start().await;
    let response = plain_client()
        .get(untrusted.url("/events"))
        .header("x-forwarded-user", "mallory")
        .header("x-forwarded-role", "admin")
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.status().as_u16(),
        303,
        "headers from an untrusted peer are ignored"
    );

    let trusted =
        TestServer::start_with_env(env(&[("IPMI_MONITOR_TRUSTED_PROXIES", "127.0.0.0/8")])).await;
    let state: serde_json::Value = plain_client()
        .post(trusted.url("/api/get_auth_state"))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("origin", format!("http://{}", trusted.addr))
        .header("x-forwarded-user", "dave")
        .header("x-forwarded-role", "operator")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(state["current"]["name"], "dave");
    assert_eq!(state["current"]["role"], "operator");
    assert_eq!(state["current"]["kind"], "proxy");
    let response = plain_client()
        .post(trusted.url("/api/list_users"))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("origin", format!("http://{}", trusted.addr))
        .header("x-forwarded-user", "dave")
        .header("x-forwarded-role", "operator")
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.status().as_u16(),
        403,
        "an operator is not an admin"
    );
}

#[tokio::test]
async fn anonymous_reading_is_off_by_default_and_read_only_when_on() {
    let server = TestServer::start_with_env(env(&[("IPMI_MONITOR_ANONYMOUS_READ", "true")])).await;
    let page = plain_client()
        .get(server.url("/events"))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status().as_u16(), 200);
    let read = post_fn(&server, "list_servers", &[], None).await;
    assert_eq!(read.status().as_u16(), 200);
    let write = post_fn(
        &server,
        "create_api_token",
        &[("name", "anon"), ("role", "admin")],
        None,
    )
    .await;
    assert_eq!(write.status().as_u16(), 401);
}

#[tokio::test]
async fn metrics_can_require_a_bearer_token() {
    let server =
        TestServer::start_with_env(env(&[("IPMI_MONITOR_METRICS_TOKEN", "scrape-secret")])).await;
    let open = plain_client()
        .get(server.url("/metrics"))
        .send()
        .await
        .unwrap();
    assert_eq!(open.status().as_u16(), 401);
    let wrong = bearer_client("scrape-secreT")
        .get(server.url("/metrics"))
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status().as_u16(), 401);
    let right = bearer_client("scrape-secret")
        .get(server.url("/metrics"))
        .send()
        .await
        .unwrap();
    assert_eq!(right.status().as_u16(), 200);
}

#[tokio::test]
async fn admin_password_variable_creates_the_first_admin_once() {
    let server =
        TestServer::start_with_env(env(&[("IPMI_MONITOR_ADMIN_PASSWORD", "headless admin pw")]))
            .await;
    let login = post_fn(
        &server,
        "login",
        &[("username", "admin"), ("password", "headless admin pw")],
        None,
    )
    .await;
    assert_eq!(login.status().as_u16(), 200);
    let users = app::ssr::auth::users::list(&server.state.db).await.unwrap();
    assert_eq!(users.len(), 1);
    assert_eq!(users[0].role, Role::Admin);
}
