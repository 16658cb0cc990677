//! The requester of a fleet change, for the audit log.

use crate::ssr::auth::{self, Principal};
use crate::ssr::fleet::ServerChange;

pub(super) fn change_by(principal: &Principal) -> ServerChange {
    ServerChange {
        actor: principal.actor(),
        client: Some(auth::client_addr()),
    }
}
