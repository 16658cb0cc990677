//! Settings → Servers: the server list with every setting, add, edit, deprecate, restore,
//! delete, purge, and the import with its preview. Operators change; viewers read.

mod add_server;
mod delete_server;
mod edit_server;
mod import_servers;
mod lifecycle;
mod list_managed_servers;

pub use add_server::*;
pub use delete_server::*;
pub use edit_server::*;
pub use import_servers::*;
pub use lifecycle::*;
pub use list_managed_servers::*;
