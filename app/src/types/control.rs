//! Acting on servers: power and BMC actions, collect-now and its progress, live login tests.

use serde::{Deserialize, Serialize};

use super::ServerId;

/// Something an operator can make a server's BMC do. Each is confirmed by naming the server
/// and always audited.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ServerAction {
    PowerOn,
    PowerOff,
    /// ACPI soft shutdown: the operating system shuts down cleanly.
    PowerSoft,
    PowerCycle,
    /// Hard reset.
    PowerReset,
    /// Blink the chassis identify light for 15 s.
    Identify,
    BmcWarmReset,
    BmcColdReset,
    /// Erase the BMC's System Event Log (the stored events stay here).
    ClearSel,
}

impl ServerAction {
    pub const ALL: [ServerAction; 9] = [
        Self::PowerOn,
        Self::PowerSoft,
        Self::PowerOff,
        Self::PowerCycle,
        Self::PowerReset,
        Self::Identify,
        Self::BmcWarmReset,
        Self::BmcColdReset,
        Self::ClearSel,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::PowerOn => "power_on",
            Self::PowerOff => "power_off",
            Self::PowerSoft => "power_soft",
            Self::PowerCycle => "power_cycle",
            Self::PowerReset => "power_reset",
            Self::Identify => "identify",
            Self::BmcWarmReset => "bmc_warm_reset",
            Self::BmcColdReset => "bmc_cold_reset",
            Self::ClearSel => "clear_sel",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.as_str() == text.trim())
    }

    /// Button text.
    pub fn label(self) -> &'static str {
        match self {
            Self::PowerOn => "Power on",
            Self::PowerOff => "Power off (hard)",
            Self::PowerSoft => "Shut down (ACPI)",
            Self::PowerCycle => "Power cycle",
            Self::PowerReset => "Hard reset",
            Self::Identify => "Identify (15 s)",
            Self::BmcWarmReset => "BMC warm reset",
            Self::BmcColdReset => "BMC cold reset",
            Self::ClearSel => "Clear SEL",
        }
    }

    /// What it does, for the confirmation.
    pub fn effect(self) -> &'static str {
        match self {
            Self::PowerOn => "Turns the server on.",
            Self::PowerOff => "Cuts power at once; the operating system gets no warning.",
            Self::PowerSoft => "Asks the operating system to shut down cleanly.",
            Self::PowerCycle => "Turns power off and on again.",
            Self::PowerReset => "Resets the server at once, like the reset button.",
            Self::Identify => "Blinks the chassis identify light for 15 seconds.",
            Self::BmcWarmReset => "Restarts the BMC's firmware; the server keeps running.",
            Self::BmcColdReset => {
                "Reboots the BMC; it is unreachable for a minute or two. The server keeps running."
            }
            Self::ClearSel => {
                "Erases the BMC's event log. Events already collected stay in IPMI Monitor."
            }
        }
    }
}

/// How many failures a [`CollectionProgress`] carries (the newest; `failed` counts them all).
pub const PROGRESS_ERRORS_KEPT: usize = 10;

/// How far a requested collection (collect now, or the first round after start) has come.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CollectionProgress {
    pub total: usize,
    pub done: usize,
    /// Of the done ones, how many failed (BMC unreachable, wrong login, no login, …).
    pub failed: usize,
    /// The first collection after start-up (the dashboard shows a dialog for it).
    pub initial: bool,
    /// The server whose collection finished last (many run at once, so "the current server"
    /// is the one the collection has just reached).
    #[serde(default)]
    pub latest: Option<String>,
    /// The newest failures, oldest first, at most [`PROGRESS_ERRORS_KEPT`].
    #[serde(default)]
    pub errors: Vec<CollectionFailure>,
}

/// One server a requested collection could not collect, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CollectionFailure {
    pub server: String,
    pub error: String,
}

impl CollectionProgress {
    pub fn finished(&self) -> bool {
        self.done >= self.total
    }

    /// 0–100.
    pub fn percent(&self) -> u32 {
        if self.total == 0 {
            return 100;
        }
        let percent = self.done.min(self.total) * 100 / self.total;
        u32::try_from(percent).unwrap_or(100)
    }
}

/// How a live login to a BMC went.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LoginOutcome {
    Ok,
    WrongPassword,
    Unreachable,
    Timeout,
    /// No login stored and none given.
    NoCredentials,
    Failed,
}

impl LoginOutcome {
    pub fn label(self) -> &'static str {
        match self {
            Self::Ok => "ok",
            Self::WrongPassword => "wrong user name or password",
            Self::Unreachable => "unreachable",
            Self::Timeout => "timeout",
            Self::NoCredentials => "no login set",
            Self::Failed => "failed",
        }
    }
}

/// One server's live login test.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoginTestResult {
    pub server_id: ServerId,
    pub server_name: String,
    pub outcome: LoginOutcome,
    /// What the BMC or the network said, when it was not ok.
    pub message: Option<String>,
    pub latency_ms: u64,
    /// The cipher suite the session used.
    pub cipher_suite: Option<u8>,
}
