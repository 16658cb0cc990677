//! Signing in and out, the first-run setup, and one's own password.

mod change_password;
mod get_auth_state;
mod login;
mod logout;
mod setup_first_admin;

pub use change_password::{ChangePassword, change_password};
pub use get_auth_state::{GetAuthState, get_auth_state};
pub use login::{Login, login};
pub use logout::{Logout, logout};
pub use setup_first_admin::{SetupFirstAdmin, setup_first_admin};
