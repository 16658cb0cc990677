//! The broadcast hub behind `/ws`: producers publish [`LiveMessage`]s, every connected socket
//! receives them. A slow client that falls behind skips messages instead of holding others up.

use app::types::LiveMessage;
use tokio::sync::broadcast;

/// Messages buffered per client before a slow one starts skipping.
const CLIENT_BUFFER: usize = 1024;

#[derive(Clone)]
pub struct LiveHub {
    sender: broadcast::Sender<LiveMessage>,
}

impl Default for LiveHub {
    fn default() -> Self {
        Self::new()
    }
}

impl LiveHub {
    pub fn new() -> Self {
        let (sender, _) = broadcast::channel(CLIENT_BUFFER);
        Self { sender }
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
}
