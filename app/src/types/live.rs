//! Messages pushed over `/ws`. Serialized as JSON with a `type` tag so that other clients
//! (scripts, dashboards) can read them too.

use serde::{Deserialize, Serialize};

/// One websocket message from the server.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum LiveMessage {
    /// First message on every connection.
    Hello { version: String },
    /// Sent periodically so clients can tell a quiet server from a dead connection.
    Heartbeat { server_time: String },
}
