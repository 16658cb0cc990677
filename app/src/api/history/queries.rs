//! Reading stored series: raw points for short spans, hourly rows for long ones.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};

use crate::entities::{power_reading, power_reading_hourly, sensor_reading, sensor_reading_hourly};
use crate::types::{History, HistoryPoint, Resolution};

/// Most points one history holds.
pub const MAX_POINTS: u64 = 20_000;
/// `auto` uses raw points for spans up to this long, hourly rows beyond.
const AUTO_RAW_LIMIT: Duration = Duration::hours(48);

/// The stored resolution that serves `from..to` best (`None` = choose).
pub fn pick_resolution(
    wanted: Option<Resolution>,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Resolution {
    wanted.unwrap_or(if to - from <= AUTO_RAW_LIMIT {
        Resolution::Raw
    } else {
        Resolution::Hourly
    })
}

fn point(at: DateTime<Utc>, value: f64, range: Option<(f64, f64)>) -> HistoryPoint {
    HistoryPoint {
        at: at.to_rfc3339(),
        unix_seconds: at.timestamp(),
        value,
        min: range.map(|r| r.0),
        max: range.map(|r| r.1),
    }
}

fn history(
    id: i64,
    resolution: Resolution,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    points: Vec<HistoryPoint>,
) -> History {
    History {
        id,
        resolution,
        from: from.to_rfc3339(),
        to: to.to_rfc3339(),
        points,
    }
}

/// The rows of `E` whose `owner` column is `id` and whose `time` column is in `from..to`,
/// oldest first, at most [`MAX_POINTS`]: one shape serves raw and hourly, sensors and power.
async fn rows_in<E: EntityTrait>(
    db: &DatabaseConnection,
    (owner, id): (E::Column, i64),
    time: E::Column,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<E::Model>, DbErr> {
    E::find()
        .filter(owner.eq(id))
        .filter(time.gte(from))
        .filter(time.lt(to))
        .order_by_asc(time)
        .limit(MAX_POINTS)
        .all(db)
        .await
}

/// One sensor's readings in `from..to`.
pub async fn sensor_history(
    db: &DatabaseConnection,
    sensor_id: i64,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    resolution: Resolution,
) -> Result<History, DbErr> {
    use sensor_reading::Column as Raw;
    use sensor_reading_hourly::Column as Hourly;
    let points = match resolution {
        Resolution::Raw => {
            rows_in::<sensor_reading::Entity>(db, (Raw::SensorId, sensor_id), Raw::At, from, to)
                .await?
                .into_iter()
                .map(|p| point(p.at, p.value, None))
                .collect()
        }
        Resolution::Hourly => rows_in::<sensor_reading_hourly::Entity>(
            db,
            (Hourly::SensorId, sensor_id),
            Hourly::Hour,
            from,
            to,
        )
        .await?
        .into_iter()
        .map(|h| point(h.hour, h.avg, Some((h.min, h.max))))
        .collect(),
    };
    Ok(history(sensor_id, resolution, from, to, points))
}

/// A server's power draw in `from..to`.
pub async fn power_history(
    db: &DatabaseConnection,
    server_id: i64,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    resolution: Resolution,
) -> Result<History, DbErr> {
    use power_reading::Column as Raw;
    use power_reading_hourly::Column as Hourly;
    let points = match resolution {
        Resolution::Raw => {
            rows_in::<power_reading::Entity>(db, (Raw::ServerId, server_id), Raw::At, from, to)
                .await?
                .into_iter()
                .map(|p| point(p.at, p.watts, None))
                .collect()
        }
        Resolution::Hourly => rows_in::<power_reading_hourly::Entity>(
            db,
            (Hourly::ServerId, server_id),
            Hourly::Hour,
            from,
            to,
        )
        .await?
        .into_iter()
        .map(|h| point(h.hour, h.avg, Some((h.min, h.max))))
        .collect(),
    };
    Ok(history(server_id, resolution, from, to, points))
}

/// The last hour of raw readings of every sensor of a server, for the sparklines: values in
/// time order per sensor id.
pub async fn sensor_sparklines(
    db: &DatabaseConnection,
    server_id: i64,
) -> Result<Vec<(i64, Vec<f64>)>, DbErr> {
    use crate::entities::sensor;
    let since = Utc::now() - Duration::hours(1);
    let ids: Vec<i64> = sensor::Entity::find()
        .filter(sensor::Column::ServerId.eq(server_id))
        .select_only()
        .column(sensor::Column::Id)
        .into_tuple()
        .all(db)
        .await?;
    let rows = sensor_reading::Entity::find()
        .filter(sensor_reading::Column::SensorId.is_in(ids))
        .filter(sensor_reading::Column::At.gte(since))
        .order_by_asc(sensor_reading::Column::SensorId)
        .order_by_asc(sensor_reading::Column::At)
        .limit(MAX_POINTS)
        .all(db)
        .await?;
    let mut lines: Vec<(i64, Vec<f64>)> = Vec::new();
    for row in rows {
        match lines.last_mut() {
            Some((id, values)) if *id == row.sensor_id => values.push(row.value),
            _ => lines.push((row.sensor_id, vec![row.value])),
        }
    }
    Ok(lines)
}
