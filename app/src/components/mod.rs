//! Reusable components, grouped by area.

pub mod auth;
pub mod dashboard;
pub mod layout;
