//! Managing the fleet: adding, editing, deprecating and deleting servers, importing and
//! exporting them. One implementation behind the server functions and the REST API, so both
//! validate, refuse and audit alike.

mod error;
mod export;
mod import;
mod logins;
mod servers;

pub use error::FleetError;
pub use export::export_csv;
pub use import::{parse_format, preview_import, run_import};
pub use logins::{apply_login, clear_login, default_login, set_default_login};
pub use servers::{
    create_server, delete_server, deprecate_server, managed_servers, purge_deprecated,
    restore_server, update_server,
};
