//! `BmcClient`: owns the session to one BMC.
//!
//! * One session per BMC, reused across calls; a `tokio::sync::Mutex` serializes calls so
//!   there are never two exchanges in flight to one BMC.
//! * Every public call runs under `ConnectOptions::deadline`.
//! * A session error (timeout, invalid session) drops the session; the next request opens a
//!   new one, and an idempotent request is retried once on the fresh session.
//! * A background task sends a keepalive before the BMC's idle timeout.
//! * `close()` ends the session; dropping the client closes it best-effort from a spawned task.

use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Weak};
use std::time::Duration;

use tokio::sync::{Mutex, MutexGuard};
use tokio::task::JoinHandle;

use crate::client::credentials::Credentials;
use crate::client::open::open_session;
use crate::client::options::ConnectOptions;
use crate::commands::request::{Request, netfn};
use crate::error::{IpmiError, Result};
use crate::session::{Session, SessionInfo};

/// Per-client state that needs the session lock.
#[derive(Default)]
pub(crate) struct Slot {
    pub(crate) session: Option<Session>,
    pub(crate) sdr: Option<crate::client::sdr_cache::SdrCache>,
}

pub(crate) struct Inner {
    pub(crate) target: String,
    credentials: Credentials,
    pub(crate) options: ConnectOptions,
    slot: Mutex<Slot>,
    requests: Arc<AtomicU64>,
    info: std::sync::Mutex<Option<SessionInfo>>,
}

impl Drop for Inner {
    fn drop(&mut self) {
        let Some(mut session) = self.slot.get_mut().session.take() else {
            return;
        };
        if let Ok(handle) = tokio::runtime::Handle::try_current() {
            handle.spawn(async move {
                let _ = session.close().await;
            });
        }
    }
}

/// A client for one BMC. `Send + Sync`; share it with `Arc` or call it from one task.
pub struct BmcClient {
    inner: Arc<Inner>,
    keepalive: Option<JoinHandle<()>>,
}

impl std::fmt::Debug for BmcClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BmcClient")
            .field("target", &self.inner.target)
            .field("username", &self.inner.credentials.username)
            .finish_non_exhaustive()
    }
}

impl Drop for BmcClient {
    fn drop(&mut self) {
        if let Some(k) = self.keepalive.take() {
            k.abort();
        }
    }
}

/// How long a background Close Session of a discarded session may take.
const DISCARD_CLOSE_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(2);

/// The lock on a client's session, with the re-open logic.
pub(crate) struct Conn<'a> {
    inner: &'a Inner,
    pub(crate) slot: MutexGuard<'a, Slot>,
}

impl Conn<'_> {
    async fn ensure_session(&mut self) -> Result<&mut Session> {
        if self.slot.session.is_none() {
            let s = open_session(
                &self.inner.target,
                &self.inner.credentials,
                &self.inner.options,
                self.inner.requests.clone(),
            )
            .await?;
            if let Ok(mut info) = self.inner.info.lock() {
                *info = s.info();
            }
            self.slot.session = Some(s);
        }
        self.slot
            .session
            .as_mut()
            .ok_or_else(|| IpmiError::Protocol("no session".into()))
    }

    /// Exchanges `req` on the session (opening one if needed). On a session error the
    /// session is dropped and, for idempotent requests, re-opened and tried once more.
    pub(crate) async fn exchange(
        &mut self,
        req: &Request,
    ) -> Result<crate::rmcp_plus::IpmiResponse> {
        let fresh = self.slot.session.is_none();
        let r = self.ensure_session().await?.exchange(req).await;
        match r {
            Ok(resp) if matches!(resp.completion_code, 0x87 | 0x88) => {
                self.discard_session();
                self.retry_after_reset(req, fresh, IpmiError::CompletionCode(resp.completion_code))
                    .await
            }
            Err(e) if e.is_session_error() => {
                // Keep nothing: the BMC may have forgotten us (restart, idle timeout).
                self.discard_session();
                self.retry_after_reset(req, fresh, e).await
            }
            other => other,
        }
    }

    async fn retry_after_reset(
        &mut self,
        req: &Request,
        fresh: bool,
        err: IpmiError,
    ) -> Result<crate::rmcp_plus::IpmiResponse> {
        if fresh || !req.idempotent {
            return Err(err);
        }
        tracing::debug!(target = %self.inner.target, "session error ({err}), re-opening");
        let r = self.ensure_session().await?.exchange(req).await;
        if matches!(&r, Err(e) if e.is_session_error()) {
            self.discard_session();
        }
        r
    }

    /// Forgets the session, and asks the BMC to close it in the background: after a lost
    /// reply the BMC may still hold it, and BMCs allow only a few sessions. If the BMC has
    /// forgotten it already (restart, idle timeout), the close fails quietly.
    fn discard_session(&mut self) {
        let Some(mut session) = self.slot.session.take() else {
            return;
        };
        if let Ok(handle) = tokio::runtime::Handle::try_current() {
            handle.spawn(async move {
                let _ = tokio::time::timeout(DISCARD_CLOSE_TIMEOUT, session.close()).await;
            });
        }
    }

    /// Like `exchange`, but a non-zero completion code is an error.
    pub(crate) async fn call(&mut self, req: &Request) -> Result<Vec<u8>> {
        let resp = self.exchange(req).await?;
        if resp.completion_code != 0 {
            return Err(IpmiError::CompletionCode(resp.completion_code));
        }
        Ok(resp.data)
    }

    pub(crate) fn options(&self) -> &ConnectOptions {
        &self.inner.options
    }

    pub(crate) fn target(&self) -> &str {
        &self.inner.target
    }
}

