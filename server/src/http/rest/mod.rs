//! The REST API for automation, under `/api/v1` (JSON; `Authorization: Bearer imt_…` or a
//! session cookie; viewer rights to read). Its OpenAPI document is at `/api/openapi.json`.
//! Every handler checks the role itself; the access-matrix test calls each one.

mod control;
mod error;
mod events;
mod events_csv;
mod fleet;
mod openapi;
mod sensors;
mod servers;

pub use control::{collect_now, collection_progress, login_test, run_action};
pub use error::ApiError;
pub use events::list_events;
pub use events_csv::events_csv;
pub use fleet::{
    create_server, delete_server, deprecate_server, export_servers, import_servers, restore_server,
    update_server,
};
pub use openapi::{DOCUMENTED_ROUTES, openapi_document};
pub use sensors::{power_history, sensor_history, server_sensors};
pub use servers::{get_server, get_server_inventory, list_servers};

use app::ssr::auth::{ClientAddr, Principal, Requester};
use axum::Extension;

/// Who asks, for the audit log: the principal and the client address the auth layer found.
fn requester(principal: &Principal, client: Option<Extension<ClientAddr>>) -> Requester {
    Requester::new(principal, client.map(|Extension(c)| c))
}
