//! The frame around every page.

mod live_indicator;
mod nav_bar;
mod not_found;
mod theme_toggle;

pub use live_indicator::LiveIndicator;
pub use nav_bar::NavBar;
pub use not_found::NotFound;
pub use theme_toggle::ThemeToggle;
