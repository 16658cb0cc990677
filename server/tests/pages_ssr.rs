//! Server-rendered pages contain their content without any JavaScript.

mod support;

use app::entities::{sel_event, server as server_entity, server_status};
use chrono::Utc;
use sea_orm::{ActiveModelTrait, Set};
use support::TestServer;

async fn insert_server(server: &TestServer, name: &str) -> i64 {
    let now = Utc::now();
    let row = server_entity::ActiveModel {
        name: Set(name.to_owned()),
        bmc_address: Set("127.0.0.1".to_owned()),
        bmc_port: Set(20623),
        protocol: Set("ipmi".to_owned()),
        privilege: Set("administrator".to_owned()),
        tags: Set("gpu, rack-3".to_owned()),
        notes: Set(String::new()),
        enabled: Set(true),
        lifecycle: Set("active".to_owned()),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    let id = row.insert(&server.state.db).await.unwrap().id;
    server_status::ActiveModel {
        server_id: Set(id),
        bmc_reachable: Set(Some(true)),
        os_reachable: Set(Some(false)),
        power_on: Set(Some(true)),
        consecutive_failures: Set(0),
        collectors: Set("{}".to_owned()),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&server.state.db)
    .await
    .unwrap();
    id
}

#[tokio::test]
async fn empty_dashboard_has_navigation_and_an_empty_state() {
    let server = TestServer::start().await;
    let (status, html) = server.get_text("/").await;
    assert_eq!(status, 200);
    for needle in [
        "<h1>Dashboard</h1>",
        "href=\"/events\"",
        "href=\"/settings\"",
        "href=\"/docs\"",
        "No servers yet",
        "id=\"live-indicator\"",
    ] {
        assert!(html.contains(needle), "missing {needle:?}");
    }
    assert!(
        html.contains("ipmi_monitor_bg.wasm") || html.contains("ipmi_monitor.js"),
        "no hydration script"
    );
}

#[tokio::test]
async fn dashboard_lists_servers_from_the_database() {
    let server = TestServer::start().await;
    insert_server(&server, "gpu-node-17").await;
    let (_, html) = server.get_text("/").await;
    assert!(html.contains("gpu-node-17"), "server card missing");
    assert!(html.contains("OS down"), "state badge missing");
    assert!(html.contains("rack-3"), "tags missing");
    assert!(!html.contains("No servers yet"));
}

#[tokio::test]
async fn events_page_lists_stored_events() {
    let server = TestServer::start().await;
    let (_, html) = server.get_text("/events").await;
    assert!(html.contains("No events recorded yet"));

    let server_id = insert_server(&server, "db-01").await;
    let now = Utc::now();
    sel_event::ActiveModel {
        server_id: Set(server_id),
        source: Set("sel".to_owned()),
        record_id: Set(7),
        timestamp: Set(now),
        raw_hex: Set("0700020000000020000412526f05ffff".to_owned()),
        raw_hash: Set("abc".to_owned()),
        asserted: Set(true),
        severity: Set("warning".to_owned()),
        description: Set("Memory #0x50 | Correctable ECC | Asserted".to_owned()),
        collected_at: Set(now),
        ..Default::default()
    }
    .insert(&server.state.db)
    .await
    .unwrap();
    let (_, html) = server.get_text("/events").await;
    assert!(html.contains("Correctable ECC"));
    assert!(html.contains("db-01"));
    assert!(html.contains("severity-warning"));
}

#[tokio::test]
async fn settings_and_docs_pages_render() {
    let server = TestServer::start().await;
    let (status, html) = server.get_text("/settings").await;
    assert_eq!(status, 200);
    assert!(html.contains("id=\"system-info\""));
    assert!(html.contains(include_str!("../../VERSION").trim()));
    let (status, html) = server.get_text("/docs").await;
    assert_eq!(status, 200);
    assert!(html.contains("baseboard management controller"));
}

#[tokio::test]
async fn unknown_path_is_404() {
    let server = TestServer::start().await;
    let (status, html) = server.get_text("/no-such-page").await;
    assert_eq!(status, 404);
    assert!(html.contains("Page not found"));
}

#[tokio::test]
async fn server_function_returns_json() {
    let server = TestServer::start().await;
    insert_server(&server, "web-9").await;
    let response = server
        .admin_client()
        .post(server.url("/api/list_servers"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body[0]["name"], "web-9");
    assert_eq!(body[0]["state"], "OsDown");
}

#[tokio::test]
async fn server_page_shows_facts_sensors_and_events_and_is_titled_by_name() {
    use app::entities::sensor;
    let server = TestServer::start().await;
    let id = insert_server(&server, "gpu-node-42").await;
    let now = Utc::now();
    sensor::ActiveModel {
        server_id: Set(id),
        name: Set("CPU2 Temp".to_owned()),
        number: Set(2),
        lun: Set(0),
        sensor_type: Set("temperature".to_owned()),
        kind: Set("threshold".to_owned()),
        status: Set("ok".to_owned()),
        value: Set(Some(91.0)),
        unit: Set(Some("degrees C".to_owned())),
        state: Set(Some("cr".to_owned())),
        thresholds: Set(Some(r#"{"upper_critical":90.0}"#.to_owned())),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&server.state.db)
    .await
    .unwrap();
    let (status, html) = server.get_text(&format!("/servers/{id}")).await;
    assert_eq!(status, 200);
    for needle in [
        "<title>gpu-node-42 · IPMI Monitor</title>",
        "<h1>gpu-node-42</h1>",
        "id=\"server-facts\"",
        "127.0.0.1:20623",
        "CPU2 Temp",
        "91 degrees C",
        "sensor-critical",
        "No events recorded yet",
    ] {
        assert!(html.contains(needle), "missing {needle:?}");
    }
    let (_, dashboard) = server.get_text("/").await;
    assert!(
        dashboard.contains(&format!("href=\"/servers/{id}\"")),
        "cards link to the server page"
    );
    let (status, html) = server.get_text("/servers/999999").await;
    assert_eq!(status, 404);
    assert!(html.contains("No such server"));
}

#[tokio::test]
async fn servers_settings_page_lists_servers_and_prefills_the_edit_form() {
    let server = TestServer::start().await;
    let id = insert_server(&server, "gpu-42").await;
    let (status, html) = server.get_text("/settings/servers").await;
    assert_eq!(status, 200);
    assert!(html.contains("id=\"server-table\""), "{html}");
    assert!(html.contains("data-server=\"gpu-42\""));
    assert!(html.contains("127.0.0.1:20623"));
    assert!(html.contains("id=\"add-server\""));
    assert!(html.contains("id=\"import-text\""));
    assert!(
        !html.contains("id=\"edit-server\""),
        "no edit form unless asked"
    );
    let (status, html) = server
        .get_text(&format!("/settings/servers?edit={id}"))
        .await;
    assert_eq!(status, 200);
    assert!(html.contains("id=\"edit-server\""), "{html}");
    assert!(html.contains("Edit gpu-42"));
    assert!(html.contains(&format!("id=\"edit-{id}-name\"")));
    assert!(html.contains("value=\"gpu-42\""));
    assert!(html.contains("value=\"gpu, rack-3\""));
}

#[tokio::test]
async fn server_tabs_draw_history_charts_and_offer_actions() {
    use app::entities::{power_reading, sensor, sensor_reading};
    let server = TestServer::start().await;
    let id = insert_server(&server, "gpu-chart").await;
    let now = Utc::now();
    let sensor_id = sensor::ActiveModel {
        server_id: Set(id),
        name: Set("Inlet Temp".to_owned()),
        number: Set(1),
        lun: Set(0),
        sensor_type: Set("temperature".to_owned()),
        kind: Set("threshold".to_owned()),
        status: Set("ok".to_owned()),
        value: Set(Some(24.0)),
        unit: Set(Some("degrees C".to_owned())),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&server.state.db)
    .await
    .unwrap()
    .id;
    for minute in 0..30 {
        let at = now - chrono::Duration::minutes(30 - minute);
        sensor_reading::ActiveModel {
            sensor_id: Set(sensor_id),
            at: Set(at),
            value: Set(20.0 + minute as f64 / 10.0),
            ..Default::default()
        }
        .insert(&server.state.db)
        .await
        .unwrap();
        power_reading::ActiveModel {
            server_id: Set(id),
            at: Set(at),
            watts: Set(300.0 + minute as f64),
            ..Default::default()
        }
        .insert(&server.state.db)
        .await
        .unwrap();
    }

    let (status, html) = server.get_text(&format!("/servers/{id}")).await;
    assert_eq!(status, 200);
    assert!(html.contains("id=\"server-tabs\""));
    assert!(
        html.contains("class=\"sparkline\""),
        "sparkline in the sensor table"
    );

    let (status, html) = server
        .get_text(&format!(
            "/servers/{id}?tab=sensors&sensor={sensor_id}&range=1h"
        ))
        .await;
    assert_eq!(status, 200);
    assert!(html.contains("Inlet Temp history"), "{html}");
    assert!(html.contains("id=\"sensor-chart\""));
    assert!(html.contains("aria-label=\"30 points from"), "{html}");
    let line = html.split("class=\"line\"").nth(1).unwrap_or_default();
    assert!(line.contains("d=\"M"), "{line}");

    let (_, html) = server.get_text(&format!("/servers/{id}?tab=power")).await;
    assert!(html.contains("id=\"power-chart\""), "{html}");
    assert!(html.contains(" W\""), "the label names watts");

    let (_, html) = server.get_text(&format!("/servers/{id}?tab=actions")).await;
    assert!(html.contains("id=\"action-form\""));
    assert!(html.contains("value=\"power_cycle\""));
    assert!(html.contains("type gpu-chart to confirm"));

    let (_, html) = server
        .get_text(&format!("/servers/{id}?tab=settings"))
        .await;
    assert!(html.contains(&format!("id=\"edit-{id}-name\"")), "{html}");

    // An empty range says so instead of drawing nothing.
    let (_, html) = server
        .get_text(&format!(
            "/servers/{id}?tab=sensors&sensor={sensor_id}&range=1y"
        ))
        .await;
    assert!(html.contains("id=\"sensor-chart\""));
    assert!(html.contains("No readings stored for this range yet"));
}

#[tokio::test]
async fn dashboard_filters_and_counts_events_from_the_query_string() {
    let server = TestServer::start().await;
    let gpu = insert_server(&server, "gpu-07").await;
    insert_server(&server, "db-07").await;
    let now = Utc::now();
    for (n, severity) in [(1, "critical"), (2, "warning"), (3, "warning"), (4, "info")] {
        sel_event::ActiveModel {
            server_id: Set(gpu),
            source: Set("sel".to_owned()),
            record_id: Set(n),
            timestamp: Set(now),
            raw_hex: Set(String::new()),
            raw_hash: Set(format!("h{n}")),
            asserted: Set(true),
            severity: Set(severity.to_owned()),
            description: Set(format!("event {n}")),
            collected_at: Set(now),
            ..Default::default()
        }
        .insert(&server.state.db)
        .await
        .unwrap();
    }
    let (_, html) = server.get_text("/").await;
    assert!(html.contains("1 critical"), "{html}");
    assert!(html.contains("2 warning"));
    assert!(html.contains("2 of 2 servers shown"));
    assert!(html.contains("id=\"collect-all\""));

    // Both test servers carry the tags gpu and rack-3, so search by name.
    let (_, html) = server.get_text("/?q=GPU-07").await;
    assert!(
        html.contains("gpu-07") && !html.contains(">db-07<"),
        "{html}"
    );
    assert!(html.contains("1 of 2 servers shown"));
    assert!(
        html.contains("value=\"GPU-07\""),
        "the search box keeps the text"
    );

    let (_, html) = server.get_text("/?severity=critical").await;
    assert!(html.contains(">gpu-07<") && !html.contains(">db-07<"));
    let (_, html) = server.get_text("/?state=dark").await;
    assert!(html.contains("0 of 2 servers shown"));
}
