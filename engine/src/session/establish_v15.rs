//! IPMI 1.5 sessions for BMCs that predate RMCP+ (section 22.15–22.17): Get Session
//! Challenge, Activate Session with MD5 or the straight password, then Set Session Privilege.
//! Inbound AuthCodes are not verified (the BMC's packet is matched by session ID, sequence
//! and rqSeq), as ipmitool does.

use crate::commands::completion::completion_code_name;
use crate::commands::request::{Request, netfn};
use crate::error::{AuthError, IpmiError, Result};
use crate::rmcp_plus::AuthType;
use crate::session::active::{IpmiVersion, Mode, Session, SessionInfo};
use crate::session::establish::{Login, random};
use crate::session::privilege::PrivilegeLevel;
use crate::session::seq_window::SeqWindow;

impl Session {
    pub async fn establish_v15(
        &mut self,
        auth: AuthType,
        login: &Login<'_>,
        channel: u8,
    ) -> Result<()> {
        login.check()?;
        if login.password.len() > 16 {
            return Err(
                AuthError::BadCredentials("IPMI 1.5 passwords are at most 16 bytes").into(),
            );
        }
        let mut user16 = [0u8; 16];
        user16[..login.username.len()].copy_from_slice(login.username);
        let mut password16 = [0u8; 16];
        password16[..login.password.len()].copy_from_slice(login.password);

        // Get Session Challenge (22.16), outside a session.
        let mut data = vec![auth.id()];
        data.extend_from_slice(&user16);
        let challenge = match self.call(&Request::new(netfn::APP, 0x39, data)).await {
            Ok(d) if d.len() >= 20 => d,
            Ok(_) => {
                return Err(IpmiError::Protocol(
                    "short Get Session Challenge reply".into(),
                ));
            }
            Err(IpmiError::CompletionCode(0x81 | 0x82)) => {
                return Err(AuthError::UnknownUser.into());
            }
            Err(e) => return Err(e),
        };
        let temp_id = u32::from_le_bytes([challenge[0], challenge[1], challenge[2], challenge[3]]);

        // Activate Session (22.17), inside the temporary session with sequence 0.
        self.mode = Mode::V15 {
            auth,
            session_id: temp_id,
            password16,
        };
        self.out_seq = 0;
        let initial_outbound = u32::from_le_bytes(random::<4>()?) | 1;
        let mut data = vec![auth.id(), login.privilege.code()];
        data.extend_from_slice(&challenge[4..20]);
        data.extend_from_slice(&initial_outbound.to_le_bytes());
        let activated = match self
            .call(&Request::new(netfn::APP, 0x3A, data).not_idempotent())
            .await
        {
            Ok(d) if d.len() >= 10 => d,
            Ok(_) => {
                self.mode = Mode::PreSession;
                return Err(IpmiError::Protocol("short Activate Session reply".into()));
            }
            Err(e) => {
                self.mode = Mode::PreSession;
                return Err(match e {
                    IpmiError::CompletionCode(code) => AuthError::Activation {
                        code,
                        name: completion_code_name(code),
                    }
                    .into(),
                    // A wrong password makes the BMC drop the packet silently.
                    IpmiError::Timeout(_) => AuthError::WrongPassword.into(),
                    other => other,
                });
            }
        };
        let session_id =
            u32::from_le_bytes([activated[1], activated[2], activated[3], activated[4]]);
        let inbound = u32::from_le_bytes([activated[5], activated[6], activated[7], activated[8]]);
        self.mode = Mode::V15 {
            auth,
            session_id,
            password16,
        };
        self.out_seq = inbound.max(1);
        self.window = SeqWindow::default();
        self.info = Some(SessionInfo {
            version: IpmiVersion::V15,
            cipher_suite: None,
            privilege: PrivilegeLevel::User,
            channel,
        });
        self.raise_privilege(login.privilege).await
    }
}
