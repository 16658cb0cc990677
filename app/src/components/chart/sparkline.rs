use leptos::prelude::*;

use super::geometry::{Frame, line_path, value_domain};

const FRAME: Frame = Frame {
    width: 80.0,
    height: 20.0,
    left: 1.0,
    right: 1.0,
    top: 2.0,
    bottom: 2.0,
};

/// The last hour of one sensor as a tiny line (evenly spaced: the polls are).
#[component]
pub fn Sparkline(values: Vec<f64>) -> impl IntoView {
    let points: Vec<(f64, f64)> = values
        .iter()
        .enumerate()
        .map(|(i, v)| (i as f64, *v))
        .collect();
    let domain = value_domain(values.iter().copied());
    (points.len() > 1).then(|| {
        let time = (0.0, (points.len() - 1) as f64);
        let path = domain
            .map(|d| line_path(&points, time, d, &FRAME))
            .unwrap_or_default();
        view! {
            <svg class="sparkline" viewBox="0 0 80 20" aria-hidden="true">
                <path d=path/>
            </svg>
        }
    })
}
