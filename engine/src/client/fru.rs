//! FRU inventory (IPMI v2.0 section 34; Platform Management FRU Information Storage
//! Definition): device 0 (the BMC's built-in FRU) plus every logical FRU device the SDR's FRU
//! device locators name, each read in chunks and decoded by `crate::decode::fru`.

use serde::Serialize;

use crate::client::bmc_client::{BmcClient, Conn};
use crate::client::sdr_cache::ensure_sdr_cache;
use crate::commands::fru;
use crate::decode::{FruInventory, SdrRecord, decode_fru, decode_fru_inventory_info};
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
            let mut devices = vec![(0u8, "Builtin FRU Device".to_string())];
            match ensure_sdr_cache(c).await {
                Ok(_) | Err(IpmiError::CompletionCode(_)) => {}
                Err(e) => return Err(e),
            }
            if let Some(cache) = c.slot.sdr.as_ref() {
                for r in &cache.records {
                    if let SdrRecord::FruDeviceLocator(l) = r
                        && l.logical
                        && l.device_access_address << 1 == 0x20
                        && l.fru_device_id != 0
                    {
                        devices.push((l.fru_device_id, l.id_string.text.clone()));
                    }
                }
            }
            let mut out = Vec::with_capacity(devices.len());
            for (id, name) in devices {
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
