//! The auth layer in front of every route: works out who is asking ([`Principal`]) and from
//! where, refuses cross-site writes, and sends the signed-out to the login page. Server
//! functions and handlers then check roles themselves (`app::ssr::auth::require`).
//!
//! [`Principal`]: app::ssr::auth::Principal

mod csrf;
mod layer;
mod paths;
mod proxy;

pub use layer::{authenticate, refuse};
pub use paths::{PUBLIC_PATHS, is_probe_or_asset};
pub use proxy::{client_addr, forwarded_host, proxy_principal};
