//! The collector against real simulated BMCs (lab/bmc-fleet), with ipmitool as the oracle.
//! The collection suites run twice: on embedded SQLite and on a real PostgreSQL server.

mod support;

use std::time::Duration;

use app::entities::{sel_event, sensor};
use app::types::{LiveMessage, ServerState};
use futures_util::StreamExt;
use labkit::Lab;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use support::lab_servers::{
    add_lab_servers, elist_lines, fast_collector, ipmitool_sensor_names, status_of,
    stored_sensor_names, wait_for,
};
use support::{Backend, TestServer};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn collects_sensors_and_sel_like_ipmitool_and_pushes_new_events_on_sqlite() {
    collects_sensors_and_sel_like_ipmitool_and_pushes_new_events(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn collects_sensors_and_sel_like_ipmitool_and_pushes_new_events_on_postgres() {
    collects_sensors_and_sel_like_ipmitool_and_pushes_new_events(Backend::Postgres).await;
}

async fn collects_sensors_and_sel_like_ipmitool_and_pushes_new_events(backend: Backend) {
    let lab = Lab::start(3);
    let env = backend.env("collects", fast_collector()).await;
    let server = TestServer::start_with_env(env).await;
    let ids = add_lab_servers(&server, &lab).await;
    let mut socket = server.ws_connect().await;

    for &id in &ids {
        wait_for(
            "first poll of every server",
            Duration::from_secs(30),
            || async {
                status_of(&server, id)
                    .await
                    .is_some_and(|s| s.last_poll_at.is_some())
            },
        )
        .await;
    }
    assert!(server.state.collector.snapshot().running);

    // Sensors: the same names as `ipmitool sensor`, one row each, however often polled.
    assert_eq!(
        stored_sensor_names(&server, ids[0]).await,
        ipmitool_sensor_names(&lab, 1)
    );
    let rows = sensor::Entity::find()
        .filter(sensor::Column::ServerId.eq(ids[0]))
        .all(&server.state.db)
        .await
        .unwrap();
    let cpu = rows
        .iter()
        .find(|s| s.name == "CPU1 Temp")
        .expect("CPU1 Temp stored");
    assert_eq!(cpu.unit.as_deref(), Some("degrees C"));
    assert!(cpu.value.is_some_and(|v| (0.0..120.0).contains(&v)));

    // SEL: every record ipmitool lists is stored once.
    let sel_count = |id: i64| {
        let db = server.state.db.clone();
        async move {
            sel_event::Entity::find()
                .filter(sel_event::Column::ServerId.eq(id))
                .count(&db)
                .await
                .unwrap()
        }
    };
    let before = elist_lines(&lab.ipmitool(1, &["sel", "elist"]));
    assert!(before > 0);
    assert_eq!(sel_count(ids[0]).await, before as u64);
    let status = status_of(&server, ids[0]).await.unwrap();
    assert_eq!(status.bmc_reachable, Some(true));
    assert_eq!(status.cipher_suite, Some(3));
    assert_eq!(status.power_on, Some(true));

    // The first poll read the inventory: the firmware is what `ipmitool mc info` says.
    let mc_info = lab.ipmitool(1, &["mc", "info"]);
    let firmware = mc_info
        .lines()
        .find_map(|l| l.strip_prefix("Firmware Revision"))
        .and_then(|l| l.split(':').nth(1))
        .map(|v| v.trim().to_owned())
        .expect("ipmitool mc info names the firmware");
    let (status, inventory) = server
        .get_json(&format!("/api/v1/servers/{}/inventory", ids[0]))
        .await;
    assert_eq!(status, 200, "{inventory}");
    assert_eq!(inventory["device"]["firmware_version"], firmware.as_str());
    assert!(
        inventory["fru"].as_array().is_some_and(|f| !f.is_empty()),
        "{inventory}"
    );

    // /metrics with ipmi_exporter's names and our collector figures.
    let (status, metrics) = server.get_text("/metrics").await;
    assert_eq!(status, 200);
    for needle in [
        "ipmi_up{server=\"lab-01\"} 1\n",
        "ipmi_chassis_power_state{server=\"lab-01\"} 1\n",
        &format!("ipmi_sel_logs_count{{server=\"lab-01\"}} {before}\n"),
        "ipmi_temperature_celsius{server=\"lab-01\",id=\"",
        "name=\"CPU1 Temp\"}",
        "ipmi_fan_speed_rpm{server=\"lab-03\"",
        "ipmi_sensor_state{server=\"lab-02\"",
        "# TYPE ipmi_monitor_poll_duration_seconds histogram",
    ] {
        assert!(
            metrics.contains(needle),
            "/metrics lacks {needle:?}:\n{metrics}"
        );
    }
    let polls: u64 = metrics
        .lines()
        .find_map(|l| l.strip_prefix("ipmi_monitor_poll_duration_seconds_count "))
        .and_then(|n| n.parse().ok())
        .unwrap();
    assert!(polls >= 3, "{polls} polls counted");

    // An injected event reaches the database and the websocket within one interval + 1 s.
    lab.fleet(&["inject", "1", "ecc", "2"]);
    let pushed = tokio::time::timeout(Duration::from_secs(6 + 3), async {
        while let Some(Ok(frame)) = socket.next().await {
            let Ok(text) = frame.into_text() else {
                continue;
            };
            if let Ok(LiveMessage::NewEvents { events }) = serde_json::from_str(&text)
                && let Some(e) = events.iter().find(|e| {
                    // Other lab BMCs' events may arrive too; we injected into lab-01.
                    e.server_name == "lab-01" && e.description.contains("Correctable ECC")
                })
            {
                return e.clone();
            }
        }
        panic!("websocket closed");
    })
    .await
    .expect("no NewEvents with the ECC event on the websocket");
    assert_eq!(pushed.server_name, "lab-01");
    // Within one more poll interval (+1 s) the database holds exactly what ipmitool lists.
    let after = elist_lines(&lab.ipmitool(1, &["sel", "elist"]));
    let until = tokio::time::Instant::now() + Duration::from_secs(6);
    let mut stored = sel_count(ids[0]).await;
    while stored != after as u64 && tokio::time::Instant::now() < until {
        tokio::time::sleep(Duration::from_millis(200)).await;
        stored = sel_count(ids[0]).await;
    }
    assert_eq!(
        stored, after as u64,
        "stored events vs ipmitool sel elist lines"
    );

    // SEL cleared on the BMC: old events stay, new ones are still collected.
    lab.ipmitool(1, &["sel", "clear"]);
    tokio::time::sleep(Duration::from_secs(1)).await;
    lab.fleet(&["inject", "1", "intrusion"]);
    let new_on_bmc = elist_lines(&lab.ipmitool(1, &["sel", "elist"]));
    wait_for(
        "events after the clear",
        Duration::from_secs(15),
        || async { sel_count(ids[0]).await == (after + new_on_bmc) as u64 },
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_crashed_bmc_goes_down_alone_and_recovers_on_sqlite() {
    a_crashed_bmc_goes_down_alone_and_recovers(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_crashed_bmc_goes_down_alone_and_recovers_on_postgres() {
    a_crashed_bmc_goes_down_alone_and_recovers(Backend::Postgres).await;
}

async fn a_crashed_bmc_goes_down_alone_and_recovers(backend: Backend) {
    let lab = Lab::start(2);
    let env = backend.env("crashed", fast_collector()).await;
    let server = TestServer::start_with_env(env).await;
    let ids = add_lab_servers(&server, &lab).await;
    for &id in &ids {
        wait_for("first poll", Duration::from_secs(30), || async {
            status_of(&server, id)
                .await
                .is_some_and(|s| s.bmc_reachable == Some(true) && s.last_poll_at.is_some())
        })
        .await;
    }
    let mut socket = server.ws_connect().await;

    lab.fleet(&["crash", "2"]);
    let down = tokio::time::timeout(Duration::from_secs(12), async {
        while let Some(Ok(frame)) = socket.next().await {
            let Ok(text) = frame.into_text() else {
                continue;
            };
            if let Ok(LiveMessage::ServerUpdated { server }) = serde_json::from_str(&text)
                && server.id.0 == ids[1]
                && server.state == ServerState::BmcDown
            {
                return;
            }
        }
    })
    .await;
    assert!(down.is_ok(), "no BMC-down update for the crashed BMC");

    let (_, metrics) = server.get_text("/metrics").await;
    assert!(
        metrics.contains("ipmi_up{server=\"lab-02\"} 0\n"),
        "{metrics}"
    );
    assert!(
        metrics.contains("ipmi_up{server=\"lab-01\"} 1\n"),
        "{metrics}"
    );

    // The healthy BMC keeps its schedule meanwhile.
    let polled = status_of(&server, ids[0])
        .await
        .unwrap()
        .last_poll_at
        .unwrap();
    wait_for(
        "the healthy BMC polled again",
        Duration::from_secs(8),
        || async {
            status_of(&server, ids[0])
                .await
                .unwrap()
                .last_poll_at
                .unwrap()
                > polled
        },
    )
    .await;

    lab.fleet(&["restart", "2"]);
    // The connectivity check sees it within one interval (5 s) plus two ping timeouts, however
    // far the failing polls have backed off.
    wait_for(
        "recovery after restart",
        Duration::from_secs(5 + 4 + 2),
        || async { status_of(&server, ids[1]).await.unwrap().bmc_reachable == Some(true) },
    )
    .await;

    // Both changes are on record as synthetic events, for the crashed BMC only.
    let synthetic = sel_event::Entity::find()
        .filter(sel_event::Column::Source.eq("synthetic"))
        .all(&server.state.db)
        .await
        .unwrap();
    let texts: Vec<(i64, String, String)> = synthetic
        .iter()
        .map(|e| (e.server_id, e.severity.clone(), e.description.clone()))
        .collect();
    assert!(
        texts.iter().all(|(id, _, _)| *id == ids[1]),
        "only lab-02 changed: {texts:?}"
    );
    assert!(
        texts
            .iter()
            .any(|(_, sev, d)| sev == "critical" && d.starts_with("BMC unreachable")),
        "{texts:?}"
    );
    assert!(
        texts
            .iter()
            .any(|(_, sev, d)| sev == "info" && d == "BMC reachable again"),
        "{texts:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_watching_client_gets_its_servers_sensors_and_no_others() {
    use futures_util::SinkExt;
    use tokio_tungstenite::tungstenite::Message;

    let lab = Lab::start(2);
    let server = TestServer::start_with_env(fast_collector()).await;
    let ids = add_lab_servers(&server, &lab).await;
    let mut socket = server.ws_connect().await;
    let watch = serde_json::json!({ "type": "watch", "servers": [ids[0]] });
    socket
        .send(Message::Text(watch.to_string().into()))
        .await
        .unwrap();
    let mut updated = Vec::new();
    let until = tokio::time::Instant::now() + Duration::from_secs(20);
    // Two polls of the watched server: enough time for the other one's to arrive too.
    while updated.iter().filter(|id| **id == ids[0]).count() < 2
        && tokio::time::Instant::now() < until
    {
        let Ok(Some(Ok(frame))) = tokio::time::timeout(Duration::from_secs(6), socket.next()).await
        else {
            continue;
        };
        let Ok(text) = frame.into_text() else {
            continue;
        };
        if let Ok(LiveMessage::SensorsUpdated { server_id, sensors }) = serde_json::from_str(&text)
        {
            assert!(sensors.iter().any(|s| s.name == "CPU1 Temp"), "{sensors:?}");
            updated.push(server_id.0);
        }
    }
    assert!(
        updated.iter().filter(|id| **id == ids[0]).count() >= 2,
        "the watched server's sensors came with each poll: {updated:?}"
    );
    assert!(
        !updated.contains(&ids[1]),
        "an unwatched server's did not: {updated:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn twenty_bmcs_are_stored_as_ipmitool_sees_them_on_sqlite() {
    twenty_bmcs_are_stored_as_ipmitool_sees_them(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn twenty_bmcs_are_stored_as_ipmitool_sees_them_on_postgres() {
    twenty_bmcs_are_stored_as_ipmitool_sees_them(Backend::Postgres).await;
}

/// Twenty simulated BMCs collected by a running server: every server's sensors are the ones
/// `ipmitool sensor` lists and its stored events are exactly the lines of `ipmitool sel elist`.
async fn twenty_bmcs_are_stored_as_ipmitool_sees_them(backend: Backend) {
    let lab = Lab::start(20);
    let env = backend.env("lab20", fast_collector()).await;
    let server = TestServer::start_with_env(env).await;
    let ids = add_lab_servers(&server, &lab).await;
    for &id in &ids {
        wait_for(
            "a first poll of all 20",
            Duration::from_secs(60),
            || async {
                status_of(&server, id)
                    .await
                    .is_some_and(|s| s.last_poll_at.is_some() && s.bmc_reachable == Some(true))
            },
        )
        .await;
    }
    for (i, &id) in (1..=lab.n).zip(&ids) {
        assert_eq!(
            stored_sensor_names(&server, id).await,
            ipmitool_sensor_names(&lab, i),
            "sensors of lab BMC {i}"
        );
        let lines = elist_lines(&lab.ipmitool(i, &["sel", "elist"])) as u64;
        let events = sel_event::Entity::find()
            .filter(sel_event::Column::ServerId.eq(id))
            .filter(sel_event::Column::Source.eq("sel"))
            .count(&server.state.db)
            .await
            .unwrap();
        assert_eq!(events, lines, "SEL of lab BMC {i}");
    }
}
