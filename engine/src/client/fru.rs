//! FRU inventory (IPMI v2.0 section 34; Platform Management FRU Information Storage
//! Definition): device 0 (the BMC's built-in FRU) plus every FRU device the SDR's FRU device
//! locators name. Logical devices behind the BMC are read in chunks and decoded by
//! `crate::decode::fru`; the others (a physical SEEPROM on a private bus, a device behind
//! another controller) are listed with the reason they were not read, never dropped.

use serde::Serialize;

use crate::client::bmc_client::{BmcClient, Conn};
use crate::client::sdr_cache::ensure_sdr_cache;
use crate::commands::fru;
use crate::decode::{
    FruDeviceLocator, FruInventory, SdrRecord, decode_fru, decode_fru_inventory_info,
};
use crate::error::{IpmiError, Result};

/// One FRU device. A device that cannot be read carries `error` instead of `inventory`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FruDevice {
    pub id: u8,
    /// "Builtin FRU Device" for device 0, else the locator's ID string.
    pub name: String,
    /// `(label, value)` pairs as `ipmitool fru print` shows them.
    pub fields: Vec<(String, String)>,
    pub inventory: Option<FruInventory>,
    pub error: Option<String>,
}

impl BmcClient {
    /// Reads and decodes every FRU device.
    pub async fn fru(&self) -> Result<Vec<FruDevice>> {
        self.with_deadline(async |c: &mut Conn<'_>| {
            let mut devices = vec![(0u8, "Builtin FRU Device".to_string(), None)];
            match ensure_sdr_cache(c).await {
                Ok(_) | Err(IpmiError::CompletionCode(_)) => {}
                Err(e) => return Err(e),
            }
            if let Some(cache) = c.slot.sdr.as_ref() {
                for r in &cache.records {
                    if let SdrRecord::FruDeviceLocator(l) = r {
                        let name = l.id_string.text.clone();
                        match unreadable_reason(l) {
                            None if l.fru_device_id == 0 => {}
                            None => devices.push((l.fru_device_id, name, None)),
                            Some(why) => devices.push((l.fru_device_id, name, Some(why))),
                        }
                    }
                }
            }
            let mut out = Vec::with_capacity(devices.len());
            for (id, name, skip) in devices {
                if let Some(why) = skip {
                    out.push(FruDevice {
                        id,
                        name,
                        fields: Vec::new(),
                        inventory: None,
                        error: Some(why),
                    });
                    continue;
                }
                let (inventory, error) = match read_fru(c, id).await {
                    Ok(bytes) => match decode_fru(&bytes) {
                        Ok(inv) => (Some(inv), None),
                        Err(e) => (None, Some(e.to_string())),
                    },
                    Err(e @ IpmiError::CompletionCode(_)) => (None, Some(e.to_string())),
                    Err(e) => return Err(e),
                };
                let fields = inventory
                    .as_ref()
                    .map(|i| {
                        i.ipmitool_fields()
                            .into_iter()
                            .map(|(k, v)| (k.to_string(), v))
                            .collect()
                    })
                    .unwrap_or_default();
                out.push(FruDevice {
                    id,
                    name,
                    fields,
                    inventory,
                    error,
                });
            }
            Ok(out)
        })
        .await
    }
}

/// Why the device a locator names is not read over this session, if it is not: only logical
/// FRU devices of the BMC itself (address 20h, LUN 0, channel 0) answer Read FRU Data here.
fn unreadable_reason(l: &FruDeviceLocator) -> Option<String> {
    let controller = l.device_access_address << 1;
    if !l.logical {
        Some(format!(
            "physical FRU device at I2C address {:#04x} on private bus {} (needs Master Write-Read; not read)",
            l.fru_device_id, l.private_bus
        ))
    } else if controller != 0x20 || l.channel != 0 || l.access_lun != 0 {
        Some(format!(
            "logical FRU device {} behind controller {controller:#04x} (channel {}, LUN {}); IPMB bridging is not supported",
            l.fru_device_id, l.channel, l.access_lun
        ))
    } else {
        None
    }
}

/// The whole inventory area of device `id`, read in chunks (shrunk on 0xCA/0xC7/0xC8).
async fn read_fru(c: &mut Conn<'_>, id: u8) -> Result<Vec<u8>> {
    let info = decode_fru_inventory_info(&c.call(&fru::get_inventory_area_info(id)).await?)?;
    let size = usize::from(info.size);
    let unit = if info.word_access { 2 } else { 1 };
    let mut chunk = usize::from(c.options().chunk_size.clamp(8, 64));
    let mut data = Vec::with_capacity(size);
    while data.len() < size {
        let want = chunk.min(size - data.len());
        let offset = u16::try_from(data.len() / unit)
            .map_err(|_| IpmiError::Protocol("FRU offset overflow".into()))?;
        let count = u8::try_from(want / unit).unwrap_or(u8::MAX).max(1);
        match c.call(&fru::read_fru_data(id, offset, count)).await {
            Ok(d) => {
                let part = fru::parse_read_fru_data(&d)?;
                if part.is_empty() {
                    break;
                }
                let take = part.len().min(size - data.len());
                data.extend_from_slice(&part[..take]);
            }
            Err(IpmiError::CompletionCode(0xCA | 0xC7 | 0xC8)) if chunk > 4 => chunk /= 2,
            Err(e) => return Err(e),
        }
    }
    Ok(data)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::sdr::decode_fru_locator;

    /// A type 11h record: controller `addr` (8-bit form), device id, byte 8, channel byte.
    fn locator(addr: u8, id: u8, byte8: u8, channel: u8) -> FruDeviceLocator {
        let mut r = vec![0x01, 0x00, 0x51, 0x11, 0x0F];
        r.extend_from_slice(&[addr, id, byte8, channel, 0, 0x10, 0, 0x03, 0x01, 0]);
        r.extend_from_slice(&[0xC4, b'T', b'E', b'S', b'T']);
        decode_fru_locator(&r).unwrap()
    }

    #[test]
    fn only_logical_devices_of_the_bmc_are_read_and_the_rest_say_why() {
        assert_eq!(unreadable_reason(&locator(0x20, 3, 0x80, 0)), None);
        let physical = unreadable_reason(&locator(0x20, 0xA0, 0x02, 0)).unwrap();
        assert!(
            physical.contains("physical") && physical.contains("private bus 2"),
            "{physical}"
        );
        let bridged = unreadable_reason(&locator(0x22, 1, 0x80, 0)).unwrap();
        assert!(
            bridged.contains("controller 0x22") && bridged.contains("bridging"),
            "{bridged}"
        );
        let lun = unreadable_reason(&locator(0x20, 1, 0x80 | 0x08, 0)).unwrap();
        assert!(lun.contains("LUN 1"), "{lun}");
    }
}
