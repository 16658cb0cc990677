use leptos::prelude::*;

use super::geometry::{Frame, band_path, line_path, value_domain, value_label};
use crate::types::History;

const FRAME: Frame = Frame {
    width: 640.0,
    height: 220.0,
    left: 48.0,
    right: 8.0,
    top: 8.0,
    bottom: 24.0,
};

/// A history as an SVG line (hourly series also show their min–max band), with the value
/// range on the left and the time range below. Rendered on the server, so it is there
/// without JavaScript.
#[component]
pub fn LineChart(history: History, unit: String, id: &'static str) -> impl IntoView {
    let points: Vec<(f64, f64)> = history
        .points
        .iter()
        .map(|p| (p.unix_seconds as f64, p.value))
        .collect();
    let band: Vec<(f64, f64, f64)> = history
        .points
        .iter()
        .filter_map(|p| Some((p.unix_seconds as f64, p.min?, p.max?)))
        .collect();
    let extremes = history
        .points
        .iter()
        .flat_map(|p| [Some(p.value), p.min, p.max])
        .flatten();
    let Some(values) = value_domain(extremes) else {
        return view! { <p class="empty-state chart-empty" id=id>"No readings stored for this range yet."</p> }
            .into_any();
    };
    let time = match (points.first(), points.last()) {
        (Some(first), Some(last)) => (first.0, last.0),
        _ => (0.0, 0.0),
    };
    let line = line_path(&points, time, values, &FRAME);
    let band = band_path(&band, time, values, &FRAME);
    let short = |rfc3339: &str| rfc3339.get(0..16).unwrap_or(rfc3339).replace('T', " ");
    let first_at = history
        .points
        .first()
        .map(|p| short(&p.at))
        .unwrap_or_default();
    let last_at = history
        .points
        .last()
        .map(|p| short(&p.at))
        .unwrap_or_default();
    let bottom = FRAME.height - FRAME.bottom;
    let label = format!(
        "{} points from {first_at} to {last_at} UTC, {} to {} {unit}",
        history.points.len(),
        value_label(values.0),
        value_label(values.1)
    );
    view! {
        <svg class="chart" id=id viewBox=format!("0 0 {} {}", FRAME.width, FRAME.height) role="img" aria-label=label>
            <line class="axis" x1=FRAME.left y1=FRAME.top x2=FRAME.left y2=bottom/>
            <line class="axis" x1=FRAME.left y1=bottom x2=FRAME.width - FRAME.right y2=bottom/>
            <text class="tick" x=FRAME.left - 4.0 y=FRAME.top + 10.0 text-anchor="end">{value_label(values.1)}</text>
            <text class="tick" x=FRAME.left - 4.0 y=bottom text-anchor="end">{value_label(values.0)}</text>
            <text class="tick" x=FRAME.left y=FRAME.height - 6.0>{first_at}</text>
            <text class="tick" x=FRAME.width - FRAME.right y=FRAME.height - 6.0 text-anchor="end">{last_at}</text>
            {(!band.is_empty()).then(|| view! { <path class="band" d=band/> })}
            <path class="line" d=line/>
        </svg>
    }
    .into_any()
}
