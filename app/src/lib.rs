//! IPMI Monitor's user interface: Leptos components and pages, the types shared by browser and
//! server (DTOs, websocket messages) and the `#[server]` functions.
//!
//! Feature `ssr` compiles the server side (SeaORM entities and queries), feature `hydrate` the
//! browser side (websocket client, local storage). Shared code compiles under both.

// Leptos views are nested types; a page with many sections nests deeper than the default
// query depth (128) when the wasm release build computes layouts of its hydration futures.
#![recursion_limit = "256"]

pub mod api;
pub mod base_path;
pub mod components;
#[cfg(feature = "ssr")]
pub mod entities;
pub mod import;
pub mod live;
pub mod navigation;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod ssr;
pub mod types;
pub mod url;

mod shell;

pub use shell::{App, shell};

/// The name wasm-bindgen gives the browser bundle: `/pkg/ipmi_monitor.js`,
/// `/pkg/ipmi_monitor_bg.wasm` and `/pkg/ipmi_monitor.css`.
pub const OUTPUT_NAME: &str = "ipmi_monitor";
