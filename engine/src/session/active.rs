//! An IPMI session over one transport: wraps requests in the negotiated packet format, sends
//! them, and accepts only the reply that belongs to them.
//!
//! Matching (sections 6.12.13, 13.8): a datagram is accepted only if it is for our session
//! ID, passes the integrity check, carries a session sequence number not seen before (32-entry
//! window), and its IPMI message has the rqSeq of one of *this* request's attempts with the
//! same command. Everything else — late replies to abandoned requests after a BMC was paused,
//! duplicates after a retry — is dropped and the wait goes on until the deadline.

use std::time::Duration;

use tokio::time::Instant;

use crate::commands::request::Request;
use crate::error::{IpmiError, Result};
use crate::rmcp::{RmcpClass, decode_rmcp_header};
use crate::rmcp_plus::packet::AUTH_TYPE_RMCP_PLUS;
use crate::rmcp_plus::{
    AuthType, IpmiResponse, PayloadType, SessionCrypto, decode_response, decode_v2, decode_v15,
    encode_request, encode_v2, encode_v15,
};
use crate::session::privilege::PrivilegeLevel;
use crate::session::seq_window::SeqWindow;
use crate::transport::Transport;

/// Per-request timing. A request is tried `1 + retries` times if idempotent, once otherwise,
/// each attempt waiting `timeout`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timing {
    pub timeout: Duration,
    pub retries: u32,
}

/// Which protocol the session speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum IpmiVersion {
    #[serde(rename = "1.5")]
    V15,
    #[serde(rename = "2.0")]
    V20,
}

/// What was negotiated, for the caller to store and show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct SessionInfo {
    pub version: IpmiVersion,
    /// The RMCP+ cipher suite that worked (None for IPMI 1.5).
    pub cipher_suite: Option<u8>,
    pub privilege: PrivilegeLevel,
    /// The LAN channel the BMC answered on.
    pub channel: u8,
}

pub(crate) enum Mode {
    /// Before activation: IPMI 1.5 format, no authentication, session 0.
    PreSession,
    V2 {
        crypto: SessionCrypto,
        bmc_session_id: u32,
        console_session_id: u32,
    },
    V15 {
        auth: AuthType,
        session_id: u32,
        password16: [u8; 16],
    },
}

/// One session (or the pre-session state that establishes one).
pub struct Session {
    pub(crate) transport: Transport,
    pub(crate) mode: Mode,
    /// Next outbound session sequence number (used, then incremented; 0 is skipped in
    /// sessions because it means "no sequence" for RMCP+).
    pub(crate) out_seq: u32,
    pub(crate) window: SeqWindow,
    rq_seq: u8,
    pub(crate) timing: Timing,
    pub(crate) info: Option<SessionInfo>,
    last_used: Instant,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session")
            .field("peer", &self.transport.peer())
            .field("info", &self.info)
            .finish_non_exhaustive()
    }
}

impl Session {
    pub fn presession(transport: Transport, timing: Timing) -> Self {
        Session {
            transport,
            mode: Mode::PreSession,
            out_seq: 0,
            window: SeqWindow::default(),
            rq_seq: 0,
            timing,
            info: None,
            last_used: Instant::now(),
        }
    }

    /// Negotiated parameters; `None` until a session is active.
    pub fn info(&self) -> Option<SessionInfo> {
        self.info
    }

    pub fn is_active(&self) -> bool {
        self.info.is_some()
    }

    /// Time since the last reply (the BMC's idle timer runs from its last message to us).
    pub fn idle(&self) -> Duration {
        self.last_used.elapsed()
    }

    fn next_rq_seq(&mut self) -> u8 {
        self.rq_seq = (self.rq_seq + 1) & 0x3F;
        self.rq_seq
    }

    fn next_out_seq(&mut self) -> u32 {
        let s = self.out_seq;
        self.out_seq = self.out_seq.wrapping_add(1);
        if self.out_seq == 0 && !matches!(self.mode, Mode::PreSession) {
            self.out_seq = 1;
        }
        s
    }

    /// Wraps an IPMI message in the current session format.
    fn wrap(&mut self, msg: &[u8]) -> Result<Vec<u8>> {
        match &self.mode {
            Mode::PreSession => Ok(encode_v15(AuthType::None, 0, 0, &[0; 16], msg)),
            Mode::V2 { .. } => {
                let seq = self.next_out_seq();
                let Mode::V2 {
                    crypto,
                    bmc_session_id,
                    ..
                } = &self.mode
                else {
                    return Err(IpmiError::Protocol("session mode changed".into()));
                };
                encode_v2(PayloadType::Ipmi, *bmc_session_id, seq, msg, crypto)
            }
            Mode::V15 { .. } => {
                let seq = self.next_out_seq();
                let Mode::V15 {
                    auth,
                    session_id,
                    password16,
                } = &self.mode
                else {
                    return Err(IpmiError::Protocol("session mode changed".into()));
                };
                Ok(encode_v15(*auth, seq, *session_id, password16, msg))
            }
        }
    }

