//! The audit log (admins only).

mod list_audit_log;

pub use list_audit_log::{ListAuditLog, list_audit_log};
