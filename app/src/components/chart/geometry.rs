//! Pure chart geometry: scaling points into an SVG frame and writing path data. No DOM, so
//! the server renders the same chart the browser would, and tests check the numbers.

/// The drawing area inside an SVG `viewBox` of `width` × `height`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    pub width: f64,
    pub height: f64,
    /// Room for the axis labels.
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
}

impl Frame {
    fn x(&self, t: f64, (t0, t1): (f64, f64)) -> f64 {
        let inner = self.width - self.left - self.right;
        self.left
            + if t1 > t0 {
                (t - t0) / (t1 - t0) * inner
            } else {
                inner / 2.0
            }
    }

    fn y(&self, v: f64, (v0, v1): (f64, f64)) -> f64 {
        let inner = self.height - self.top - self.bottom;
        self.top + inner
            - if v1 > v0 {
                (v - v0) / (v1 - v0) * inner
            } else {
                inner / 2.0
            }
    }
}

/// The value range to draw: the data's, widened by 5 % each side so a line never touches
/// the frame, and to ±1 around a flat series.
pub fn value_domain(values: impl IntoIterator<Item = f64>) -> Option<(f64, f64)> {
    let (lo, hi) =
        values
            .into_iter()
            .filter(|v| v.is_finite())
            .fold(None, |acc: Option<(f64, f64)>, v| match acc {
                None => Some((v, v)),
                Some((lo, hi)) => Some((lo.min(v), hi.max(v))),
            })?;
    if (hi - lo).abs() < f64::EPSILON {
        return Some((lo - 1.0, hi + 1.0));
    }
    let pad = (hi - lo) * 0.05;
    Some((lo - pad, hi + pad))
}

/// A gap longer than this many typical steps breaks the line, so missing data shows as
/// missing instead of as a straight line across it.
const GAP_STEPS: f64 = 3.0;

/// `M x,y L x,y …` through `(time, value)` points in time order; a new `M` after each gap.
pub fn line_path(
    points: &[(f64, f64)],
    time: (f64, f64),
    values: (f64, f64),
    frame: &Frame,
) -> String {
    let step = typical_step(points);
    let mut path = String::new();
    let mut previous: Option<f64> = None;
    for &(t, v) in points {
        if !v.is_finite() {
            previous = None;
            continue;
        }
        let gap = previous.is_none_or(|p| step.is_some_and(|s| t - p > s * GAP_STEPS));
        let command = if gap { 'M' } else { 'L' };
        if !path.is_empty() {
            path.push(' ');
        }
        path.push_str(&format!(
            "{command}{:.1},{:.1}",
            frame.x(t, time),
            frame.y(v, values)
        ));
        previous = Some(t);
    }
    path
}

/// A closed area between `upper` and `lower` at each time (hourly min/max).
pub fn band_path(
    points: &[(f64, f64, f64)],
    time: (f64, f64),
    values: (f64, f64),
    frame: &Frame,
) -> String {
    if points.len() < 2 {
        return String::new();
    }
    let forward = points
        .iter()
        .map(|&(t, _, hi)| format!("{:.1},{:.1}", frame.x(t, time), frame.y(hi, values)));
    let back = points
        .iter()
        .rev()
        .map(|&(t, lo, _)| format!("{:.1},{:.1}", frame.x(t, time), frame.y(lo, values)));
    let corners: Vec<String> = forward.chain(back).collect();
    format!("M{} Z", corners.join(" L"))
}

/// The median distance between neighbouring times.
fn typical_step(points: &[(f64, f64)]) -> Option<f64> {
    let mut steps: Vec<f64> = points.windows(2).map(|w| w[1].0 - w[0].0).collect();
    if steps.is_empty() {
        return None;
    }
    steps.sort_by(f64::total_cmp);
    Some(steps[steps.len() / 2])
}

/// A short label for an axis value: no needless decimals.
pub fn value_label(v: f64) -> String {
    if v.abs() >= 100.0 || v.fract().abs() < 0.05 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FRAME: Frame = Frame {
        width: 110.0,
        height: 60.0,
        left: 10.0,
        right: 0.0,
        top: 0.0,
        bottom: 10.0,
    };

    #[test]
    fn points_scale_into_the_frame() {
        let points = [(0.0, 0.0), (50.0, 5.0), (100.0, 10.0)];
        let path = line_path(&points, (0.0, 100.0), (0.0, 10.0), &FRAME);
        assert_eq!(path, "M10.0,50.0 L60.0,25.0 L110.0,0.0");
    }

    #[test]
    fn a_gap_breaks_the_line_and_nan_is_skipped() {
        let points = [
            (0.0, 1.0),
            (1.0, 1.0),
            (2.0, f64::NAN),
            (3.0, 1.0),
            (10.0, 1.0),
        ];
        let path = line_path(&points, (0.0, 10.0), (0.0, 2.0), &FRAME);
        assert_eq!(path.matches('M').count(), 3, "{path}");
    }

    #[test]
    fn a_flat_series_gets_room_and_extremes_get_padding() {
        assert_eq!(value_domain([5.0, 5.0]), Some((4.0, 6.0)));
        let (lo, hi) = value_domain([0.0, 10.0, f64::INFINITY]).unwrap();
        assert!((lo + 0.5).abs() < 1e-9 && (hi - 10.5).abs() < 1e-9);
        assert_eq!(value_domain(std::iter::empty()), None);
    }

    #[test]
    fn a_band_goes_out_along_the_maxima_and_back_along_the_minima() {
        let points = [(0.0, 0.0, 10.0), (100.0, 0.0, 10.0)];
        let path = band_path(&points, (0.0, 100.0), (0.0, 10.0), &FRAME);
        assert_eq!(path, "M10.0,0.0 L110.0,0.0 L110.0,50.0 L10.0,50.0 Z");
    }

    #[test]
    fn labels_drop_needless_decimals() {
        assert_eq!(value_label(42.0), "42");
        assert_eq!(value_label(3.25), "3.2");
        assert_eq!(value_label(1234.5), "1234");
    }
}
