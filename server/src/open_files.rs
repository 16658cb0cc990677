//! The open-file limit, raised at start-up.
//!
//! Every polled BMC keeps its session (one UDP socket) open between polls, so a fleet of a
//! thousand BMCs needs over a thousand descriptors, plus the database and the browsers'
//! connections (the 1,000-BMC benchmark holds 1,015). Many service managers start processes
//! with a soft limit of 1024 and a far higher hard limit; any process may raise its soft limit
//! up to the hard one, so the server does, instead of failing sessions at BMC number ~1,000.

use nix::sys::resource::{Resource, getrlimit, setrlimit};

/// What raising the limit did.
#[derive(Debug, PartialEq, Eq)]
pub enum OpenFileLimit {
    Raised {
        from: u64,
        to: u64,
    },
    /// The soft limit was the hard limit already.
    AtMaximum(u64),
}

/// Sets the soft open-file limit to the hard limit.
pub fn raise_open_file_limit() -> Result<OpenFileLimit, nix::Error> {
    let (soft, hard) = getrlimit(Resource::RLIMIT_NOFILE)?;
    if soft >= hard {
        return Ok(OpenFileLimit::AtMaximum(soft));
    }
    setrlimit(Resource::RLIMIT_NOFILE, hard, hard)?;
    Ok(OpenFileLimit::Raised {
        from: soft,
        to: hard,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn afterwards_the_soft_limit_is_the_hard_limit() {
        raise_open_file_limit().unwrap();
        let (soft, hard) = getrlimit(Resource::RLIMIT_NOFILE).unwrap();
        assert_eq!(soft, hard);
        assert!(matches!(
            raise_open_file_limit().unwrap(),
            OpenFileLimit::AtMaximum(limit) if limit == hard
        ));
    }
}
