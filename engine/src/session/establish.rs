//! RMCP+ session establishment (IPMI v2.0 section 13.15): Open Session, RAKP 1–4, then Set
//! Session Privilege Level (22.18), because sessions start at USER whatever was negotiated.

use crate::commands::request::{Request, netfn};
use crate::error::{AuthError, IpmiError, Result};
use crate::rmcp_plus::auth_alg::ct_eq;
use crate::rmcp_plus::{AuthAlg, PayloadType, SessionCrypto};
use crate::session::active::{IpmiVersion, Mode, Session, SessionInfo};
use crate::session::cipher_suite::CipherSuite;
use crate::session::open_session::{
    decode_open_session, encode_open_session, is_suite_rejection, rakp_status_name,
};
use crate::session::privilege::PrivilegeLevel;
use crate::session::rakp::{
    RakpExchange, decode_rakp2, decode_rakp4, derive_keys, encode_rakp1, encode_rakp3, role_byte,
};
use crate::session::seq_window::SeqWindow;

/// Who logs in, and how. Borrowed from `client::Credentials` for the duration of the setup.
pub struct Login<'a> {
    pub username: &'a [u8],
    pub password: &'a [u8],
    /// The BMC key K_g; `None` = use the password (the spec's default, 13.31).
    pub kg: Option<&'a [u8]>,
    pub privilege: PrivilegeLevel,
    pub name_only_lookup: bool,
}

impl Login<'_> {
    pub(crate) fn check(&self) -> Result<()> {
        if self.username.len() > 16 {
            return Err(AuthError::BadCredentials("user name longer than 16 bytes").into());
        }
        if self.password.len() > 20 {
            return Err(AuthError::BadCredentials("password longer than 20 bytes").into());
        }
        Ok(())
    }
}

pub(crate) fn random<const N: usize>() -> Result<[u8; N]> {
    let mut b = [0u8; N];
    getrandom::fill(&mut b).map_err(|e| IpmiError::Io(std::io::Error::other(e.to_string())))?;
    Ok(b)
}

fn rakp_error(code: u8, privilege: PrivilegeLevel) -> AuthError {
    match code {
        0x0D | 0x0C => AuthError::UnknownUser,
        0x09..=0x0B => AuthError::PrivilegeRefused {
            requested: privilege.name(),
            granted: None,
        },
        _ => AuthError::Rakp {
            code,
            name: rakp_status_name(code),
        },
    }
}

impl Session {
    /// Runs the RMCP+ handshake with `suite` on this pre-session, then raises the privilege.
    pub async fn establish_v2(
        &mut self,
        suite: CipherSuite,
        login: &Login<'_>,
        channel: u8,
    ) -> Result<()> {
        login.check()?;
        let [t0, t1, t2, ..] = random::<8>()?;
        let console_session_id = u32::from_le_bytes(random::<4>()?) | 1;

        // Open Session (13.17).
        let req = encode_open_session(t0, login.privilege, console_session_id, &suite);
        let resp = self
            .setup_roundtrip(
                PayloadType::OpenSessionRequest,
                &req,
                PayloadType::OpenSessionResponse,
            )
            .await?;
        let open = decode_open_session(&resp)?;
        if open.status != 0 {
            return Err(if is_suite_rejection(open.status) {
                AuthError::SuiteRejected {
                    suite: suite.id,
                    code: open.status,
                }
            } else {
                rakp_error(open.status, login.privilege)
            }
            .into());
        }
        if open.console_session_id != console_session_id || open.bmc_session_id == 0 {
            return Err(IpmiError::Protocol(
                "Open Session Response for another session".into(),
            ));
        }

        // RAKP 1 / 2 (13.20–13.21).
        let console_random = random::<16>()?;
        let role = role_byte(login.privilege.code(), login.name_only_lookup);
        let req = encode_rakp1(
            t1,
            open.bmc_session_id,
            &console_random,
            role,
            login.username,
        );
        let resp = self
            .setup_roundtrip(PayloadType::Rakp1, &req, PayloadType::Rakp2)
            .await?;
        let r2 = decode_rakp2(&resp)?;
        if r2.status != 0 {
            return Err(rakp_error(r2.status, login.privilege).into());
        }
        let ex = RakpExchange {
            console_session_id,
            bmc_session_id: open.bmc_session_id,
            console_random,
            bmc_random: r2.bmc_random,
            bmc_guid: r2.bmc_guid,
            role,
            username: login.username,
        };
        if suite.auth != AuthAlg::None {
            let expected = suite.auth.hmac(login.password, &ex.rakp2_input());
            if !ct_eq(&expected, &r2.auth_code) {
                // Tell the BMC to drop the half-open session (RAKP 3 with status 0x0F).
                let _ = self
                    .setup_send(
                        PayloadType::Rakp3,
                        &encode_rakp3(t2, 0x0F, open.bmc_session_id, &[]),
                    )
                    .await;
                return Err(AuthError::WrongPassword.into());
            }
        }

        // RAKP 3 / 4 (13.22–13.23) and the session keys (13.31–13.32).
        let keys = derive_keys(suite.auth, login.kg.unwrap_or(login.password), &ex);
        let code = suite.auth.hmac(login.password, &ex.rakp3_input());
        let req = encode_rakp3(t2, 0, open.bmc_session_id, &code);
        let resp = self
            .setup_roundtrip(PayloadType::Rakp3, &req, PayloadType::Rakp4)
            .await?;
        let r4 = decode_rakp4(&resp)?;
        if r4.status != 0 {
            return Err(rakp_error(r4.status, login.privilege).into());
        }
        if suite.auth != AuthAlg::None {
            let n = suite.auth.icv_len();
            let expected = suite.auth.hmac(&keys.sik, &ex.rakp4_input());
            if r4.icv.len() < n || !ct_eq(&expected[..n], &r4.icv[..n]) {
                return Err(AuthError::Rakp4Mismatch.into());
            }
        }

        self.mode = Mode::V2 {
            crypto: SessionCrypto {
                integrity: suite.integrity,
                k1: keys.k1,
                confidentiality: suite.confidentiality,
                k2: keys.k2,
            },
            bmc_session_id: open.bmc_session_id,
            console_session_id,
        };
        self.out_seq = 1;
        self.window = SeqWindow::default();
        self.info = Some(SessionInfo {
            version: IpmiVersion::V20,
            cipher_suite: Some(suite.id),
            privilege: PrivilegeLevel::User,
            channel,
        });
        self.raise_privilege(login.privilege).await
    }

    /// Set Session Privilege Level (22.18). Sessions start at USER (the spec's rule, and the
    /// lab's), so anything higher must be asked for; on refusal the session is closed.
    pub(crate) async fn raise_privilege(&mut self, privilege: PrivilegeLevel) -> Result<()> {
        if privilege > PrivilegeLevel::User {
            let req = Request::new(netfn::APP, 0x3B, vec![privilege.code()]);
            match self.call(&req).await {
                Ok(_) => {}
                Err(e) => {
                    let _ = self.close().await;
                    return Err(match e {
                        IpmiError::CompletionCode(0x80 | 0x81 | 0xD4) => {
                            AuthError::PrivilegeRefused {
                                requested: privilege.name(),
                                granted: None,
                            }
                            .into()
                        }
                        other => other,
                    });
                }
            }
        }
        if let Some(info) = self.info.as_mut() {
            info.privilege = privilege;
        }
        Ok(())
    }
}
