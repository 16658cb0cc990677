//! Charts drawn as SVG from stored history: a line chart with axes and a sparkline.

mod geometry;
mod line_chart;
mod sparkline;

pub use line_chart::LineChart;
pub use sparkline::Sparkline;
