//! The HTTP surface: pages (Leptos), server functions, `/health`, `/api/version` and `/ws`.

pub mod auth;
mod backup;
mod grafana;
mod health;
mod metrics;
pub mod rest;
mod router;
mod version;
mod ws;

pub use router::{Verb, build_router, plain_route_methods, plain_route_paths};
