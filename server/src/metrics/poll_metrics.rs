//! Counters the collector updates after every poll, read by `/metrics`.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// Upper bounds (seconds) of the poll-duration histogram buckets.
pub const DURATION_BUCKETS: [f64; 10] = [0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 20.0, 60.0];

#[derive(Clone, Default)]
pub struct PollMetrics {
    inner: Arc<Inner>,
}

#[derive(Default)]
struct Inner {
    buckets: [AtomicU64; DURATION_BUCKETS.len()],
    count: AtomicU64,
    sum_micros: AtomicU64,
    requests: AtomicU64,
    failed: AtomicU64,
}

/// A consistent-enough copy for rendering.
pub struct PollMetricsSnapshot {
    /// Cumulative counts per bucket, as Prometheus expects.
    pub cumulative: Vec<(f64, u64)>,
    pub count: u64,
    pub sum_seconds: f64,
    pub requests: u64,
    pub failed: u64,
}

impl PollMetrics {
    pub fn record(&self, duration: Duration, requests: u64, ok: bool) {
        let seconds = duration.as_secs_f64();
        if let Some(i) = DURATION_BUCKETS.iter().position(|b| seconds <= *b) {
            self.inner.buckets[i].fetch_add(1, Ordering::Relaxed);
        }
        self.inner.count.fetch_add(1, Ordering::Relaxed);
        let micros = u64::try_from(duration.as_micros()).unwrap_or(u64::MAX);
        self.inner.sum_micros.fetch_add(micros, Ordering::Relaxed);
        self.inner.requests.fetch_add(requests, Ordering::Relaxed);
        if !ok {
            self.inner.failed.fetch_add(1, Ordering::Relaxed);
        }
    }

    pub fn snapshot(&self) -> PollMetricsSnapshot {
        let mut running = 0;
        let cumulative = DURATION_BUCKETS
            .iter()
            .zip(&self.inner.buckets)
            .map(|(bound, n)| {
                running += n.load(Ordering::Relaxed);
                (*bound, running)
            })
            .collect();
        PollMetricsSnapshot {
            cumulative,
            count: self.inner.count.load(Ordering::Relaxed),
            sum_seconds: self.inner.sum_micros.load(Ordering::Relaxed) as f64 / 1e6,
            requests: self.inner.requests.load(Ordering::Relaxed),
            failed: self.inner.failed.load(Ordering::Relaxed),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_are_cumulative() {
        let m = PollMetrics::default();
        m.record(Duration::from_millis(30), 20, true);
        m.record(Duration::from_millis(700), 25, false);
        m.record(Duration::from_secs(120), 1, false);
        let s = m.snapshot();
        assert_eq!(s.cumulative[0], (0.05, 1));
        assert_eq!(s.cumulative[4], (1.0, 2));
        assert_eq!(s.cumulative.last().unwrap().1, 2, "120 s is only in +Inf");
        assert_eq!((s.count, s.requests, s.failed), (3, 46, 2));
        assert!((s.sum_seconds - 120.73).abs() < 1e-6);
    }
}
