//! ASF Presence Ping (IPMI v2.0 section 13.2.3): is anything answering RMCP on this address,
//! and does it claim IPMI? No session and no credentials needed.

use std::sync::Arc;
use std::time::Duration;

use tokio::time::Instant;

use crate::error::Result;
use crate::rmcp::{PresencePong, decode_presence_pong, encode_presence_ping};
use crate::transport::Transport;

/// Sends one Presence Ping and waits up to `timeout` for the Pong.
pub async fn presence_ping(target: &str, timeout: Duration) -> Result<PresencePong> {
    let transport = Transport::connect(target, Arc::default()).await?;
    let tag = 0x42;
    transport.send(&encode_presence_ping(tag)).await?;
    let deadline = Instant::now() + timeout;
    loop {
        let dgram = transport.recv_until(deadline, timeout).await?;
        if let Ok(pong) = decode_presence_pong(&dgram)
            && pong.tag == tag
        {
            return Ok(pong);
        }
    }
}
