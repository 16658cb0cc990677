//! The Grafana dashboard is served, is valid JSON, and only queries metrics `/metrics`
//! really exports.

mod support;

use std::collections::BTreeSet;

use app::entities::{sensor, server as server_entity, server_status};
use chrono::Utc;
use sea_orm::{ActiveModelTrait, Set};
use support::TestServer;

/// Every `ipmi_…` metric name in the dashboard's queries (histogram suffixes removed).
fn queried_metrics(dashboard: &serde_json::Value) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for panel in dashboard["panels"].as_array().unwrap() {
        for target in panel["targets"].as_array().unwrap() {
            let expr = target["expr"].as_str().unwrap();
            let mut rest = expr;
            while let Some(start) = rest.find("ipmi_") {
                let tail = &rest[start..];
                let end = tail
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .unwrap_or(tail.len());
                let name = &tail[..end];
                names.insert(name.trim_end_matches("_bucket").to_owned());
                rest = &tail[end..];
            }
        }
    }
    names
}

#[tokio::test]
async fn the_dashboard_queries_only_exported_metrics() {
    let server = TestServer::start().await;
    let db = &server.state.db;
    let now = Utc::now();
    let id = server_entity::ActiveModel {
        name: Set("graf-01".to_owned()),
        bmc_address: Set("10.0.0.7".to_owned()),
        bmc_port: Set(623),
        protocol: Set("ipmi".to_owned()),
        privilege: Set("administrator".to_owned()),
        tags: Set(String::new()),
        notes: Set(String::new()),
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
    server_status::ActiveModel {
        server_id: Set(id),
        bmc_reachable: Set(Some(true)),
        power_on: Set(Some(true)),
        power_watts: Set(Some(312.0)),
        last_duration_ms: Set(Some(140)),
        sel_entries: Set(Some(12)),
        sel_free_bytes: Set(Some(8000)),
        consecutive_failures: Set(0),
        collectors: Set("{}".to_owned()),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
    for (n, (name, kind, unit)) in [
        ("CPU1 Temp", "temperature", "degrees C"),
        ("FAN1", "fan", "RPM"),
        ("P12V", "voltage", "Volts"),
    ]
    .into_iter()
    .enumerate()
    {
        sensor::ActiveModel {
            server_id: Set(id),
            name: Set(name.to_owned()),
            number: Set(n as i32),
            lun: Set(0),
            sensor_type: Set(kind.to_owned()),
            kind: Set("threshold".to_owned()),
            status: Set("ok".to_owned()),
            value: Set(Some(40.0)),
            unit: Set(Some(unit.to_owned())),
            state: Set(Some("ok".to_owned())),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await
        .unwrap();
    }

    app::entities::sel_event::ActiveModel {
        server_id: Set(id),
        source: Set("sel".to_owned()),
        record_id: Set(1),
        timestamp: Set(now),
        raw_hex: Set(String::new()),
        raw_hash: Set("g1".to_owned()),
        asserted: Set(true),
        severity: Set("critical".to_owned()),
        description: Set("PSU failure".to_owned()),
        collected_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();

    let (status, text) = server.get_text("/api/grafana/dashboard").await;
    assert_eq!(status, 200);
    let dashboard: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(dashboard["title"], "IPMI Monitor");
    let (_, metrics) = server.get_text("/metrics").await;
    let exported: BTreeSet<String> = metrics
        .lines()
        .filter_map(|l| l.strip_prefix("# TYPE "))
        .filter_map(|l| l.split_whitespace().next())
        .map(str::to_owned)
        .collect();
    let queried = queried_metrics(&dashboard);
    assert!(queried.len() >= 10, "{queried:?}");
    let missing: Vec<_> = queried.difference(&exported).collect();
    assert!(
        missing.is_empty(),
        "the dashboard queries {missing:?}, not in /metrics:\n{metrics}"
    );
}
