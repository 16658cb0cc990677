//! Calendar arithmetic for IPMI timestamps, without a date library.
//!
//! SEL timestamps are seconds since 1970-01-01 UTC (IPMI v2.0 §37); FRU board dates are
//! minutes since 1996-01-01 00:00 UTC (FRU spec §11). Only formatting needs a calendar, so a
//! few lines of civil-date conversion (days ↔ y/m/d) suffice.

use serde::Serialize;

/// A broken-down UTC time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct UtcTime {
    pub year: i64,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
    /// 0 = Sunday … 6 = Saturday.
    pub weekday: u8,
}

/// Seconds between 1970-01-01 and 1996-01-01 (the FRU epoch).
pub const FRU_EPOCH_UNIX: i64 = 820_454_400;

impl UtcTime {
    /// Breaks down Unix seconds.
    pub fn from_unix(secs: i64) -> Self {
        let days = secs.div_euclid(86_400);
        let rem = secs.rem_euclid(86_400);
        // Civil-from-days (proleptic Gregorian), era-based.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = yoe + era * 400 + i64::from(month <= 2);
        UtcTime {
            year,
            month,
            day,
            hour: (rem / 3600) as u8,
            minute: (rem % 3600 / 60) as u8,
            second: (rem % 60) as u8,
            weekday: (days + 4).rem_euclid(7) as u8,
        }
    }

    /// `MM/DD/YY` as ipmitool prints SEL dates.
    pub fn ipmitool_date(&self) -> String {
        format!(
            "{:02}/{:02}/{:02}",
            self.month,
            self.day,
            self.year.rem_euclid(100)
        )
    }

    /// `HH:MM:SS UTC` as ipmitool prints SEL times (with `TZ` unset).
    pub fn ipmitool_time(&self) -> String {
        format!("{:02}:{:02}:{:02} UTC", self.hour, self.minute, self.second)
    }

    /// `Mon Mar 18 09:30:00 2024 UTC`, the asctime-like form ipmitool uses for FRU dates.
    pub fn asctime_utc(&self) -> String {
        const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
        const MONTHS: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        let wd = DAYS
            .get(usize::from(self.weekday))
            .copied()
            .unwrap_or("???");
        let mo = MONTHS
            .get(usize::from(self.month.saturating_sub(1)))
            .copied()
            .unwrap_or("???");
        format!(
            "{wd} {mo} {:2} {:02}:{:02}:{:02} {} UTC",
            self.day, self.hour, self.minute, self.second, self.year
        )
    }

    /// ISO 8601 (`2024-03-18T09:30:00Z`).
    pub fn iso8601(&self) -> String {
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
            self.year, self.month, self.day, self.hour, self.minute, self.second
        )
    }
}
