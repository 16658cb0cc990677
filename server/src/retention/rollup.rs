//! Hourly rollup and deletion for one [`Series`], in portable SQL (SQLite and PostgreSQL):
//! each completed hour is one grouped `SELECT … WHERE at >= h AND at < h+1` and one upsert,
//! so re-running an hour (after a crash) rewrites the same rows instead of doubling them.

use chrono::{DateTime, Duration, DurationRound, Utc};
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Func, OnConflict, Query};
use sea_orm::{ConnectionTrait, DbErr, QueryResult};

use super::Series;

/// Rows deleted per statement, so a big purge never holds the SQLite write lock for long.
const DELETE_BATCH: u64 = 10_000;

/// The start of the hour `t` falls in.
pub fn hour_start(t: DateTime<Utc>) -> DateTime<Utc> {
    t.duration_trunc(Duration::hours(1)).unwrap_or(t)
}

fn col(name: &'static str) -> Alias {
    Alias::new(name)
}

/// Aggregates every completed hour not rolled up yet (up to `max_hours` of them per call, so
/// a first run after a long outage is spread over several rounds). Returns the hours done.
pub async fn roll_up(
    db: &impl ConnectionTrait,
    series: Series,
    now: DateTime<Utc>,
    max_hours: usize,
) -> Result<usize, DbErr> {
    let current = hour_start(now);
    let mut from = newest_hour(db, series)
        .await?
        .map(|done| done + Duration::hours(1));
    let mut done = 0;
    while done < max_hours {
        // Jump over hours without data instead of visiting each of them.
        let Some(next) = oldest_point(db, series, from, current).await? else {
            break;
        };
        let hour = hour_start(next);
        aggregate_hour(db, series, hour).await?;
        done += 1;
        from = Some(hour + Duration::hours(1));
    }
    Ok(done)
}

/// Deletes raw points older than `raw_before` (only hours already rolled up) and hourly rows
/// older than `hourly_before`. Returns (raw, hourly) rows deleted.
pub async fn purge(
    db: &impl ConnectionTrait,
    series: Series,
    raw_before: DateTime<Utc>,
    hourly_before: DateTime<Utc>,
) -> Result<(u64, u64), DbErr> {
    let rolled_until = match newest_hour(db, series).await? {
        Some(hour) => hour + Duration::hours(1),
        None => {
            return Ok((
                0,
                delete_older(db, series.hourly_table, "hour", hourly_before).await?,
            ));
        }
    };
    let raw = delete_older(
        db,
        series.raw_table,
        "at",
        std::cmp::min(raw_before, rolled_until),
    )
    .await?;
    let hourly = delete_older(db, series.hourly_table, "hour", hourly_before).await?;
    Ok((raw, hourly))
}

async fn newest_hour(
    db: &impl ConnectionTrait,
    series: Series,
) -> Result<Option<DateTime<Utc>>, DbErr> {
    let query = Query::select()
        .expr_as(Func::max(Expr::col(col("hour"))), col("t"))
        .from(col(series.hourly_table))
        .to_owned();
    let row = db.query_one(&query).await?;
    time_of(row)
}

async fn oldest_point(
    db: &impl ConnectionTrait,
    series: Series,
    from: Option<DateTime<Utc>>,
    before: DateTime<Utc>,
) -> Result<Option<DateTime<Utc>>, DbErr> {
    let mut query = Query::select()
        .expr_as(Func::min(Expr::col(col("at"))), col("t"))
        .from(col(series.raw_table))
        .and_where(Expr::col(col("at")).lt(before))
        .to_owned();
    if let Some(from) = from {
        query.and_where(Expr::col(col("at")).gte(from));
    }
    let row = db.query_one(&query).await?;
    time_of(row)
}

fn time_of(row: Option<QueryResult>) -> Result<Option<DateTime<Utc>>, DbErr> {
    match row {
        Some(row) => row.try_get::<Option<DateTime<Utc>>>("", "t"),
        None => Ok(None),
    }
}

async fn aggregate_hour(
    db: &impl ConnectionTrait,
    series: Series,
    hour: DateTime<Utc>,
) -> Result<(), DbErr> {
    let value = || Expr::col(col(series.value));
    let select = Query::select()
        .column(col(series.key))
        .expr_as(Func::min(value()), col("min"))
        .expr_as(Func::avg(value()), col("avg"))
        .expr_as(Func::max(value()), col("max"))
        .expr_as(Func::count(value()), col("samples"))
        .from(col(series.raw_table))
        .and_where(Expr::col(col("at")).gte(hour))
        .and_where(Expr::col(col("at")).lt(hour + Duration::hours(1)))
        .group_by_col(col(series.key))
        .to_owned();
    let rows = db.query_all(&select).await?;
    if rows.is_empty() {
        return Ok(());
    }
    let mut insert = Query::insert();
    insert.into_table(col(series.hourly_table)).columns([
        col(series.key),
        col("hour"),
        col("min"),
        col("avg"),
        col("max"),
        col("samples"),
    ]);
    for row in rows {
        let key: i64 = row.try_get("", series.key)?;
        let min: f64 = row.try_get("", "min")?;
        let avg: f64 = row.try_get("", "avg")?;
        let max: f64 = row.try_get("", "max")?;
        let samples: i64 = row.try_get("", "samples")?;
        insert.values_panic([
            key.into(),
            hour.into(),
            min.into(),
            avg.into(),
            max.into(),
            i32::try_from(samples).unwrap_or(i32::MAX).into(),
        ]);
    }
    insert.on_conflict(
        OnConflict::columns([col(series.key), col("hour")])
            .update_columns([col("min"), col("avg"), col("max"), col("samples")])
            .to_owned(),
    );
    db.execute(&insert).await.map(drop)
}

/// `DELETE … WHERE id IN (SELECT id … WHERE column < before LIMIT n)`, repeated until done.
async fn delete_older(
    db: &impl ConnectionTrait,
    table: &'static str,
    column: &'static str,
    before: DateTime<Utc>,
) -> Result<u64, DbErr> {
    let mut total = 0;
    loop {
        let ids = Query::select()
            .column(col("id"))
            .from(col(table))
            .and_where(Expr::col(col(column)).lt(before))
            .limit(DELETE_BATCH)
            .to_owned();
        let delete = Query::delete()
            .from_table(col(table))
            .and_where(Expr::col(col("id")).in_subquery(ids))
            .to_owned();
        let deleted = db.execute(&delete).await?.rows_affected();
        total += deleted;
        if deleted < DELETE_BATCH {
            return Ok(total);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn hours_start_on_the_hour() {
        let t = Utc.with_ymd_and_hms(2026, 12, 4, 5, 59, 59).unwrap();
        assert_eq!(
            hour_start(t),
            Utc.with_ymd_and_hms(2026, 12, 4, 5, 0, 0).unwrap()
        );
        assert_eq!(hour_start(hour_start(t)), hour_start(t));
    }
}
