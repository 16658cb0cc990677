//! Who asks for a change, for the audit log: the actor and, when known, the client address.
//! Server functions, the REST API and the fleet and control code all record the same pair.

use super::{ClientAddr, Principal};

#[derive(Clone, Debug)]
pub struct Requester {
    pub actor: String,
    pub client: Option<ClientAddr>,
}

impl Requester {
    pub fn new(principal: &Principal, client: Option<ClientAddr>) -> Self {
        Self {
            actor: principal.actor(),
            client,
        }
    }

    /// The principal of the current server-function request, with its client address.
    pub fn of(principal: &Principal) -> Self {
        Self::new(principal, Some(super::client_addr()))
    }
}
