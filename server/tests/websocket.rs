//! `/ws` greets with the version and forwards hub messages.

mod support;

use std::time::Duration;

use app::types::LiveMessage;
use futures_util::StreamExt;
use support::TestServer;
use tokio_tungstenite::tungstenite::Message;

async fn next_message(
    socket: &mut (impl StreamExt<Item = Result<Message, tokio_tungstenite::tungstenite::Error>> + Unpin),
) -> LiveMessage {
    let frame = tokio::time::timeout(Duration::from_secs(3), socket.next())
        .await
        .expect("no message within 3 s")
        .expect("socket closed")
        .expect("socket error");
    let text = frame.into_text().expect("text frame");
    serde_json::from_str(&text).expect("a LiveMessage")
}

#[tokio::test]
async fn greets_then_forwards_published_messages() {
    let server = TestServer::start().await;
    let mut socket = server.ws_connect().await;
    let hello = next_message(&mut socket).await;
    assert_eq!(
        hello,
        LiveMessage::Hello {
            version: include_str!("../../VERSION").trim().to_owned()
        }
    );

    // The subscription exists once the greeting was sent.
    assert_eq!(server.state.hub.client_count(), 1);
    let pushed = LiveMessage::Heartbeat {
        server_time: "2026-12-03T20:00:00Z".to_owned(),
    };
    assert_eq!(server.state.hub.publish(pushed.clone()), 1);
    assert_eq!(next_message(&mut socket).await, pushed);
}
