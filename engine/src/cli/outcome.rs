//! What one command produced on one BMC, ready to print as text or JSON.

use serde::Serialize;

use crate::client::{DeviceInfo, FruDevice, RawResponse, SelBatch, SensorValue};
use crate::commands::lan::LanInfo;
use crate::commands::{ChassisStatus, PowerAction};
use crate::session::SessionInfo;

#[derive(Debug, Serialize)]
#[serde(tag = "command", rename_all = "kebab-case")]
pub(crate) enum Outcome {
    Info {
        device: DeviceInfo,
        session: Option<SessionInfo>,
        lan: Option<LanInfo>,
    },
    Sensors {
        sensors: Vec<SensorValue>,
    },
    Sel {
        #[serde(flatten)]
        batch: SelBatch,
    },
    Fru {
        devices: Vec<FruDevice>,
    },
    Chassis {
        #[serde(flatten)]
        status: ChassisStatus,
    },
    Power {
        action: PowerAction,
    },
    SelClear {},
    Raw {
        #[serde(flatten)]
        response: RawResponse,
    },
}

/// One line of `--json` output.
#[derive(Debug, Serialize)]
pub(crate) struct HostResult<'a> {
    pub host: &'a str,
    pub ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub result: Option<&'a Outcome>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// Datagrams sent to this BMC for the command (session setup included).
    pub requests: u64,
    pub elapsed_ms: u64,
}
