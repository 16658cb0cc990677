//! The broadcast hub behind `/ws`: producers publish [`LiveMessage`]s, every connected socket
//! receives them. A slow client that falls behind skips messages instead of holding others up.
//!
//! The hub also counts which servers browsers watch (a server page watches its server), so
//! the collector reads back and pushes a server's sensors only when someone looks at them.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use app::types::LiveMessage;
use tokio::sync::broadcast;

/// Messages buffered per client before a slow one starts skipping.
const CLIENT_BUFFER: usize = 1024;

#[derive(Clone)]
pub struct LiveHub {
    sender: broadcast::Sender<LiveMessage>,
    watchers: Arc<Mutex<HashMap<i64, usize>>>,
}

impl Default for LiveHub {
    fn default() -> Self {
        Self::new()
    }
}

impl LiveHub {
    pub fn new() -> Self {
        let (sender, _) = broadcast::channel(CLIENT_BUFFER);
        Self {
            sender,
            watchers: Arc::default(),
        }
    }

    /// Sends to every connected client; returns how many received it.
    pub fn publish(&self, message: LiveMessage) -> usize {
        self.sender.send(message).unwrap_or(0)
    }

    pub fn subscribe(&self) -> broadcast::Receiver<LiveMessage> {
        self.sender.subscribe()
    }

    pub fn client_count(&self) -> usize {
        self.sender.receiver_count()
    }

    /// Whether any client watches this server.
    pub fn is_watched(&self, server_id: i64) -> bool {
        self.lock().get(&server_id).is_some_and(|n| *n > 0)
    }

    /// One client stops watching `old` and starts watching `new`.
    pub fn rewatch(&self, old: &[i64], new: &[i64]) {
        let mut watchers = self.lock();
        for id in old {
            if let Some(n) = watchers.get_mut(id) {
                *n = n.saturating_sub(1);
                if *n == 0 {
                    watchers.remove(id);
                }
            }
        }
        for id in new {
            *watchers.entry(*id).or_default() += 1;
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<i64, usize>> {
        self.watchers.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn watch_counts_follow_clients() {
        let hub = LiveHub::new();
        hub.rewatch(&[], &[1, 2]);
        hub.rewatch(&[], &[2]);
        assert!(hub.is_watched(1) && hub.is_watched(2));
        hub.rewatch(&[1, 2], &[]);
        assert!(!hub.is_watched(1));
        assert!(hub.is_watched(2), "the second client still watches");
        hub.rewatch(&[2], &[3]);
        assert!(!hub.is_watched(2) && hub.is_watched(3));
    }
}
