//! FRU inventory commands (IPMI v2.0 section 34). The contents are decoded by
//! `crate::decode::fru`.

use super::request::{Request, netfn};
use crate::error::{IpmiError, Result};

/// Get FRU Inventory Area Info (34.1).
pub fn get_inventory_area_info(fru_id: u8) -> Request {
    Request::new(netfn::STORAGE, 0x10, vec![fru_id])
}

/// Read FRU Data (34.2): `count` bytes from `offset`.
pub fn read_fru_data(fru_id: u8, offset: u16, count: u8) -> Request {
    let mut d = vec![fru_id];
    d.extend_from_slice(&offset.to_le_bytes());
    d.push(count);
    Request::new(netfn::STORAGE, 0x11, d)
}

/// The bytes of a Read FRU Data reply (count byte first).
pub fn parse_read_fru_data(d: &[u8]) -> Result<&[u8]> {
    let (&n, rest) = d
        .split_first()
        .ok_or_else(|| IpmiError::Protocol("empty Read FRU Data reply".into()))?;
    rest.get(..usize::from(n))
        .ok_or_else(|| IpmiError::Protocol("Read FRU Data count beyond the reply".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn framing() {
        assert_eq!(read_fru_data(2, 0x0102, 16).data, [2, 2, 1, 16]);
        assert_eq!(parse_read_fru_data(&[2, 9, 8, 7]).unwrap(), [9, 8]);
        assert!(parse_read_fru_data(&[5, 1]).is_err());
    }
}
