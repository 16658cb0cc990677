//! Queries on `api_tokens`.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set,
};

use super::{Principal, token};
use crate::entities::api_token;
use crate::types::{ApiTokenId, ApiTokenSummary, CreatedApiToken, Role};

/// Why a bearer token was not accepted (the response says only "invalid token").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenRejected {
    Unknown,
    Expired,
    Revoked,
}

pub async fn create(
    db: &impl ConnectionTrait,
    name: &str,
    role: Role,
    created_by: &str,
    expires_at: Option<DateTime<Utc>>,
) -> Result<CreatedApiToken, DbErr> {
    let secret = token::generate(token::API_TOKEN_PREFIX);
    let row = api_token::ActiveModel {
        name: Set(name.to_owned()),
        token_hash: Set(token::hash(&secret)),
        role: Set(role.as_str().to_owned()),
        created_by: Set(created_by.to_owned()),
        created_at: Set(Utc::now()),
        expires_at: Set(expires_at),
        revoked_at: Set(None),
        last_used_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(CreatedApiToken {
        summary: summary(row),
        token: secret,
    })
}

/// The principal of a bearer token, or why it is refused. Records when it was last used
/// (at most once a minute, so a busy script does not write on every request).
pub async fn resolve(
    db: &impl ConnectionTrait,
    secret: &str,
) -> Result<Result<Principal, TokenRejected>, DbErr> {
    let Some(row) = api_token::Entity::find()
        .filter(api_token::Column::TokenHash.eq(token::hash(secret)))
        .one(db)
        .await?
    else {
        return Ok(Err(TokenRejected::Unknown));
    };
    let now = Utc::now();
    if row.revoked_at.is_some() {
        return Ok(Err(TokenRejected::Revoked));
    }
    if row.expires_at.is_some_and(|t| t <= now) {
        return Ok(Err(TokenRejected::Expired));
    }
    if row
        .last_used_at
        .is_none_or(|t| now.signed_duration_since(t) > chrono::Duration::minutes(1))
    {
        api_token::ActiveModel {
            id: Set(row.id),
            last_used_at: Set(Some(now)),
            ..Default::default()
        }
        .update(db)
        .await?;
    }
    Ok(Ok(Principal::Token {
        id: ApiTokenId(row.id),
        role: Role::parse(&row.role).unwrap_or(Role::Viewer),
        name: row.name,
    }))
}

pub async fn list(db: &impl ConnectionTrait) -> Result<Vec<ApiTokenSummary>, DbErr> {
    let rows = api_token::Entity::find()
        .order_by_desc(api_token::Column::CreatedAt)
        .all(db)
        .await?;
    Ok(rows.into_iter().map(summary).collect())
}

/// Revokes a token; its name, or `None` when there is no such token.
pub async fn revoke(db: &impl ConnectionTrait, id: ApiTokenId) -> Result<Option<String>, DbErr> {
    let Some(row) = api_token::Entity::find_by_id(id.0).one(db).await? else {
        return Ok(None);
    };
    let name = row.name.clone();
    if row.revoked_at.is_none() {
        api_token::ActiveModel {
            id: Set(row.id),
            revoked_at: Set(Some(Utc::now())),
            ..Default::default()
        }
        .update(db)
        .await?;
    }
    Ok(Some(name))
}

fn summary(row: api_token::Model) -> ApiTokenSummary {
    ApiTokenSummary {
        id: ApiTokenId(row.id),
        role: Role::parse(&row.role).unwrap_or(Role::Viewer),
        name: row.name,
        created_by: row.created_by,
        created_at: row.created_at.to_rfc3339(),
        expires_at: row.expires_at.map(|t| t.to_rfc3339()),
        revoked_at: row.revoked_at.map(|t| t.to_rfc3339()),
        last_used_at: row.last_used_at.map(|t| t.to_rfc3339()),
    }
}