impl BmcClient {
    /// Connects: resolves `target` (`host`, `host:port`, `[v6]:port`), opens a session with
    /// the first cipher suite the BMC accepts, raises the privilege, and starts the keepalive.
    pub async fn connect(
        target: &str,
        credentials: Credentials,
        options: ConnectOptions,
    ) -> Result<Self> {
        let deadline = options.deadline;
        let inner = Arc::new(Inner {
            target: target.to_string(),
            credentials,
            options,
            slot: Mutex::new(Slot::default()),
            requests: Arc::new(AtomicU64::new(0)),
            info: std::sync::Mutex::new(None),
        });
        let mut client = BmcClient {
            inner,
            keepalive: None,
        };
        client
            .with_deadline(async |c: &mut Conn<'_>| c.ensure_session().await.map(|_| ()))
            .await?;
        if let Some(every) = client.inner.options.keepalive {
            client.keepalive = Some(tokio::spawn(keepalive(
                Arc::downgrade(&client.inner),
                every,
            )));
        }
        let _ = deadline;
        Ok(client)
    }

    /// The target as given.
    pub fn target(&self) -> &str {
        &self.inner.target
    }

    /// Datagrams sent to this BMC so far (session setup, retries and keepalives included).
    pub fn request_count(&self) -> u64 {
        self.inner.requests.load(Ordering::Relaxed)
    }

    /// What the current (or last) session negotiated: version, cipher suite, privilege.
    pub fn session_info(&self) -> Option<SessionInfo> {
        self.inner.info.lock().ok().and_then(|g| *g)
    }

    /// Closes the session (Close Session, 22.19). The client stays usable: the next call
    /// opens a new session.
    pub async fn close(&self) -> Result<()> {
        let mut slot = self.inner.slot.lock().await;
        match slot.session.take() {
            Some(mut s) => s.close().await,
            None => Ok(()),
        }
    }

    /// Runs `f` with the session lock held, under the deadline.
    pub(crate) async fn with_deadline<T, F>(&self, f: F) -> Result<T>
    where
        F: AsyncFnOnce(&mut Conn<'_>) -> Result<T>,
    {
        let deadline = self.inner.options.deadline;
        let fut = async {
            let slot = self.inner.slot.lock().await;
            let mut conn = Conn {
                inner: &self.inner,
                slot,
            };
            f(&mut conn).await
        };
        run_with_deadline(deadline, fut).await
    }

    /// Raw command passthrough: the response's completion code is returned, not turned into
    /// an error. Never retried (we cannot know whether the command has side effects).
    pub async fn raw(&self, netfn: u8, cmd: u8, data: &[u8]) -> Result<RawResponse> {
        let req = Request::new(netfn, cmd, data.to_vec()).not_idempotent();
        self.with_deadline(async |c: &mut Conn<'_>| {
            let r = c.exchange(&req).await?;
            Ok(RawResponse {
                completion_code: r.completion_code,
                data: r.data,
            })
        })
        .await
    }
}

/// The reply to a raw command.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RawResponse {
    pub completion_code: u8,
    pub data: Vec<u8>,
}

async fn run_with_deadline<T>(
    deadline: Duration,
    fut: impl Future<Output = Result<T>>,
) -> Result<T> {
    match tokio::time::timeout(deadline, fut).await {
        Ok(r) => r,
        Err(_) => Err(IpmiError::Timeout(deadline)),
    }
}

/// Keeps the session alive: when it has been idle for `every`, send Get Device ID. Skips a
/// round if a call holds the session (that call is traffic enough). Ends with the client.
async fn keepalive(inner: Weak<Inner>, every: Duration) {
    let tick = (every / 5).max(Duration::from_millis(200));
    loop {
        tokio::time::sleep(tick).await;
        let Some(inner) = inner.upgrade() else { return };
        let Ok(mut slot) = inner.slot.try_lock() else {
            continue;
        };
        let Some(session) = slot.session.as_mut() else {
            continue;
        };
        if session.idle() < every {
            continue;
        }
        let req = Request::new(netfn::APP, 0x01, Vec::new());
        if let Err(e) = session.call(&req).await {
            tracing::debug!(target = %inner.target, "keepalive failed ({e}); session dropped");
            slot.session = None;
        }
    }
}
