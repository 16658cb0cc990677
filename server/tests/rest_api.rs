//! The REST API with a viewer token: servers, sensors and their history, events with filters
//! and paging, and an OpenAPI document that lists every route.

mod support;

use app::entities::{
    bmc_credential, sel_event, sensor, sensor_reading, server as server_entity, server_status,
};
use app::types::Role;
use chrono::{Duration, Utc};
use sea_orm::{ActiveModelTrait, Set};
use support::{TestServer, bearer_client};

async fn seed(server: &TestServer) -> (i64, i64) {
    let db = &server.state.db;
    let now = Utc::now();
    let id = server_entity::ActiveModel {
        name: Set("api-01".to_owned()),
        bmc_address: Set("10.0.0.9".to_owned()),
        bmc_port: Set(623),
        protocol: Set("ipmi".to_owned()),
        privilege: Set("administrator".to_owned()),
        tags: Set("gpu".to_owned()),
        notes: Set("rack 4".to_owned()),
        // Disabled, so the collector leaves the seeded status alone.
        enabled: Set(false),
        lifecycle: Set("active".to_owned()),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap()
    .id;
    bmc_credential::ActiveModel {
        server_id: Set(Some(id)),
        username: Set("root".to_owned()),
        password_enc: Set(server.state.secrets.encrypt("api-secret-pw")),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
    server_status::ActiveModel {
        server_id: Set(id),
        bmc_reachable: Set(Some(true)),
        os_reachable: Set(Some(true)),
        consecutive_failures: Set(0),
        collectors: Set(r#"{"sensors":{"ok":true,"duration_ms":12,"error":null}}"#.to_owned()),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
    let sensor_id = sensor::ActiveModel {
        server_id: Set(id),
        name: Set("CPU1 Temp".to_owned()),
        number: Set(1),
        lun: Set(0),
        sensor_type: Set("temperature".to_owned()),
        kind: Set("threshold".to_owned()),
        status: Set("ok".to_owned()),
        value: Set(Some(41.0)),
        unit: Set(Some("degrees C".to_owned())),
        thresholds: Set(Some(r#"{"upper_critical":90.0}"#.to_owned())),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap()
    .id;
    for minutes in [50, 30, 10] {
        sensor_reading::ActiveModel {
            sensor_id: Set(sensor_id),
            at: Set(now - Duration::minutes(minutes)),
            value: Set(40.0 + minutes as f64 / 10.0),
            ..Default::default()
        }
        .insert(db)
        .await
        .unwrap();
    }
    for (n, severity) in ["info", "warning", "critical", "info", "critical"]
        .iter()
        .enumerate()
    {
        sel_event::ActiveModel {
            server_id: Set(id),
            source: Set("sel".to_owned()),
            record_id: Set(n as i64),
            timestamp: Set(now - Duration::minutes(10 - n as i64)),
            raw_hex: Set(String::new()),
            raw_hash: Set(format!("h{n}")),
            asserted: Set(true),
            severity: Set((*severity).to_owned()),
            description: Set(format!("event {n}")),
            sensor_type: Set(Some(
                if n == 2 { "Memory" } else { "Temperature" }.to_owned(),
            )),
            collected_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await
        .unwrap();
    }
    (id, sensor_id)
}

async fn get_json(client: &reqwest::Client, url: String) -> (u16, serde_json::Value) {
    let response = client.get(url).send().await.unwrap();
    let status = response.status().as_u16();
    (
        status,
        response.json().await.unwrap_or(serde_json::Value::Null),
    )
}

#[tokio::test]
async fn a_viewer_token_reads_servers_sensors_history_and_events() {
    let server = TestServer::start().await;
    let (id, sensor_id) = seed(&server).await;
    let token =
        app::ssr::auth::api_tokens::create(&server.state.db, "grafana", Role::Viewer, "t", None)
            .await
            .unwrap()
            .token;
    let client = bearer_client(&token);

    let (status, list) = get_json(&client, server.url("/api/v1/servers")).await;
    assert_eq!(status, 200);
    assert_eq!(list[0]["name"], "api-01");
    assert_eq!(list[0]["state"], "Online");

    let (status, detail) = get_json(&client, server.url(&format!("/api/v1/servers/{id}"))).await;
    assert_eq!(status, 200, "{detail}");
    assert_eq!(detail["notes"], "rack 4");
    assert_eq!(detail["status"]["collectors"]["sensors"]["ok"], true);
    let text = detail.to_string();
    assert!(
        !text.contains("api-secret-pw") && !text.contains("password"),
        "{text}"
    );
    let (status, _) = get_json(&client, server.url("/api/v1/servers/99999")).await;
    assert_eq!(status, 404);

    let (_, sensors) = get_json(
        &client,
        server.url(&format!("/api/v1/servers/{id}/sensors")),
    )
    .await;
    assert_eq!(sensors[0]["name"], "CPU1 Temp");
    assert_eq!(sensors[0]["thresholds"]["upper_critical"], 90.0);

    let (status, history) = get_json(
        &client,
        server.url(&format!("/api/v1/sensors/{sensor_id}/history")),
    )
    .await;
    assert_eq!(status, 200, "{history}");
    assert_eq!(history["resolution"], "raw");
    let values: Vec<f64> = history["points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["value"].as_f64().unwrap())
        .collect();
    assert_eq!(values, [45.0, 43.0, 41.0], "oldest first");
    let (status, _) = get_json(
        &client,
        server.url(&format!(
            "/api/v1/sensors/{sensor_id}/history?resolution=weekly"
        )),
    )
    .await;
    assert_eq!(status, 400);
    let (_, long) = get_json(
        &client,
        server.url(&format!(
            "/api/v1/sensors/{sensor_id}/history?from={}",
            (Utc::now() - Duration::days(30))
                .to_rfc3339()
                .replace('+', "%2B")
        )),
    )
    .await;
    assert_eq!(long["resolution"], "hourly", "{long}");

    let (_, critical) = get_json(&client, server.url("/api/v1/events?severity=critical")).await;
    let texts: Vec<&str> = critical["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["description"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["event 4", "event 2"]);
    let (_, warning_up) = get_json(&client, server.url("/api/v1/events?severity=warning")).await;
    assert_eq!(warning_up["events"].as_array().unwrap().len(), 3);
    // An empty severity (a form's "any severity") is no filter, on JSON and CSV alike.
    let (status, any) = get_json(&client, server.url("/api/v1/events?severity=")).await;
    assert_eq!(status, 200);
    assert_eq!(
        any["events"],
        get_json(&client, server.url("/api/v1/events")).await.1["events"]
    );
    let (status, _) = get_json(&client, server.url("/api/v1/events?severity=loud")).await;
    assert_eq!(status, 400);
    let (_, memory) = get_json(&client, server.url("/api/v1/events?sensor_type=memory")).await;
    let texts: Vec<&str> = memory["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["description"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["event 2"], "by sensor type, any case");

    // Paging: two at a time, newest first, until next_before_id is null.
    let mut seen = Vec::new();
    let mut url = server.url("/api/v1/events?limit=2");
    loop {
        let (_, page) = get_json(&client, url.clone()).await;
        for e in page["events"].as_array().unwrap() {
            seen.push(e["description"].as_str().unwrap().to_owned());
        }
        match page["next_before_id"].as_i64() {
            Some(before) => url = server.url(&format!("/api/v1/events?limit=2&before_id={before}")),
            None => break,
        }
    }
    assert_eq!(
        seen,
        ["event 4", "event 3", "event 2", "event 1", "event 0"]
    );
    let (status, _) = get_json(&client, server.url("/api/v1/events?limit=0")).await;
    assert_eq!(status, 400);

    // The same filter as CSV.
    let csv = client
        .get(server.url("/api/v1/events.csv?severity=critical"))
        .send()
        .await
        .unwrap();
    assert_eq!(csv.headers()["content-type"], "text/csv; charset=utf-8");
    let text = csv.text().await.unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "time,server,severity,event");
    assert_eq!(lines.len(), 3, "{text}");
    assert!(lines[1].ends_with(",api-01,critical,event 4"), "{text}");

    // The events page filters the same way, from its query string.
    let (_, html) = server.get_text("/events?severity=critical").await;
    assert!(
        html.contains("event 4") && html.contains("event 2"),
        "critical events shown"
    );
    assert!(
        !html.contains("event 3"),
        "a warning is not shown for critical and worse"
    );
    assert!(
        html.contains("/api/v1/events.csv?severity=critical"),
        "CSV link keeps the filter"
    );

    let anonymous = reqwest::Client::new();
    let (status, _) = get_json(&anonymous, server.url("/api/v1/servers")).await;
    assert_eq!(status, 401);
}

#[tokio::test]
async fn every_rest_path_is_in_the_openapi_document() {
    let server = TestServer::start().await;
    let (status, doc) = get_json(&reqwest::Client::new(), server.url("/api/openapi.json")).await;
    assert_eq!(status, 200, "the document is public");
    let served: Vec<(&str, &str)> = server::http::plain_route_methods()
        .into_iter()
        .map(|(verb, path)| (verb.as_str(), path))
        .filter(|(_, path)| path.starts_with("/api/v1/"))
        .collect();
    for (method, path) in &served {
        assert!(
            doc["paths"][path][method.to_ascii_lowercase()].is_object(),
            "{method} {path} is not in /api/openapi.json"
        );
    }
    for route in server::http::rest::DOCUMENTED_ROUTES {
        assert!(
            served.contains(route),
            "{route:?} documented but not served"
        );
    }
}
