//! The loop of the background jobs that run every so often (connectivity, retention): the
//! first round one interval after start, a late round delays the next instead of bunching
//! them up, and the loop ends when shutdown is signalled.

use std::future::Future;
use std::time::Duration;

use tokio_util::sync::CancellationToken;

/// Runs `round` every `interval` until `shutdown`; a failed round is logged as `what`.
pub async fn every<F, Fut, E>(
    interval: Duration,
    shutdown: CancellationToken,
    what: &str,
    mut round: F,
) where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<(), E>>,
    E: std::fmt::Display,
{
    let first = tokio::time::Instant::now() + interval;
    let mut ticker = tokio::time::interval_at(first, interval);
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            () = shutdown.cancelled() => return,
            _ = ticker.tick() => {}
        }
        if let Err(err) = round().await {
            tracing::warn!(error = %err, "{what} failed; retrying next interval");
        }
    }
}
