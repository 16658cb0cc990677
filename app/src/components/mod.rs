//! Reusable components, grouped by area.

pub mod dashboard;
pub mod layout;
