//! `/metrics` in the Prometheus text format. Sensor and chassis metrics use
//! prometheus-community/ipmi_exporter's names (so its dashboards and alerts work), with a
//! `server` label holding the server's name; collector metrics are our own.

mod poll_metrics;
mod render;

pub use poll_metrics::PollMetrics;
pub use render::render_metrics;
