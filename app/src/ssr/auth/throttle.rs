//! Login throttling: too many failed logins from one client lock that client out for a while.
//! In memory on purpose: a restart forgets the counts, which costs an attacker a restart they
//! cannot cause, and keeps a flood of bad logins from turning into a flood of database writes.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ThrottleSettings {
    /// Failures within `window` that trigger a lockout.
    pub max_failures: u32,
    pub window: Duration,
    pub lockout: Duration,
}

impl Default for ThrottleSettings {
    fn default() -> Self {
        Self {
            max_failures: 5,
            window: Duration::from_secs(5 * 60),
            lockout: Duration::from_secs(15 * 60),
        }
    }
}

#[derive(Default)]
struct ClientRecord {
    failures: VecDeque<Instant>,
    locked_until: Option<Instant>,
}

/// Shared failure counts per client address.
#[derive(Clone, Default)]
pub struct LoginThrottle {
    settings: ThrottleSettings,
    clients: Arc<Mutex<HashMap<IpAddr, ClientRecord>>>,
}

impl std::fmt::Debug for LoginThrottle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LoginThrottle")
            .field("settings", &self.settings)
            .finish_non_exhaustive()
    }
}

/// Upper bound on remembered clients, so a spray of addresses cannot exhaust memory.
const MAX_CLIENTS: usize = 100_000;

impl LoginThrottle {
    pub fn new(settings: ThrottleSettings) -> Self {
        Self {
            settings,
            clients: Arc::default(),
        }
    }

    /// `Err(remaining)` while `client` is locked out.
    pub fn check(&self, client: IpAddr, now: Instant) -> Result<(), Duration> {
        let mut clients = self.lock();
        let Some(record) = clients.get_mut(&client) else {
            return Ok(());
        };
        match record.locked_until {
            Some(until) if until > now => Err(until - now),
            Some(_) => {
                clients.remove(&client);
                Ok(())
            }
            None => Ok(()),
        }
    }

    /// Counts a failed login; returns the lockout it started, if this one was the last straw.
    pub fn record_failure(&self, client: IpAddr, now: Instant) -> Option<Duration> {
        let mut clients = self.lock();
        if clients.len() >= MAX_CLIENTS && !clients.contains_key(&client) {
            let window = self.settings.window;
            clients.retain(|_, r| {
                r.locked_until.is_some_and(|u| u > now)
                    || r.failures
                        .back()
                        .is_some_and(|t| now.duration_since(*t) < window)
            });
        }
        let record = clients.entry(client).or_default();
        while record
            .failures
            .front()
            .is_some_and(|t| now.duration_since(*t) >= self.settings.window)
        {
            record.failures.pop_front();
        }
        record.failures.push_back(now);
        if record.failures.len() >= self.settings.max_failures as usize {
            record.failures.clear();
            record.locked_until = Some(now + self.settings.lockout);
            Some(self.settings.lockout)
        } else {
            None
        }
    }

    /// A successful login forgets earlier failures.
    pub fn record_success(&self, client: IpAddr) {
        self.lock().remove(&client);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<IpAddr, ClientRecord>> {
        match self.clients.lock() {
            Ok(guard) => guard,
            Err(poisoned) => poisoned.into_inner(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(last: u8) -> IpAddr {
        IpAddr::from([127, 0, 0, last])
    }

    #[test]
    fn five_failures_in_the_window_lock_the_client_out_until_it_expires() {
        let throttle = LoginThrottle::new(ThrottleSettings::default());
        let start = Instant::now();
        for i in 0..4 {
            assert_eq!(
                throttle.record_failure(ip(1), start + Duration::from_secs(i)),
                None
            );
            assert!(throttle.check(ip(1), start).is_ok());
        }
        let lockout = throttle.record_failure(ip(1), start + Duration::from_secs(4));
        assert_eq!(lockout, Some(Duration::from_secs(900)));
        let remaining = throttle
            .check(ip(1), start + Duration::from_secs(10))
            .unwrap_err();
        assert_eq!(remaining, Duration::from_secs(894));
        assert!(
            throttle.check(ip(2), start).is_ok(),
            "other clients are not affected"
        );
        assert!(
            throttle
                .check(ip(1), start + Duration::from_secs(905))
                .is_ok()
        );
    }

    #[test]
    fn failures_older_than_the_window_do_not_count() {
        let throttle = LoginThrottle::new(ThrottleSettings::default());
        let start = Instant::now();
        for i in 0..4 {
            throttle.record_failure(ip(1), start + Duration::from_secs(i * 100));
        }
        // The first failure (t=0) has left the 300 s window by t=400.
        assert_eq!(
            throttle.record_failure(ip(1), start + Duration::from_secs(400)),
            None
        );
        assert!(
            throttle
                .check(ip(1), start + Duration::from_secs(400))
                .is_ok()
        );
    }

    #[test]
    fn success_clears_the_count() {
        let throttle = LoginThrottle::new(ThrottleSettings::default());
        let now = Instant::now();
        for _ in 0..4 {
            throttle.record_failure(ip(1), now);
        }
        throttle.record_success(ip(1));
        assert_eq!(throttle.record_failure(ip(1), now), None);
    }
}
