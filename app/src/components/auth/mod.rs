//! Pieces of the sign-in pages and the user menu.

mod form_error;
mod identity;
mod require_role;
mod user_menu;

pub use form_error::FormError;
pub use identity::{Identity, provide_identity, use_identity};
pub use require_role::RequireRole;
pub use user_menu::UserMenu;
