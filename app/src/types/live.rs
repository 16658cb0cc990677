//! Messages pushed over `/ws`. Serialized as JSON with a `type` tag so that other clients
//! (scripts, dashboards) can read them too.

use serde::{Deserialize, Serialize};

use super::{CollectionProgress, EventRow, SensorRow, ServerId, ServerSummary};

/// One websocket message from the server.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum LiveMessage {
    /// First message on every connection.
    Hello { version: String },
    /// Sent periodically so clients can tell a quiet server from a dead connection.
    Heartbeat { server_time: String },
    /// A server's card changed (state, power, last poll).
    ServerUpdated { server: ServerSummary },
    /// Events stored since the last message, newest last.
    NewEvents { events: Vec<EventRow> },
    /// A requested collection (collect now, or the first one after start) advanced.
    CollectionProgress { progress: CollectionProgress },
    /// A server's sensors after a poll; sent only to clients watching that server.
    SensorsUpdated {
        server_id: ServerId,
        sensors: Vec<SensorRow>,
    },
}

/// The most servers one client may watch (a server page watches one).
pub const MAX_WATCHED: usize = 64;

/// One websocket message from a client.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ClientMessage {
    /// Send me `SensorsUpdated` for these servers (replaces the previous list).
    Watch { servers: Vec<ServerId> },
}
