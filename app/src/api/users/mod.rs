//! User management (admins only).

mod create_user;
mod delete_user;
mod list_users;
mod reset_user_password;
mod set_user_role;

pub use create_user::{CreateUser, create_user};
pub use delete_user::{DeleteUser, delete_user};
pub use list_users::{ListUsers, list_users};
pub use reset_user_password::{ResetUserPassword, reset_user_password};
pub use set_user_role::{SetUserRole, set_user_role};
