//! Queries on `user_sessions`: a login creates a row, every request looks one up by the
//! cookie's hash, logout and password changes delete rows.

use std::time::Duration;

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set,
};

use super::{Principal, token, users};
use crate::entities::{user, user_session};
use crate::types::UserId;

/// Starts a session for `user_id`; returns the cookie token (only its hash is stored).
pub async fn create(
    db: &impl ConnectionTrait,
    user_id: UserId,
    lifetime: Duration,
) -> Result<String, DbErr> {
    let secret = token::generate("");
    let now = Utc::now();
    let lifetime = chrono::Duration::from_std(lifetime).unwrap_or(chrono::Duration::hours(12));
    user_session::ActiveModel {
        token_hash: Set(token::hash(&secret)),
        user_id: Set(user_id.0),
        created_at: Set(now),
        expires_at: Set(now + lifetime),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(secret)
}

/// The signed-in user behind a cookie token, if the session exists and has not expired.
pub async fn resolve(db: &impl ConnectionTrait, secret: &str) -> Result<Option<Principal>, DbErr> {
    let found = user_session::Entity::find()
        .filter(user_session::Column::TokenHash.eq(token::hash(secret)))
        .find_also_related(user::Entity)
        .one(db)
        .await?;
    let Some((session, Some(user))) = found else {
        return Ok(None);
    };
    if session.expires_at <= Utc::now() {
        user_session::Entity::delete_by_id(session.id)
            .exec(db)
            .await?;
        return Ok(None);
    }
    Ok(Some(Principal::User {
        id: UserId(user.id),
        role: users::role_of(&user),
        name: user.username,
        session_id: session.id,
    }))
}

pub async fn delete(db: &impl ConnectionTrait, session_id: i64) -> Result<(), DbErr> {
    user_session::Entity::delete_by_id(session_id)
        .exec(db)
        .await
        .map(drop)
}

/// Signs a user out everywhere except `keep` (after a password change or reset).
pub async fn delete_for_user(
    db: &impl ConnectionTrait,
    user_id: UserId,
    keep: Option<i64>,
) -> Result<(), DbErr> {
    let mut query =
        user_session::Entity::delete_many().filter(user_session::Column::UserId.eq(user_id.0));
    if let Some(keep) = keep {
        query = query.filter(user_session::Column::Id.ne(keep));
    }
    query.exec(db).await.map(drop)
}

/// Removes sessions expired at `now` (run from the retention job).
pub async fn purge_expired(
    db: &impl ConnectionTrait,
    now: chrono::DateTime<Utc>,
) -> Result<u64, DbErr> {
    user_session::Entity::delete_many()
        .filter(user_session::Column::ExpiresAt.lte(now))
        .exec(db)
        .await
        .map(|r| r.rows_affected)
}
