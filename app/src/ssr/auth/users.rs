//! Queries on `users`. Passwords arrive here already hashed.

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, Set,
};

use crate::entities::user;
use crate::types::{Role, UserId, UserSummary};

/// Longest user name we accept.
pub const MAX_USERNAME_LEN: usize = 64;

/// Why a user name is refused, as a sentence for the form.
pub fn validate_username(name: &str) -> Result<(), String> {
    if name.is_empty() {
        return Err("user name is required".to_owned());
    }
    if name.chars().count() > MAX_USERNAME_LEN {
        return Err(format!(
            "user name must be at most {MAX_USERNAME_LEN} characters"
        ));
    }
    if let Some(bad) = name
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '@')))
    {
        return Err(format!(
            "user name may hold only letters, digits and . _ - @ (not {bad:?})"
        ));
    }
    Ok(())
}

pub async fn count(db: &impl ConnectionTrait) -> Result<u64, DbErr> {
    user::Entity::find().count(db).await
}

pub async fn find_by_name(
    db: &impl ConnectionTrait,
    name: &str,
) -> Result<Option<user::Model>, DbErr> {
    user::Entity::find()
        .filter(user::Column::Username.eq(name))
        .one(db)
        .await
}

pub async fn find(db: &impl ConnectionTrait, id: UserId) -> Result<Option<user::Model>, DbErr> {
    user::Entity::find_by_id(id.0).one(db).await
}

pub async fn insert(
    db: &impl ConnectionTrait,
    username: &str,
    password_hash: String,
    role: Role,
) -> Result<user::Model, DbErr> {
    let now = Utc::now();
    user::ActiveModel {
        username: Set(username.to_owned()),
        password_hash: Set(password_hash),
        role: Set(role.as_str().to_owned()),
        created_at: Set(now),
        updated_at: Set(now),
        last_login_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await
}

pub async fn set_password(
    db: &impl ConnectionTrait,
    id: UserId,
    password_hash: String,
) -> Result<(), DbErr> {
    user::ActiveModel {
        id: Set(id.0),
        password_hash: Set(password_hash),
        updated_at: Set(Utc::now()),
        ..Default::default()
    }
    .update(db)
    .await
    .map(drop)
}

pub async fn set_role(db: &impl ConnectionTrait, id: UserId, role: Role) -> Result<(), DbErr> {
    user::ActiveModel {
        id: Set(id.0),
        role: Set(role.as_str().to_owned()),
        updated_at: Set(Utc::now()),
        ..Default::default()
    }
    .update(db)
    .await
    .map(drop)
}

pub async fn touch_login(db: &impl ConnectionTrait, id: UserId) -> Result<(), DbErr> {
    user::ActiveModel {
        id: Set(id.0),
        last_login_at: Set(Some(Utc::now())),
        ..Default::default()
    }
    .update(db)
    .await
    .map(drop)
}

pub async fn delete(db: &impl ConnectionTrait, id: UserId) -> Result<(), DbErr> {
    user::Entity::delete_by_id(id.0).exec(db).await.map(drop)
}

/// How many users hold the admin role (the last one may be neither removed nor demoted).
pub async fn admin_count(db: &impl ConnectionTrait) -> Result<u64, DbErr> {
    user::Entity::find()
        .filter(user::Column::Role.eq(Role::Admin.as_str()))
        .count(db)
        .await
}

pub async fn list(db: &impl ConnectionTrait) -> Result<Vec<UserSummary>, DbErr> {
    let rows = user::Entity::find()
        .order_by_asc(user::Column::Username)
        .all(db)
        .await?;
    Ok(rows.into_iter().map(summary).collect())
}

/// The stored role; an unreadable one is treated as the least powerful.
pub fn role_of(row: &user::Model) -> Role {
    Role::parse(&row.role).unwrap_or(Role::Viewer)
}

pub fn summary(row: user::Model) -> UserSummary {
    UserSummary {
        id: UserId(row.id),
        role: role_of(&row),
        username: row.username,
        created_at: row.created_at.to_rfc3339(),
        last_login_at: row.last_login_at.map(|t| t.to_rfc3339()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_names_are_checked() {
        assert!(validate_username("alice").is_ok());
        assert!(validate_username("ops.team-1@example.com").is_ok());
        assert!(validate_username("").is_err());
        assert!(validate_username("bob smith").unwrap_err().contains("' '"));
        assert!(validate_username(&"a".repeat(65)).is_err());
    }
}
