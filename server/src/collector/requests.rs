//! Collect-now requests and the progress of requested collections.
//!
//! Requests are a set of server ids the scheduler drains on its next turn (a request for a
//! server already queued is the same request). Progress counts the servers of the current
//! batch whose poll finished; it is pushed over `/ws` and read by `/health` and the API.

use std::collections::HashSet;
use std::sync::{Arc, Mutex, PoisonError};

use app::types::CollectionProgress;
use tokio::sync::Notify;

#[derive(Clone, Default)]
pub struct CollectRequests {
    queued: Arc<Mutex<HashSet<i64>>>,
    wake: Arc<Notify>,
    batch: Arc<Mutex<Option<Batch>>>,
}

/// The servers a requested collection waits for.
#[derive(Debug)]
struct Batch {
    pending: HashSet<i64>,
    total: usize,
    failed: usize,
    initial: bool,
}

impl CollectRequests {
    /// Asks for these servers to be polled at once.
    pub fn request(&self, ids: impl IntoIterator<Item = i64>) {
        let mut queued = self.queued.lock().unwrap_or_else(PoisonError::into_inner);
        let before = queued.len();
        queued.extend(ids);
        if queued.len() != before {
            self.wake.notify_one();
        }
    }

    pub(super) async fn wait(&self) {
        self.wake.notified().await;
    }

    pub(super) fn take(&self) -> HashSet<i64> {
        std::mem::take(&mut *self.queued.lock().unwrap_or_else(PoisonError::into_inner))
    }

    /// Adds servers to the running batch (or starts one); returns the new progress.
    pub(super) fn track(&self, ids: &HashSet<i64>, initial: bool) -> Option<CollectionProgress> {
        // Nothing to wait for is no batch: one with nothing pending would never end.
        if ids.is_empty() {
            return None;
        }
        let mut batch = self.batch.lock().unwrap_or_else(PoisonError::into_inner);
        let current = batch.get_or_insert_with(|| Batch {
            pending: HashSet::new(),
            total: 0,
            failed: 0,
            initial,
        });
        let before = current.pending.len();
        current.pending.extend(ids.iter().copied());
        current.total += current.pending.len() - before;
        current.initial &= initial;
        progress_of(current)
    }

    /// Counts a finished poll, `ok` or not; `Some` when it belonged to the batch (the batch
    /// ends when the last one finishes).
    pub(super) fn finished(&self, id: i64, ok: bool) -> Option<CollectionProgress> {
        let mut batch = self.batch.lock().unwrap_or_else(PoisonError::into_inner);
        let current = batch.as_mut()?;
        if !current.pending.remove(&id) {
            return None;
        }
        if !ok {
            current.failed += 1;
        }
        let progress = progress_of(current);
        if current.pending.is_empty() {
            *batch = None;
        }
        progress
    }

    /// Drops servers that can no longer be polled (deleted, disabled) from the batch.
    pub(super) fn forget_missing(&self, present: &HashSet<i64>) -> Option<CollectionProgress> {
        let mut batch = self.batch.lock().unwrap_or_else(PoisonError::into_inner);
        let current = batch.as_mut()?;
        let before = current.pending.len();
        current.pending.retain(|id| present.contains(id));
        if current.pending.len() == before {
            return None;
        }
        current.total -= before - current.pending.len();
        let progress = progress_of(current);
        if current.pending.is_empty() {
            *batch = None;
        }
        progress
    }

    pub fn progress(&self) -> Option<CollectionProgress> {
        let batch = self.batch.lock().unwrap_or_else(PoisonError::into_inner);
        batch.as_ref().and_then(progress_of)
    }
}

fn progress_of(batch: &Batch) -> Option<CollectionProgress> {
    Some(CollectionProgress {
        total: batch.total,
        done: batch.total - batch.pending.len(),
        failed: batch.failed,
        initial: batch.initial,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(list: &[i64]) -> HashSet<i64> {
        list.iter().copied().collect()
    }

    #[test]
    fn a_batch_counts_finished_polls_and_ends_with_the_last() {
        let requests = CollectRequests::default();
        let p = requests.track(&ids(&[1, 2, 3]), true).unwrap();
        assert_eq!((p.total, p.done, p.initial), (3, 0, true));
        assert_eq!(requests.finished(9, true), None, "not in the batch");
        assert_eq!(requests.finished(1, false).unwrap().failed, 1);
        // A request during the batch joins it; a server already pending is not counted twice.
        let p = requests.track(&ids(&[3, 4]), false).unwrap();
        assert_eq!((p.total, p.done, p.initial), (4, 1, false));
        assert_eq!(requests.finished(2, true).unwrap().done, 2);
        let p = requests.forget_missing(&ids(&[4])).unwrap();
        assert_eq!((p.total, p.done), (3, 2));
        let last = requests.finished(4, true).unwrap();
        assert!(last.finished());
        assert_eq!(last.failed, 1);
        assert_eq!(requests.progress(), None, "the batch ended");
    }

    #[test]
    fn an_empty_request_starts_no_batch() {
        let requests = CollectRequests::default();
        requests.request([]);
        assert_eq!(requests.track(&requests.take(), false), None);
        assert_eq!(requests.progress(), None);
    }

    #[test]
    fn requests_are_a_set_drained_once() {
        let requests = CollectRequests::default();
        requests.request([5, 6, 5]);
        assert_eq!(requests.take(), ids(&[5, 6]));
        assert!(requests.take().is_empty());
    }
}
