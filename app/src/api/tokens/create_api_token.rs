use leptos::prelude::*;

use crate::types::{AppError, CreatedApiToken};

/// Creates a named token with a role and an optional lifetime in days. The reply is the only
/// time the token's value is shown. Admins only.
#[server(endpoint = "create_api_token")]
pub async fn create_api_token(
    name: String,
    role: String,
    expires_in_days: Option<u32>,
) -> Result<CreatedApiToken, AppError> {
    use crate::ssr::auth::audit::{self, AuditRecord, Outcome};
    use crate::ssr::auth::{self, api_tokens};
    use crate::ssr::db_error;
    use crate::types::{MAX_TOKEN_DAYS, Role};

    let principal = auth::require(Role::Admin)?;
    let ctx = crate::ssr::app_context()?;
    let name = name.trim().to_owned();
    if name.is_empty() || name.chars().count() > 64 {
        return Err(auth::invalid("name", "name must be 1 to 64 characters"));
    }
    let role = Role::parse(&role)
        .ok_or_else(|| auth::invalid("role", "role must be viewer, operator or admin"))?;
    let expires_at = match expires_in_days {
        None | Some(0) => None,
        Some(days) if days <= MAX_TOKEN_DAYS => {
            Some(chrono::Utc::now() + chrono::Duration::days(i64::from(days)))
        }
        Some(_) => {
            return Err(auth::invalid(
                "expires_in_days",
                format!("at most {MAX_TOKEN_DAYS} days"),
            ));
        }
    };
    let created = api_tokens::create(&ctx.db, &name, role, &principal.actor(), expires_at)
        .await
        .map_err(db_error)?;
    audit::record(
        &ctx.db,
        AuditRecord {
            actor: principal.actor(),
            action: "token.create",
            target: Some(format!("token:{name}")),
            outcome: Outcome::Ok,
            detail: Some(match &created.summary.expires_at {
                Some(at) => format!("role {role}, expires {at}"),
                None => format!("role {role}, no expiry"),
            }),
            client: Some(auth::client_addr()),
        },
    )
    .await;
    Ok(created)
}
