//! Opening a session: capabilities, then the configured protocol, falling back through the
//! configured cipher suites.

use std::sync::Arc;
use std::sync::atomic::AtomicU64;

use crate::client::credentials::Credentials;
use crate::client::options::{ConnectOptions, Protocol};
use crate::error::{AuthError, IpmiError, Result};
use crate::session::{CipherSuite, Login, Session, Timing, auth_caps};
use crate::transport::Transport;

pub(crate) async fn open_session(
    target: &str,
    credentials: &Credentials,
    options: &ConnectOptions,
    counter: Arc<AtomicU64>,
) -> Result<Session> {
    let transport = Transport::connect(target, counter).await?;
    let mut session = Session::presession(
        transport,
        Timing {
            timeout: options.timeout,
            retries: options.retries,
        },
    );
    let caps = auth_caps::parse(&session.call(&auth_caps::request(options.privilege)).await?)?;
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
        match session.establish_v2(suite, &login, caps.channel).await {
            Ok(()) => return Ok(session),
            Err(IpmiError::Auth(AuthError::SuiteRejected { suite, code })) => {
                tracing::debug!(target, suite, code, "cipher suite refused, trying the next");
            }
            Err(e) => return Err(e),
        }
    }
    Err(AuthError::NoCipherSuite { tried }.into())
}
