//! Collect-now requests and the progress of requested collections.
//!
//! Requests are a set of server ids the scheduler drains on its next turn (a request for a
//! server already queued is the same request). Progress counts the servers of the current
//! batch whose poll, begun after they were asked for, finished; it is pushed over `/ws` and
//! read by `/health` and the API.

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Instant;

use app::types::{CollectionFailure, CollectionProgress, PROGRESS_ERRORS_KEPT};
use tokio::sync::Notify;

/// Where each new progress goes (the websocket hub and `/health`).
type Publish = Arc<dyn Fn(&CollectionProgress) + Send + Sync>;

#[derive(Clone, Default)]
pub struct CollectRequests {
    queued: Arc<Mutex<HashSet<i64>>>,
    wake: Arc<Notify>,
    batch: Arc<Mutex<Option<Batch>>>,
    publish: Arc<Mutex<Option<Publish>>>,
}

/// The servers a requested collection waits for.
#[derive(Debug)]
struct Batch {
    /// Each server still to be collected, with when it was asked for: only a poll begun
    /// after that counts (one already running read the BMC before the request).
    pending: HashMap<i64, Instant>,
    total: usize,
    failed: usize,
    initial: bool,
    latest: Option<String>,
    errors: VecDeque<CollectionFailure>,
}

/// How one server's poll ended, as progress reports it.
#[derive(Debug)]
pub(super) struct Finished {
    pub server: String,
    /// When the poll began.
    pub started: Instant,
    /// Why it failed; `None` when it worked.
    pub error: Option<String>,
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

    /// Every progress from now on is passed to `publish`, from inside the batch's lock: the
    /// scheduler and the writer both count, and this way the last progress sent is the
    /// newest (a stale "999 of 1000" can never follow "1000 of 1000").
    pub(super) fn publish_with(
        &self,
        publish: impl Fn(&CollectionProgress) + Send + Sync + 'static,
    ) {
        *self.publish.lock().unwrap_or_else(PoisonError::into_inner) = Some(Arc::new(publish));
    }

    fn announce(&self, progress: Option<CollectionProgress>) -> Option<CollectionProgress> {
        if let Some(progress) = &progress
            && let Some(publish) = &*self.publish.lock().unwrap_or_else(PoisonError::into_inner)
        {
            publish(progress);
        }
        progress
    }

    /// Adds servers, asked for at `asked`, to the running batch (or starts one); returns the
    /// new progress.
    pub(super) fn track(
        &self,
        ids: &HashSet<i64>,
        initial: bool,
        asked: Instant,
    ) -> Option<CollectionProgress> {
        // Nothing to wait for is no batch: one with nothing pending would never end.
        if ids.is_empty() {
            return None;
        }
        let mut batch = self.batch.lock().unwrap_or_else(PoisonError::into_inner);
        let current = batch.get_or_insert_with(|| Batch {
            pending: HashMap::new(),
            total: 0,
            failed: 0,
            initial,
            latest: None,
            errors: VecDeque::new(),
        });
        let before = current.pending.len();
        for id in ids {
            // Asked again while pending: the newer request is the one to serve.
            current.pending.insert(*id, asked);
        }
        current.total += current.pending.len() - before;
        current.initial &= initial;
        self.announce(progress_of(current))
    }

    /// Counts a finished poll, failed or not; `Some` when it belonged to the batch (the batch
    /// ends when the last one finishes). A poll begun before its server was asked for does
    /// not count: the scheduler polls that server again.
    pub(super) fn finished(&self, id: i64, outcome: Finished) -> Option<CollectionProgress> {
        let mut batch = self.batch.lock().unwrap_or_else(PoisonError::into_inner);
        let current = batch.as_mut()?;
        let asked = *current.pending.get(&id)?;
        if outcome.started < asked {
            return None;
        }
        current.pending.remove(&id);
        if let Some(error) = outcome.error {
            current.failed += 1;
            if current.errors.len() == PROGRESS_ERRORS_KEPT {
                current.errors.pop_front();
            }
            current.errors.push_back(CollectionFailure {
                server: outcome.server.clone(),
                error,
            });
        }
        current.latest = Some(outcome.server);
        let progress = progress_of(current);
        if current.pending.is_empty() {
            *batch = None;
        }
        self.announce(progress)
    }

