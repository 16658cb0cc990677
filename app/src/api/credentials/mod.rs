//! Settings → Credentials: the default BMC login and servers' own logins, set in bulk.
//! Operators and admins; passwords are write-only.

mod logins;

pub use logins::*;
