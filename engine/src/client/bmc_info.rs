//! Device, chassis, power, DCMI and LAN calls on `BmcClient`.

use serde::Serialize;

use crate::client::bmc_client::{BmcClient, Conn};
use crate::commands::chassis::{self, ChassisStatus, PowerAction};
use crate::commands::dcmi::{self, PowerReading};
use crate::commands::device::{self, DeviceId, SelfTest};
use crate::commands::lan::{self, LanInfo};
use crate::error::{IpmiError, Result};

/// Get Device ID plus the self test result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeviceInfo {
    #[serde(flatten)]
    pub device: DeviceId,
    pub self_test: Option<SelfTest>,
}

impl BmcClient {
    /// Get Device ID (20.1) and Get Self Test Results (20.4).
    pub async fn device_info(&self) -> Result<DeviceInfo> {
        self.with_deadline(async |c: &mut Conn<'_>| {
            let device = device::parse_device_id(&c.call(&device::get_device_id()).await?)?;
            let self_test = match c.call(&device::get_self_test_results()).await {
                Ok(d) => Some(device::parse_self_test(&d)?),
                Err(IpmiError::CompletionCode(_)) => None,
                Err(e) => return Err(e),
            };
            Ok(DeviceInfo { device, self_test })
        })
        .await
    }

    /// Get Chassis Status (28.2).
    pub async fn chassis_status(&self) -> Result<ChassisStatus> {
        self.with_deadline(async |c: &mut Conn<'_>| {
            chassis::parse_chassis_status(&c.call(&chassis::get_chassis_status()).await?)
        })
        .await
    }

    /// Chassis Control (28.3). Sent once, never retried; needs OPERATOR privilege or more.
    pub async fn power(&self, action: PowerAction) -> Result<()> {
        self.with_deadline(async |c: &mut Conn<'_>| {
            c.call(&chassis::chassis_control(action)).await.map(|_| ())
        })
        .await
    }

    /// Chassis Identify (28.5) for `seconds` (0 = off), or until turned off with `force`.
    pub async fn identify(&self, seconds: u8, force: bool) -> Result<()> {
        self.with_deadline(async |c: &mut Conn<'_>| {
            c.call(&chassis::chassis_identify(seconds, force))
                .await
                .map(|_| ())
        })
        .await
    }

    /// DCMI Get Power Reading. BMCs without DCMI answer 0xC1 (`CompletionCode`).
    pub async fn power_reading(&self) -> Result<PowerReading> {
        self.with_deadline(async |c: &mut Conn<'_>| {
            dcmi::parse_power_reading(&c.call(&dcmi::get_power_reading()).await?)
        })
        .await
    }

    /// The BMC's LAN settings on the channel the session runs on (23.2). Parameters the BMC
    /// does not support are `None`.
    pub async fn lan_info(&self) -> Result<LanInfo> {
        let channel = self.session_info().map(|i| i.channel).unwrap_or(1);
        self.with_deadline(async move |c: &mut Conn<'_>| {
            let mut info = LanInfo {
                channel,
                ip_address: None,
                subnet_mask: None,
                default_gateway: None,
                ip_source: None,
                mac_address: None,
            };
            macro_rules! param {
                ($p:expr, $parse:path) => {
                    match c.call(&lan::get_lan_config(channel, $p)).await {
                        Ok(d) => $parse(&d).ok(),
                        Err(IpmiError::CompletionCode(_)) => None,
                        Err(e) => return Err(e),
                    }
                };
            }
            info.ip_address = param!(lan::PARAM_IP_ADDRESS, lan::ipv4);
            info.subnet_mask = param!(lan::PARAM_SUBNET_MASK, lan::ipv4);
            info.default_gateway = param!(lan::PARAM_DEFAULT_GATEWAY, lan::ipv4);
            info.ip_source = param!(lan::PARAM_IP_SOURCE, lan::ip_source);
            info.mac_address = param!(lan::PARAM_MAC_ADDRESS, lan::mac);
            Ok(info)
        })
        .await
    }

    /// BMC Cold Reset (20.2): the BMC reboots and forgets the session.
    pub async fn bmc_cold_reset(&self) -> Result<()> {
        self.with_deadline(async |c: &mut Conn<'_>| c.call(&device::cold_reset()).await.map(|_| ()))
            .await
    }

    /// BMC Warm Reset (20.3).
    pub async fn bmc_warm_reset(&self) -> Result<()> {
        self.with_deadline(async |c: &mut Conn<'_>| c.call(&device::warm_reset()).await.map(|_| ()))
            .await
    }
}