    /// Drops servers that can no longer be polled (deleted, disabled) from the batch.
    pub(super) fn forget_missing(&self, present: &HashSet<i64>) -> Option<CollectionProgress> {
        let mut batch = self.batch.lock().unwrap_or_else(PoisonError::into_inner);
        let current = batch.as_mut()?;
        let before = current.pending.len();
        current.pending.retain(|id, _| present.contains(id));
        if current.pending.len() == before {
            return None;
        }
        current.total -= before - current.pending.len();
        let progress = progress_of(current);
        if current.pending.is_empty() {
            *batch = None;
        }
        self.announce(progress)
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
        latest: batch.latest.clone(),
        errors: batch.errors.iter().cloned().collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(list: &[i64]) -> HashSet<i64> {
        list.iter().copied().collect()
    }

    fn ok(server: &str) -> Finished {
        Finished {
            server: server.into(),
            started: Instant::now(),
            error: None,
        }
    }

    fn failed(server: &str, error: &str) -> Finished {
        Finished {
            server: server.into(),
            started: Instant::now(),
            error: Some(error.into()),
        }
    }

    #[test]
    fn a_batch_counts_finished_polls_and_ends_with_the_last() {
        let requests = CollectRequests::default();
        let p = requests
            .track(&ids(&[1, 2, 3]), true, Instant::now())
            .unwrap();
        assert_eq!((p.total, p.done, p.initial), (3, 0, true));
        assert_eq!(requests.finished(9, ok("s9")), None, "not in the batch");
        let p = requests
            .finished(1, failed("s1", "wrong password"))
            .unwrap();
        assert_eq!((p.failed, p.latest.as_deref()), (1, Some("s1")));
        assert_eq!(
            p.errors,
            [CollectionFailure {
                server: "s1".into(),
                error: "wrong password".into()
            }]
        );
        // A request during the batch joins it; a server already pending is not counted twice.
        let p = requests
            .track(&ids(&[3, 4]), false, Instant::now())
            .unwrap();
        assert_eq!((p.total, p.done, p.initial), (4, 1, false));
        let p = requests.finished(2, ok("s2")).unwrap();
        assert_eq!((p.done, p.latest.as_deref()), (2, Some("s2")));
        assert_eq!(p.errors.len(), 1, "a failure stays listed");
        let p = requests.forget_missing(&ids(&[4])).unwrap();
        assert_eq!((p.total, p.done), (3, 2));
        let last = requests.finished(4, ok("s4")).unwrap();
        assert!(last.finished());
        assert_eq!(last.failed, 1);
        assert_eq!(requests.progress(), None, "the batch ended");
    }

    #[test]
    fn only_the_newest_failures_are_kept_but_all_are_counted() {
        let requests = CollectRequests::default();
        let all: Vec<i64> = (0..25).collect();
        requests.track(&ids(&all), false, Instant::now()).unwrap();
        let mut last = None;
        for id in 0..24 {
            last = requests.finished(id, failed(&format!("s{id}"), "timeout"));
        }
        let p = last.unwrap();
        assert_eq!((p.done, p.failed), (24, 24));
        let names: Vec<&str> = p.errors.iter().map(|e| e.server.as_str()).collect();
        let newest: Vec<String> = (14..24).map(|id| format!("s{id}")).collect();
        assert_eq!(
            names, newest,
            "the newest {PROGRESS_ERRORS_KEPT}, oldest first"
        );
    }

    #[test]
    fn a_poll_begun_before_the_request_does_not_serve_it() {
        let requests = CollectRequests::default();
        let running_since = Instant::now();
        requests.track(&ids(&[7]), false, Instant::now()).unwrap();
        let stale = Finished {
            server: "s7".into(),
            started: running_since,
            error: None,
        };
        assert_eq!(
            requests.finished(7, stale),
            None,
            "read the BMC before the request"
        );
        assert_eq!(requests.progress().map(|p| p.done), Some(0));
        assert!(requests.finished(7, ok("s7")).unwrap().finished());
    }

    #[test]
    fn every_progress_is_published_in_order() {
        let requests = CollectRequests::default();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let sink = seen.clone();
        requests.publish_with(move |p| sink.lock().unwrap().push((p.done, p.total)));
        requests.track(&ids(&[1, 2]), false, Instant::now());
        requests.finished(1, ok("s1"));
        requests.finished(2, failed("s2", "timeout"));
        assert_eq!(*seen.lock().unwrap(), [(0, 2), (1, 2), (2, 2)]);
    }

    #[test]
    fn an_empty_request_starts_no_batch() {
        let requests = CollectRequests::default();
        requests.request([]);
        assert_eq!(
            requests.track(&requests.take(), false, Instant::now()),
            None
        );
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
