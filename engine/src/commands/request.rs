//! A request as the session layer sends it.

/// Network function codes (IPMI v2.0 section 5.1, table 5-1).
pub mod netfn {
    pub const CHASSIS: u8 = 0x00;
    pub const SENSOR_EVENT: u8 = 0x04;
    pub const APP: u8 = 0x06;
    pub const STORAGE: u8 = 0x0A;
    pub const TRANSPORT: u8 = 0x0C;
    /// Group extension (DCMI uses group 0xDC, DCMI 1.5 section 6.1).
    pub const GROUP_EXT: u8 = 0x2C;
}

/// One IPMI request. `idempotent` decides whether the session layer may resend it after a
/// timeout: a lost reply to Chassis Control or Clear SEL must not make us do it twice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub netfn: u8,
    pub cmd: u8,
    /// Responder LUN (sensors may live behind LUN 1–3; section 35.2).
    pub lun: u8,
    pub data: Vec<u8>,
    pub idempotent: bool,
}

impl Request {
    /// An idempotent request to LUN 0.
    pub fn new(netfn: u8, cmd: u8, data: impl Into<Vec<u8>>) -> Self {
        Request {
            netfn,
            cmd,
            lun: 0,
            data: data.into(),
            idempotent: true,
        }
    }

    /// Marks the request as having side effects: it is sent once, never retried.
    pub fn not_idempotent(mut self) -> Self {
        self.idempotent = false;
        self
    }

    pub fn with_lun(mut self, lun: u8) -> Self {
        self.lun = lun & 0x03;
        self
    }
}