    /// Unwraps a datagram into an IPMI response if it belongs to this session; `None` drops it.
    fn unwrap_reply(&mut self, dgram: &[u8]) -> Option<IpmiResponse> {
        let (class, body) = decode_rmcp_header(dgram).ok()?;
        if class != RmcpClass::Ipmi || body.is_empty() {
            return None;
        }
        let msg = if body[0] == AUTH_TYPE_RMCP_PLUS {
            let Mode::V2 {
                crypto,
                console_session_id,
                ..
            } = &self.mode
            else {
                return None;
            };
            let pkt = decode_v2(body, crypto)
                .inspect_err(
                    |e| tracing::debug!(peer = %self.transport.peer(), "dropping packet: {e}"),
                )
                .ok()?;
            if pkt.session_id != *console_session_id || pkt.payload_type != PayloadType::Ipmi {
                return None;
            }
            if pkt.seq != 0 && !self.window.accept(pkt.seq) {
                tracing::debug!(peer = %self.transport.peer(), seq = pkt.seq, "dropping duplicate or stale packet");
                return None;
            }
            pkt.payload
        } else {
            let pkt = decode_v15(body).ok()?;
            match &self.mode {
                Mode::PreSession => {}
                Mode::V15 { session_id, .. } if pkt.session_id == *session_id => {
                    if pkt.seq != 0 && !self.window.accept(pkt.seq) {
                        return None;
                    }
                }
                _ => return None,
            }
            pkt.msg
        };
        decode_response(&msg).ok()
    }

    /// Sends `req` and returns the matching response, whatever its completion code.
    pub async fn exchange(&mut self, req: &Request) -> Result<IpmiResponse> {
        let attempts = if req.idempotent {
            1 + self.timing.retries
        } else {
            1
        };
        let mut used = Vec::with_capacity(attempts as usize);
        for attempt in 0..attempts {
            let rq_seq = self.next_rq_seq();
            used.push(rq_seq);
            let msg = encode_request(req.netfn, req.lun, req.cmd, &req.data, rq_seq);
            let dgram = self.wrap(&msg)?;
            if attempt > 0 {
                tracing::debug!(peer = %self.transport.peer(), netfn = req.netfn, cmd = req.cmd, attempt, "retrying");
            }
            self.transport.send(&dgram).await?;
            let deadline = Instant::now() + self.timing.timeout;
            loop {
                let reply = match self
                    .transport
                    .recv_until(deadline, self.timing.timeout)
                    .await
                {
                    Ok(r) => r,
                    Err(IpmiError::Timeout(_)) => break,
                    Err(e) => return Err(e),
                };
                let Some(resp) = self.unwrap_reply(&reply) else {
                    continue;
                };
                if resp.cmd == req.cmd && resp.netfn == req.netfn + 1 && used.contains(&resp.rq_seq)
                {
                    self.last_used = Instant::now();
                    return Ok(resp);
                }
                tracing::debug!(peer = %self.transport.peer(), rq_seq = resp.rq_seq, cmd = resp.cmd, "dropping stale reply");
            }
        }
        Err(IpmiError::Timeout(self.timing.timeout * attempts))
    }

    /// Sends `req` and returns the response data, or `CompletionCode` if it is not 0.
    pub async fn call(&mut self, req: &Request) -> Result<Vec<u8>> {
        let resp = self.exchange(req).await?;
        if resp.completion_code != 0 {
            return Err(IpmiError::CompletionCode(resp.completion_code));
        }
        Ok(resp.data)
    }

    /// A session-setup round trip (Open Session, RAKP): RMCP+ payloads outside a session,
    /// matched by payload type and message tag.
    pub(crate) async fn setup_roundtrip(
        &mut self,
        ptype: PayloadType,
        payload: &[u8],
        expect: PayloadType,
    ) -> Result<Vec<u8>> {
        let tag = payload.first().copied().unwrap_or(0);
        let dgram = encode_v2(ptype, 0, 0, payload, &SessionCrypto::none())?;
        let attempts = 1 + self.timing.retries;
        for _ in 0..attempts {
            self.transport.send(&dgram).await?;
            let deadline = Instant::now() + self.timing.timeout;
            loop {
                let reply = match self
                    .transport
                    .recv_until(deadline, self.timing.timeout)
                    .await
                {
                    Ok(r) => r,
                    Err(IpmiError::Timeout(_)) => break,
                    Err(e) => return Err(e),
                };
                let Ok((RmcpClass::Ipmi, body)) = decode_rmcp_header(&reply) else {
                    continue;
                };
                let Ok(pkt) = decode_v2(body, &SessionCrypto::none()) else {
                    continue;
                };
                if pkt.payload_type == expect && pkt.payload.first() == Some(&tag) {
                    self.last_used = Instant::now();
                    return Ok(pkt.payload);
                }
            }
        }
        Err(IpmiError::Timeout(self.timing.timeout * attempts))
    }

    /// Sends a setup payload without waiting (RAKP 3 with an error status, to let the BMC
    /// free the half-open session at once).
    pub(crate) async fn setup_send(&mut self, ptype: PayloadType, payload: &[u8]) -> Result<()> {
        let dgram = encode_v2(ptype, 0, 0, payload, &SessionCrypto::none())?;
        self.transport.send(&dgram).await
    }

    /// Close Session (22.19). Best effort: one attempt with a short wait, and the local state
    /// is reset whatever happens so nothing is sent in a closed session.
    pub async fn close(&mut self) -> Result<()> {
        let id = match &self.mode {
            Mode::PreSession => return Ok(()),
            Mode::V2 { bmc_session_id, .. } => *bmc_session_id,
            Mode::V15 { session_id, .. } => *session_id,
        };
        let saved = self.timing;
        self.timing = Timing {
            timeout: saved.timeout.min(Duration::from_millis(500)),
            retries: 0,
        };
        let req = Request::new(
            crate::commands::request::netfn::APP,
            0x3C,
            id.to_le_bytes().to_vec(),
        );
        let r = self.call(&req).await.map(|_| ());
        self.timing = saved;
        self.mode = Mode::PreSession;
        self.info = None;
        self.window = SeqWindow::default();
        self.out_seq = 0;
        r
    }
}
