use leptos::prelude::*;

use crate::types::AppError;

/// Ends this browser's session and goes to the login page.
#[server(endpoint = "logout")]
pub async fn logout() -> Result<(), AppError> {
    use crate::ssr::auth::audit::{self, AuditRecord, Outcome};
    use crate::ssr::auth::{self, Principal, signin};

    let ctx = crate::ssr::app_context()?;
    let principal = auth::current_principal();
    let session_id = match &principal {
        Principal::User { session_id, .. } => Some(*session_id),
        _ => None,
    };
    signin::end_session(&ctx.db, &ctx.auth, session_id).await?;
    if session_id.is_some() {
        audit::record(
            &ctx.db,
            AuditRecord {
                actor: principal.actor(),
                action: "auth.logout",
                target: None,
                outcome: Outcome::Ok,
                detail: None,
                client: Some(auth::client_addr()),
            },
        )
        .await;
    }
    if signin::is_plain_form_post() {
        crate::ssr::redirect("/login");
    }
    Ok(())
}
