//! Sensor commands (IPMI v2.0 section 35). Replies are decoded by `crate::decode::reading`
//! and `crate::decode::conversion`; these only build requests, with the sensor owner's LUN
//! as the responder LUN (35.2: sensor numbers are per LUN).

use super::request::{Request, netfn};

/// Get Sensor Reading (35.14).
pub fn get_sensor_reading(sensor: u8, lun: u8) -> Request {
    Request::new(netfn::SENSOR_EVENT, 0x2D, vec![sensor]).with_lun(lun)
}

/// Get Sensor Thresholds (35.9).
pub fn get_sensor_thresholds(sensor: u8, lun: u8) -> Request {
    Request::new(netfn::SENSOR_EVENT, 0x27, vec![sensor]).with_lun(lun)
}

/// Get Sensor Hysteresis (35.7); the second byte is reserved and must be 0xFF.
pub fn get_sensor_hysteresis(sensor: u8, lun: u8) -> Request {
    Request::new(netfn::SENSOR_EVENT, 0x25, vec![sensor, 0xFF]).with_lun(lun)
}

/// Get Sensor Reading Factors (35.5) for non-linear sensors (linearization 0x70): the
/// factors that apply at raw reading `raw`.
pub fn get_sensor_reading_factors(sensor: u8, raw: u8, lun: u8) -> Request {
    Request::new(netfn::SENSOR_EVENT, 0x23, vec![sensor, raw]).with_lun(lun)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lun_goes_to_the_request() {
        let r = get_sensor_reading(0x30, 1);
        assert_eq!(
            (r.netfn, r.cmd, r.lun, r.data.as_slice()),
            (0x04, 0x2D, 1, &[0x30u8][..])
        );
        assert_eq!(get_sensor_hysteresis(1, 0).data, [1, 0xFF]);
    }
}
