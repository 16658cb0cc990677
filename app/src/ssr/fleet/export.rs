//! Exporting the fleet as a CSV file that `ipmi-monitor import` and Settings → Servers read
//! back unchanged. Passwords are never exported; a server's own login appears as its user
//! name only, so a re-import keeps the stored password.

use sea_orm::DatabaseConnection;

use super::{FleetError, managed_servers};

const HEADER: [&str; 11] = [
    "name",
    "bmc_address",
    "bmc_port",
    "os_address",
    "protocol",
    "cipher_suite",
    "privilege",
    "tags",
    "notes",
    "enabled",
    "username",
];

/// Every server, one row each. Values are quoted as RFC 4180 requires but not defused for
/// spreadsheets: they are the operator's own entries, and a re-import must read them as
/// written.
pub async fn export_csv(db: &DatabaseConnection) -> Result<String, FleetError> {
    let servers = managed_servers(db).await?;
    let mut out = csv::Writer::from_writer(Vec::new());
    let write = |out: &mut csv::Writer<Vec<u8>>, row: &[&str]| {
        out.write_record(row)
            .map_err(|e| FleetError::Conflict(format!("cannot write CSV: {e}")))
    };
    write(&mut out, &HEADER)?;
    for s in &servers {
        let port = s.bmc_port.to_string();
        let suite = s.cipher_suite.map(|c| c.to_string()).unwrap_or_default();
        let tags = s.tags.join(";");
        let enabled = if s.enabled { "true" } else { "false" };
        write(
            &mut out,
            &[
                &s.name,
                &s.bmc_address,
                &port,
                s.os_address.as_deref().unwrap_or(""),
                &s.protocol,
                &suite,
                &s.privilege,
                &tags,
                &s.notes,
                enabled,
                s.login_override.as_deref().unwrap_or(""),
            ],
        )?;
    }
    let bytes = out
        .into_inner()
        .map_err(|e| FleetError::Conflict(format!("cannot write CSV: {e}")))?;
    String::from_utf8(bytes).map_err(|e| FleetError::Conflict(format!("cannot write CSV: {e}")))
}
