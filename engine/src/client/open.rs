//! Opening a session: capabilities, then the configured protocol, falling back through the
//! configured cipher suites.

use std::sync::Arc;
use std::sync::atomic::AtomicU64;

use crate::client::credentials::Credentials;
use crate::client::options::{ConnectOptions, Protocol};
use crate::error::{AuthError, IpmiError, Result};
use crate::session::{CipherSuite, Login, Session, Timing, auth_caps};
use crate::transport::Transport;

/// Full handshake restarts after a transient failure.
const HANDSHAKE_RESTARTS: u32 = 2;

/// Failures a fresh handshake may not hit again: loss (timeout), and the statuses a BMC
/// gives when it saw a retransmitted RAKP message for a session it already advanced.
fn is_transient(e: &IpmiError) -> bool {
    matches!(
        e,
        IpmiError::Timeout(_)
            | IpmiError::Protocol(_)
            | IpmiError::Auth(AuthError::Rakp4Mismatch)
            | IpmiError::Auth(AuthError::Rakp {
                code: 0x02 | 0x08 | 0x0F,
                ..
            })
    )
}

pub(crate) async fn open_session(
    target: &str,
    credentials: &Credentials,
    options: &ConnectOptions,
    counter: Arc<AtomicU64>,
) -> Result<Session> {
    let timing = Timing {
        timeout: options.timeout,
        retries: options.retries,
    };
    // A name may resolve to several addresses (::1 and 127.0.0.1 for localhost): use the
    // first one that answers Get Channel Authentication Capabilities.
    let mut last_err = None;
    let mut found = None;
    for addr in Transport::resolve(target).await? {
        let transport = Transport::connect_addr(addr, counter.clone()).await?;
        let mut session = Session::presession(transport, timing);
        match session.call(&auth_caps::request(options.privilege)).await {
            Ok(d) => {
                found = Some((session, auth_caps::parse(&d)?));
                break;
            }
            Err(e @ IpmiError::Unreachable(_)) => last_err = Some(e),
            Err(e) => return Err(e),
        }
    }
    let (mut session, caps) = match (found, last_err) {
        (Some(f), _) => f,
        (None, Some(e)) => return Err(e),
        (None, None) => return Err(IpmiError::Unreachable(format!("{target} has no address"))),
    };
    let login = Login {
        username: credentials.username.as_bytes(),
        password: credentials.password.expose(),
        kg: credentials.kg.as_ref().map(|k| k.expose()),
        privilege: options.privilege,
        name_only_lookup: options.name_only_lookup,
    };
    match options.protocol {
        Protocol::V15(auth) => {
            session.establish_v15(auth, &login, caps.channel).await?;
            return Ok(session);
        }
        Protocol::V20 if !caps.ipmi20 => {
            return Err(IpmiError::Unsupported(
                "the BMC does not support IPMI 2.0 (RMCP+); use IPMI 1.5".into(),
            ));
        }
        Protocol::V20 => {}
    }
    let mut tried = Vec::new();
    for &id in &options.cipher_suites {
        let Some(suite) = CipherSuite::from_id(id) else {
            tracing::debug!(suite = id, "cipher suite not implemented, skipping");
            continue;
        };
        tried.push(id);
        // A lost RAKP message cannot always be repaired by resending it (the BMC may have
        // moved on), so a handshake that fails for a transient reason starts over.
        let mut attempt = 0;
        loop {
            match session.establish_v2(suite, &login, caps.channel).await {
                Ok(()) => return Ok(session),
                Err(IpmiError::Auth(AuthError::SuiteRejected { suite, code })) => {
                    tracing::debug!(target, suite, code, "cipher suite refused, trying the next");
                    break;
                }
                Err(e) if attempt < HANDSHAKE_RESTARTS && is_transient(&e) => {
                    attempt += 1;
                    tracing::debug!(target, attempt, "session setup failed ({e}), starting over");
                }
                Err(e) => return Err(e),
            }
        }
    }
    Err(AuthError::NoCipherSuite { tried }.into())
}
