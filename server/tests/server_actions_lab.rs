//! Operator actions against a simulated BMC through the REST API and the server functions:
//! the command reaches the BMC (its chassis log), a wrong confirmation reaches nothing, every
//! attempt is audited and shows on the server's timeline; collect-now reports progress over
//! `/ws`; live login tests tell a good login from a wrong password and a dead BMC.

mod support;

use std::time::Duration;

use app::entities::{audit_log, sel_event};
use app::types::{LiveMessage, LoginOutcome, LoginTestResult};
use futures_util::StreamExt;
use labkit::Lab;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};
use support::TestServer;

/// Adds lab BMC `i` through the REST API with the lab's login; returns its id.
async fn add_lab_server(server: &TestServer, lab: &Lab, i: u32, name: &str) -> i64 {
    let response = server
        .admin_client()
        .post(server.url("/api/v1/servers"))
        .json(&json!({
            "name": name, "bmc_address": "127.0.0.1", "bmc_port": lab.port(i).to_string(),
            "cipher_suite": "3", "username": labkit::USER, "password": labkit::PASSWORD
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
    response.json::<Value>().await.unwrap()["id"]
        .as_i64()
        .unwrap()
}

async fn post_json(server: &TestServer, path: &str, body: Value) -> (u16, Value) {
    let response = server
        .admin_client()
        .post(server.url(path))
        .json(&body)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn power_actions_reach_the_bmc_and_are_audited_and_on_the_timeline() {
    let lab = Lab::start(1);
    let server = TestServer::start().await;
    let id = add_lab_server(&server, &lab, 1, "lab-power").await;

    // A wrong name: refused before any packet is sent.
    let (status, body) = post_json(
        &server,
        &format!("/api/v1/servers/{id}/actions/power_off"),
        json!({ "confirm_name": "lab-powe" }),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert!(!lab.chassis_log(1).contains("power 0"));

    let (status, body) = post_json(
        &server,
        &format!("/api/v1/servers/{id}/actions/power_off"),
        json!({ "confirm_name": "lab-power" }),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    // The same through the server function behind the Actions tab.
    let (status, body) = server
        .call_fn(
            &server.admin_token,
            "run_server_action",
            &[
                ("id", &id.to_string()),
                ("action", "identify"),
                ("confirm_name", "lab-power"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    tokio::time::sleep(Duration::from_millis(500)).await;
    let log = lab.chassis_log(1);
    assert!(log.contains("power 0"), "{log}");
    assert!(log.contains("identify"), "{log}");

    let audited: Vec<(String, String)> = audit_log::Entity::find()
        .filter(audit_log::Column::Action.is_in(["server.power", "server.identify"]))
        .all(&server.state.db)
        .await
        .unwrap()
        .into_iter()
        .map(|r| (r.action, r.outcome))
        .collect();
    assert_eq!(
        audited,
        [
            ("server.power".to_owned(), "ok".to_owned()),
            ("server.identify".to_owned(), "ok".to_owned())
        ]
    );
    let timeline: Vec<String> = sel_event::Entity::find()
        .filter(sel_event::Column::ServerId.eq(id))
        .filter(sel_event::Column::Source.eq("synthetic"))
        .all(&server.state.db)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.description)
        .collect();
    assert!(
        timeline
            .iter()
            .any(|d| d.starts_with("Power off (hard) requested by token:tests")),
        "{timeline:?}"
    );

    // A BMC that is gone: the failure is reported (502) and audited as failed.
    lab.fleet(&["crash", "1"]);
    let (status, body) = post_json(
        &server,
        &format!("/api/v1/servers/{id}/actions/power_on"),
        json!({ "confirm_name": "lab-power" }),
    )
    .await;
    assert_eq!(status, 502, "{body}");
    let failed = audit_log::Entity::find()
        .filter(audit_log::Column::Outcome.eq("failed"))
        .one(&server.state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(failed.action, "server.power");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn login_tests_tell_ok_from_wrong_password_and_unreachable() {
    let lab = Lab::start(3);
    let server = TestServer::start().await;
    let good = add_lab_server(&server, &lab, 1, "lab-login-1").await;
    let dead = add_lab_server(&server, &lab, 2, "lab-login-2").await;
    lab.fleet(&["crash", "2"]);

    let test = |id: i64, body: Value| {
        let server = &server;
        async move {
            let (status, body) =
                post_json(server, &format!("/api/v1/servers/{id}/login-test"), body).await;
            assert_eq!(status, 200, "{body}");
            serde_json::from_value::<LoginTestResult>(body).unwrap()
        }
    };
    let ok = test(good, json!({})).await;
    assert_eq!(ok.outcome, LoginOutcome::Ok, "{ok:?}");
    assert_eq!(ok.cipher_suite, Some(3));
    let wrong = test(
        good,
        json!({ "username": labkit::USER, "password": "not the password" }),
    )
    .await;
    assert_eq!(wrong.outcome, LoginOutcome::WrongPassword, "{wrong:?}");
    let gone = test(dead, json!({})).await;
    assert_eq!(gone.outcome, LoginOutcome::Unreachable, "{gone:?}");

    // A server with no stored login at all: its Test button tries the login being entered.
    let response = server
        .admin_client()
        .post(server.url("/api/v1/servers"))
        .json(&json!({ "name": "lab-login-3", "bmc_address": "127.0.0.1",
                       "bmc_port": lab.port(3).to_string(), "cipher_suite": "3" }))
        .send()
        .await
        .unwrap();
    let fresh = response.json::<Value>().await.unwrap()["id"]
        .as_i64()
        .unwrap();
    let stored = test(fresh, json!({})).await;
    assert_eq!(stored.outcome, LoginOutcome::NoCredentials, "{stored:?}");
    let tried = test(
        fresh,
        json!({ "username": labkit::USER, "password": labkit::PASSWORD }),
    )
    .await;
    assert_eq!(tried.outcome, LoginOutcome::Ok, "{tried:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn collect_now_reports_progress_over_the_websocket() {
    let lab = Lab::start(2);
    let server = TestServer::start().await;
    let mut socket = server.ws_connect().await;
    // Imported servers' first polls are an initial collection, counted to the end. (One
    // added on its own is polled at once instead, as an ordinary collect-now.)
    let csv = format!(
        "name,bmc_address,bmc_port,cipher_suite,username,password\n\
         lab-collect-1,127.0.0.1,{},3,{user},{pass}\n\
         lab-collect-2,127.0.0.1,{},3,{user},{pass}\n",
        lab.port(1),
        lab.port(2),
        user = labkit::USER,
        pass = labkit::PASSWORD
    );
    let response = server
        .admin_client()
        .post(server.url("/api/v1/servers/import"))
        .body(csv)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let (_, list) = server.get_json("/api/v1/servers").await;
    let first = list[0]["id"].as_i64().unwrap();

    let mut initial_done = false;
    let until = tokio::time::Instant::now() + Duration::from_secs(60);
    while !initial_done && tokio::time::Instant::now() < until {
        let Ok(Some(Ok(message))) =
            tokio::time::timeout(Duration::from_secs(5), socket.next()).await
        else {
            continue;
        };
        let Ok(text) = message.into_text() else {
            continue;
        };
        if let Ok(LiveMessage::CollectionProgress { progress }) = serde_json::from_str(&text) {
            assert!(progress.initial, "{progress:?}");
            initial_done = progress.finished() && progress.total == 2;
        }
    }
    assert!(
        initial_done,
        "the initial collection of 2 servers never finished"
    );

    let (status, body) =
        post_json(&server, "/api/v1/collect", json!({ "server_ids": [first] })).await;
    assert_eq!((status, body["queued"].as_i64()), (200, Some(1)), "{body}");
    let mut seen = Vec::new();
    let until = tokio::time::Instant::now() + Duration::from_secs(30);
    while tokio::time::Instant::now() < until {
        let Ok(Some(Ok(message))) =
            tokio::time::timeout(Duration::from_secs(5), socket.next()).await
        else {
            continue;
        };
        let Ok(text) = message.into_text() else {
            continue;
        };
        if let Ok(LiveMessage::CollectionProgress { progress }) = serde_json::from_str(&text) {
            seen.push((progress.done, progress.total, progress.initial));
            if progress.finished() {
                break;
            }
        }
    }
    assert_eq!(seen, [(0, 1, false), (1, 1, false)]);
    let (_, body) = server.get_json("/api/v1/collection").await;
    assert_eq!(body["progress"], Value::Null, "nothing running: {body}");

    // Audited with the server asked for and the client that asked.
    let audited = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("server.collect"))
        .one(&server.state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(audited.target, Some(format!("server:{first}")));
    assert!(
        audited
            .client
            .as_deref()
            .is_some_and(|c| c.contains("127.0.0.1")),
        "{:?}",
        audited.client
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn collect_now_during_a_poll_is_served_by_a_poll_begun_after_it() {
    // Replies delayed 60 ms each, so one poll takes seconds; no scheduled poll interferes.
    let lab = Lab::start(1);
    lab.fleet(&["slow", "1", "60"]);
    let server = TestServer::start_with_env(vec![(
        "IPMI_MONITOR_POLL_INTERVAL".to_owned(),
        "600".to_owned(),
    )])
    .await;
    let relay_port = lab.proxy_target(1).rsplit(':').next().unwrap().to_owned();
    let (status, body) = post_json(
        &server,
        "/api/v1/servers",
        json!({
            "name": "lab-slow", "bmc_address": "127.0.0.1", "bmc_port": relay_port,
            "cipher_suite": "3", "username": labkit::USER, "password": labkit::PASSWORD
        }),
    )
    .await;
    assert_eq!(status, 201, "{body}");
    let id = body["id"].as_i64().unwrap();

    // The new server's first poll is running (it was polled at once): ask for it again.
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(
        server.state.poll_metrics.snapshot().count,
        0,
        "still polling"
    );
    let (status, _) = post_json(&server, "/api/v1/collect", json!({ "server_ids": [id] })).await;
    assert_eq!(status, 200);

    let until = tokio::time::Instant::now() + Duration::from_secs(60);
    loop {
        let (_, body) = server.get_json("/api/v1/collection").await;
        if body["progress"].is_null() {
            break;
        }
        assert!(
            tokio::time::Instant::now() < until,
            "never finished: {body}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // The poll that was running when collect-now came did not end the request; a second one,
    // begun after it, did.
    assert_eq!(server.state.poll_metrics.snapshot().count, 2);
}
