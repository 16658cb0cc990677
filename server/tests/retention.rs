//! The retention job on SQLite and on a real PostgreSQL: completed hours are rolled up into
//! min/avg/max, raw points past their retention are deleted (only once rolled up), old hourly
//! rows and expired sessions go, and a second round changes nothing.

mod support;

use std::time::Duration;

use app::entities::{
    power_reading, power_reading_hourly, sensor, sensor_reading, sensor_reading_hourly,
    server as server_entity, user_session,
};
use chrono::{DateTime, TimeZone, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set,
};
use server::retention::{RetentionJob, RetentionSettings};
use tokio_util::sync::CancellationToken;

/// A fixed "now" in the middle of an hour, so nothing depends on the wall clock.
fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 4, 10, 30, 0).unwrap()
}

fn hours_ago(h: i64, minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 4, 10, minute, 0).unwrap() - chrono::Duration::hours(h)
}

async fn seed(db: &DatabaseConnection) -> (i64, i64) {
    let t = now();
    let server_id = server_entity::ActiveModel {
        name: Set("retained".to_owned()),
        bmc_address: Set("127.0.0.1".to_owned()),
        bmc_port: Set(623),
        protocol: Set("ipmi".to_owned()),
        privilege: Set("administrator".to_owned()),
        tags: Set(String::new()),
        notes: Set(String::new()),
        enabled: Set(true),
        lifecycle: Set("active".to_owned()),
        created_at: Set(t),
        updated_at: Set(t),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap()
    .id;
    let sensor_id = sensor::ActiveModel {
        server_id: Set(server_id),
        name: Set("CPU1 Temp".to_owned()),
        number: Set(1),
        lun: Set(0),
        sensor_type: Set("temperature".to_owned()),
        kind: Set("threshold".to_owned()),
        status: Set("ok".to_owned()),
        value: Set(Some(40.0)),
        updated_at: Set(t),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap()
    .id;
    let points = [
        (hours_ago(50, 5), 5.0),
        (hours_ago(3, 1), 10.0),
        (hours_ago(3, 59), 20.0),
        (hours_ago(2, 0), 30.0),
        (hours_ago(0, 10), 40.0),
    ];
    for (at, value) in points {
        sensor_reading::ActiveModel {
            sensor_id: Set(sensor_id),
            at: Set(at),
            value: Set(value),
            ..Default::default()
        }
        .insert(db)
        .await
        .unwrap();
    }
    for (at, watts) in [(hours_ago(3, 5), 100.0), (hours_ago(3, 35), 200.0)] {
        power_reading::ActiveModel {
            server_id: Set(server_id),
            at: Set(at),
            watts: Set(watts),
            ..Default::default()
        }
        .insert(db)
        .await
        .unwrap();
    }
    (server_id, sensor_id)
}

fn job(db: &DatabaseConnection) -> RetentionJob {
    RetentionJob {
        db: db.clone(),
        settings: RetentionSettings {
            raw: Duration::from_secs(48 * 3600),
            hourly: Duration::from_secs(400 * 86_400),
            interval: Duration::from_secs(600),
        },
        shutdown: CancellationToken::new(),
    }
}

async fn exercise(db: &DatabaseConnection) {
    let (server_id, sensor_id) = seed(db).await;
    let report = job(db).round(now()).await.unwrap();
    // Sensor hours -50, -3 and -2; the power hour -3. The current hour is not complete.
    assert_eq!(report.hours_rolled_up, 4, "{report:?}");
    assert_eq!(
        report.raw_deleted, 1,
        "only the 50-hour-old point: {report:?}"
    );

    let hourly = sensor_reading_hourly::Entity::find()
        .filter(sensor_reading_hourly::Column::SensorId.eq(sensor_id))
        .order_by_asc(sensor_reading_hourly::Column::Hour)
        .all(db)
        .await
        .unwrap();
    let hours: Vec<DateTime<Utc>> = hourly.iter().map(|h| h.hour).collect();
    assert_eq!(
        hours,
        [
            Utc.with_ymd_and_hms(2026, 12, 2, 8, 0, 0).unwrap(),
            Utc.with_ymd_and_hms(2026, 12, 4, 7, 0, 0).unwrap(),
            Utc.with_ymd_and_hms(2026, 12, 4, 8, 0, 0).unwrap(),
        ]
    );
    let three = &hourly[1];
    assert_eq!(
        (three.min, three.avg, three.max, three.samples),
        (10.0, 15.0, 20.0, 2)
    );
    assert_eq!(sensor_reading::Entity::find().count(db).await.unwrap(), 4);

    let power = power_reading_hourly::Entity::find()
        .filter(power_reading_hourly::Column::ServerId.eq(server_id))
        .all(db)
        .await
        .unwrap();
    assert_eq!(power.len(), 1);
    assert_eq!(
        (power[0].min, power[0].avg, power[0].max),
        (100.0, 150.0, 200.0)
    );

    // Nothing new: a second round does nothing and duplicates nothing.
    let again = job(db).round(now()).await.unwrap();
    assert_eq!(again.hours_rolled_up, 0, "{again:?}");
    assert_eq!(
        sensor_reading_hourly::Entity::find()
            .count(db)
            .await
            .unwrap(),
        3
    );

    // An hour later the 10:xx point's hour is complete; 401 days on, hourly rows go too.
    let later = now() + chrono::Duration::hours(1);
    assert_eq!(job(db).round(later).await.unwrap().hours_rolled_up, 1);
    let far = now() + chrono::Duration::days(401);
    let report = job(db).round(far).await.unwrap();
    assert_eq!(report.hourly_deleted, 4 + 1, "{report:?}");
    assert_eq!(sensor_reading::Entity::find().count(db).await.unwrap(), 0);
    assert_eq!(power_reading::Entity::find().count(db).await.unwrap(), 0);

    // Expired sessions are removed.
    let hash = app::ssr::auth::password::hash_blocking("retention user pw").unwrap();
    let user = app::ssr::auth::users::insert(db, "ret", hash, app::types::Role::Viewer)
        .await
        .unwrap();
    user_session::ActiveModel {
        token_hash: Set("deadbeef".to_owned()),
        user_id: Set(user.id),
        created_at: Set(now()),
        expires_at: Set(now() + chrono::Duration::hours(1)),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
    assert_eq!(job(db).round(now()).await.unwrap().sessions_deleted, 0);
    assert_eq!(
        job(db)
            .round(later + chrono::Duration::minutes(1))
            .await
            .unwrap()
            .sessions_deleted,
        1
    );
}

#[tokio::test]
async fn retention_on_sqlite() {
    let server = support::TestServer::start().await;
    exercise(&server.state.db).await;
}

#[tokio::test]
async fn retention_on_postgres() {
    let url = support::fresh_database("retention").await;
    let config =
        server::config::Config::load(None, vec![("DATABASE_URL".to_owned(), url)]).unwrap();
    let db = server::db::open(&config).await.unwrap();
    exercise(&db).await;
}
