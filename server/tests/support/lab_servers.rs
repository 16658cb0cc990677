//! Lab BMCs as servers of a test server: add them, wait for polls, compare with ipmitool.

use std::time::Duration;

use app::entities::{bmc_credential, sensor, server as server_entity, server_status};
use chrono::Utc;
use labkit::Lab;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};

use super::TestServer;

/// Poll and ping every 5 s (the minimum) and give up on a BMC after 3 s.
pub fn fast_collector() -> Vec<(String, String)> {
    vec![
        ("IPMI_MONITOR_POLL_INTERVAL".to_owned(), "5".to_owned()),
        (
            "IPMI_MONITOR_CONNECTIVITY_INTERVAL".to_owned(),
            "5".to_owned(),
        ),
        ("IPMI_MONITOR_BMC_DEADLINE".to_owned(), "3".to_owned()),
    ]
}

pub async fn add_lab_servers(server: &TestServer, lab: &Lab) -> Vec<i64> {
    let now = Utc::now();
    bmc_credential::ActiveModel {
        server_id: Set(None),
        username: Set(labkit::USER.to_owned()),
        password_enc: Set(server.state.secrets.encrypt(labkit::PASSWORD)),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&server.state.db)
    .await
    .unwrap();
    let mut ids = Vec::new();
    for i in 1..=lab.n {
        let row = server_entity::ActiveModel {
            name: Set(format!("lab-{i:02}")),
            bmc_address: Set("127.0.0.1".to_owned()),
            bmc_port: Set(i32::from(lab.port(i))),
            protocol: Set("ipmi".to_owned()),
            cipher_suite: Set(Some(3)),
            privilege: Set("administrator".to_owned()),
            tags: Set("lab".to_owned()),
            notes: Set(String::new()),
            enabled: Set(true),
            lifecycle: Set("active".to_owned()),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        };
        ids.push(row.insert(&server.state.db).await.unwrap().id);
    }
    ids
}

pub async fn wait_for<F, Fut>(what: &str, timeout: Duration, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let until = tokio::time::Instant::now() + timeout;
    while tokio::time::Instant::now() < until {
        if check().await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    panic!("timed out after {timeout:?} waiting for {what}");
}

pub async fn status_of(server: &TestServer, id: i64) -> Option<server_status::Model> {
    server_status::Entity::find_by_id(id)
        .one(&server.state.db)
        .await
        .unwrap()
}

pub fn elist_lines(text: &str) -> usize {
    text.lines().filter(|l| !l.trim().is_empty()).count()
}

/// The sensor names `ipmitool sensor` lists for lab BMC `i`, sorted.
pub fn ipmitool_sensor_names(lab: &Lab, i: u32) -> Vec<String> {
    let mut names: Vec<String> = lab
        .ipmitool(i, &["sensor"])
        .lines()
        .filter_map(|l| l.split('|').next().map(|n| n.trim().to_owned()))
        .filter(|n| !n.is_empty())
        .collect();
    names.sort();
    names
}

/// The sensor names stored for server `id`, sorted.
pub async fn stored_sensor_names(server: &TestServer, id: i64) -> Vec<String> {
    let mut names: Vec<String> = sensor::Entity::find()
        .filter(sensor::Column::ServerId.eq(id))
        .all(&server.state.db)
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.name)
        .collect();
    names.sort();
    names
}
