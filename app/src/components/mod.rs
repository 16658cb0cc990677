//! Reusable components, grouped by area.

pub mod auth;
pub mod chart;
pub mod dashboard;
pub mod events;
pub mod fleet;
pub mod form;
pub mod layout;
