//! `/ws`: one socket per browser tab. The server greets, then forwards every hub message and a
//! heartbeat, until the client leaves or the server shuts down. A client may send
//! `{"type": "watch", "servers": [id, …]}`; it then also gets `sensors_updated` for those.

use std::time::Duration;

use app::types::{ClientMessage, LiveMessage, MAX_WATCHED};
use axum::extract::State;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::response::Response;
use tokio::sync::broadcast::error::RecvError;

use crate::state::AppState;

/// Often enough that a dead connection is noticed quickly, rarely enough to cost nothing.
const HEARTBEAT: Duration = Duration::from_secs(15);

pub async fn ws_handler(upgrade: WebSocketUpgrade, State(state): State<AppState>) -> Response {
    upgrade.on_upgrade(move |socket| serve_socket(socket, state))
}

async fn serve_socket(mut socket: WebSocket, state: AppState) {
    let mut updates = state.hub.subscribe();
    let hello = LiveMessage::Hello {
        version: state.build.version.to_owned(),
    };
    if send(&mut socket, &hello).await.is_err() {
        return;
    }
    let mut heartbeat = tokio::time::interval(HEARTBEAT);
    heartbeat.tick().await;
    let mut watched: Vec<i64> = Vec::new();
    serve_messages(
        &mut socket,
        &state,
        &mut updates,
        &mut heartbeat,
        &mut watched,
    )
    .await;
    state.hub.rewatch(&watched, &[]);
}

async fn serve_messages(
    socket: &mut WebSocket,
    state: &AppState,
    updates: &mut tokio::sync::broadcast::Receiver<LiveMessage>,
    heartbeat: &mut tokio::time::Interval,
    watched: &mut Vec<i64>,
) {
    loop {
        let outgoing = tokio::select! {
            () = state.shutdown.cancelled() => {
                let _ = socket.send(Message::Close(None)).await;
                return;
            }
            incoming = socket.recv() => match incoming {
                Some(Ok(Message::Close(_))) | None | Some(Err(_)) => return,
                Some(Ok(Message::Text(text))) => {
                    // A bad message is ignored: the client only loses the updates it asked for.
                    if let Ok(ClientMessage::Watch { servers }) = serde_json::from_str(&text) {
                        let new: Vec<i64> = servers.iter().take(MAX_WATCHED).map(|s| s.0).collect();
                        state.hub.rewatch(watched, &new);
                        *watched = new;
                    }
                    continue;
                }
                Some(Ok(_)) => continue,
            },
            _ = heartbeat.tick() => LiveMessage::Heartbeat {
                server_time: chrono::Utc::now().to_rfc3339(),
            },
            update = updates.recv() => match update {
                Ok(LiveMessage::SensorsUpdated { server_id, .. }) if !watched.contains(&server_id.0) => continue,
                Ok(message) => message,
                Err(RecvError::Lagged(skipped)) => {
                    tracing::debug!(skipped, "slow websocket client skipped messages");
                    continue;
                }
                Err(RecvError::Closed) => return,
            },
        };
        if send(socket, &outgoing).await.is_err() {
            return;
        }
    }
}

async fn send(socket: &mut WebSocket, message: &LiveMessage) -> Result<(), ()> {
    let text = serde_json::to_string(message).map_err(|err| {
        tracing::error!(error = %err, "cannot serialize websocket message");
    })?;
    socket
        .send(Message::Text(text.into()))
        .await
        .map_err(|_| ())
}
