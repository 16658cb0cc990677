//! Everything needed to talk to one server's BMC, resolved from the database: address,
//! decrypted login, preferred cipher suite and privilege, SEL cursor, whether the inventory
//! is due. Shared by the scheduled poll and by operator actions.

use std::str::FromStr;

use app::entities::{server, server_inventory, server_status};
use app::ssr::secrets::SecretBox;
use engine::client::{Credentials, SelCursor};
use engine::session::PrivilegeLevel;
use sea_orm::{DatabaseConnection, EntityTrait};

use super::credentials::credentials_for;
use super::poll::PollTarget;

/// The hardware inventory is read again after this many hours (and at the first poll).
const INVENTORY_HOURS: i64 = 24;

/// Resolves address, credentials, preferred suite and SEL cursor of one server.
pub async fn poll_target(
    db: &DatabaseConnection,
    secrets: &SecretBox,
    row: server::Model,
) -> Result<PollTarget, String> {
    let credentials = credentials_for(db, secrets, row.id)
        .await
        .map_err(|e| e.to_string())?;
    target_with(db, row, credentials).await
}

/// The same, with a login that is not (or not yet) stored: a login test before saving.
pub async fn target_with(
    db: &DatabaseConnection,
    row: server::Model,
    credentials: Credentials,
) -> Result<PollTarget, String> {
    let status = server_status::Entity::find_by_id(row.id)
        .one(db)
        .await
        .map_err(|e| e.to_string())?;
    let sel_cursor = status
        .as_ref()
        .and_then(|s| s.sel_cursor.as_deref())
        .and_then(|c| serde_json::from_str::<SelCursor>(c).ok())
        .unwrap_or_default();
    let learned_suite = status.as_ref().and_then(|s| s.cipher_suite);
    let inventory_at = server_inventory::Entity::find_by_id(row.id)
        .one(db)
        .await
        .map_err(|e| e.to_string())?
        .map(|i| i.collected_at);
    let inventory_due = inventory_at.is_none_or(|at| {
        chrono::Utc::now().signed_duration_since(at) > chrono::Duration::hours(INVENTORY_HOURS)
    });
    let cipher_suite = row
        .cipher_suite
        .or(learned_suite)
        .and_then(|s| u8::try_from(s).ok());
    Ok(PollTarget {
        server_id: row.id,
        bmc: bmc_target(&row.bmc_address, row.bmc_port),
        os_address: row.os_address.filter(|a| !a.trim().is_empty()),
        credentials,
        cipher_suite,
        privilege: PrivilegeLevel::from_str(&row.privilege)
            .unwrap_or(PrivilegeLevel::Administrator),
        sel_cursor,
        inventory_due,
        name: row.name,
    })
}

/// `host:port`, with brackets around a bare IPv6 address.
pub(crate) fn bmc_target(address: &str, port: i32) -> String {
    let address = address.trim();
    if address.contains(':') && !address.starts_with('[') {
        format!("[{address}]:{port}")
    } else {
        format!("{address}:{port}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipv6_targets_get_brackets() {
        assert_eq!(bmc_target("10.1.2.3", 623), "10.1.2.3:623");
        assert_eq!(bmc_target("::1", 20623), "[::1]:20623");
        assert_eq!(bmc_target("[::1]", 623), "[::1]:623");
        assert_eq!(bmc_target("bmc-7.example", 623), "bmc-7.example:623");
    }
}
