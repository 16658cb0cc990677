//! The authentication settings server functions need, filled in by the server's config.

use std::time::Duration;

use super::ThrottleSettings;

#[derive(Clone, Debug)]
pub struct AuthSettings {
    /// How long a browser session lasts after login.
    pub session_lifetime: Duration,
    /// Always mark the session cookie `Secure` (also done per request when a trusted proxy
    /// says the client used HTTPS).
    pub secure_cookies: bool,
    /// Lets anyone read (viewer rights) without signing in.
    pub anonymous_read: bool,
    pub throttle: ThrottleSettings,
}

impl Default for AuthSettings {
    fn default() -> Self {
        Self {
            session_lifetime: Duration::from_secs(12 * 3600),
            secure_cookies: false,
            anonymous_read: false,
            throttle: ThrottleSettings::default(),
        }
    }
}
