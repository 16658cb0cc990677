//! Sensor type codes (IPMI v2.0 table 42-3) and entity ids (table 43-13).
//!
//! Names follow ipmitool (`sensor_type_desc[]` in `lib/ipmi_sdr.c`, `entity_id_vals[]` in
//! `lib/ipmi_strings.c`) so that SEL lines match `ipmitool sel elist` ("Memory", "Power
//! Supply", "Event Logging Disabled", …).

use serde::Serialize;

/// Names for sensor types 00h–2Ch; index = code.
const SENSOR_TYPE_NAMES: [&str; 45] = [
    "reserved",
    "Temperature",
    "Voltage",
    "Current",
    "Fan",
    "Physical Security",
    "Platform Security",
    "Processor",
    "Power Supply",
    "Power Unit",
    "Cooling Device",
    "Other",
    "Memory",
    "Drive Slot / Bay",
    "POST Memory Resize",
    "System Firmwares",
    "Event Logging Disabled",
    "Watchdog1",
    "System Event",
    "Critical Interrupt",
    "Button",
    "Module / Board",
    "Microcontroller",
    "Add-in Card",
    "Chassis",
    "Chip Set",
    "Other FRU",
    "Cable / Interconnect",
    "Terminator",
    "System Boot Initiated",
    "Boot Error",
    "OS Boot",
    "OS Critical Stop",
    "Slot / Connector",
    "System ACPI Power State",
    "Watchdog2",
    "Platform Alert",
    "Entity Presence",
    "Monitor ASIC",
    "LAN",
    "Management Subsys Health",
    "Battery",
    "Session Audit",
    "Version Change",
    "FRU State",
];

/// A sensor type code (table 42-3). C0h–FFh are OEM.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct SensorType(pub u8);

impl SensorType {
    pub const TEMPERATURE: SensorType = SensorType(0x01);
    pub const VOLTAGE: SensorType = SensorType(0x02);
    pub const CURRENT: SensorType = SensorType(0x03);
    pub const FAN: SensorType = SensorType(0x04);
    pub const PHYSICAL_SECURITY: SensorType = SensorType(0x05);
    pub const PLATFORM_SECURITY: SensorType = SensorType(0x06);
    pub const PROCESSOR: SensorType = SensorType(0x07);
    pub const POWER_SUPPLY: SensorType = SensorType(0x08);
    pub const POWER_UNIT: SensorType = SensorType(0x09);
    pub const COOLING_DEVICE: SensorType = SensorType(0x0a);
    pub const OTHER_UNITS: SensorType = SensorType(0x0b);
    pub const MEMORY: SensorType = SensorType(0x0c);
    pub const DRIVE_SLOT: SensorType = SensorType(0x0d);
    pub const POST_MEMORY_RESIZE: SensorType = SensorType(0x0e);
    pub const SYSTEM_FIRMWARE_PROGRESS: SensorType = SensorType(0x0f);
    pub const EVENT_LOGGING_DISABLED: SensorType = SensorType(0x10);
    pub const WATCHDOG1: SensorType = SensorType(0x11);
    pub const SYSTEM_EVENT: SensorType = SensorType(0x12);
    pub const CRITICAL_INTERRUPT: SensorType = SensorType(0x13);
    pub const BUTTON: SensorType = SensorType(0x14);
    pub const MODULE_BOARD: SensorType = SensorType(0x15);
    pub const MICROCONTROLLER: SensorType = SensorType(0x16);
    pub const ADD_IN_CARD: SensorType = SensorType(0x17);
    pub const CHASSIS: SensorType = SensorType(0x18);
    pub const CHIP_SET: SensorType = SensorType(0x19);
    pub const OTHER_FRU: SensorType = SensorType(0x1a);
    pub const CABLE: SensorType = SensorType(0x1b);
    pub const TERMINATOR: SensorType = SensorType(0x1c);
    pub const SYSTEM_BOOT_INITIATED: SensorType = SensorType(0x1d);
    pub const BOOT_ERROR: SensorType = SensorType(0x1e);
    pub const OS_BOOT: SensorType = SensorType(0x1f);
    pub const OS_CRITICAL_STOP: SensorType = SensorType(0x20);
    pub const SLOT_CONNECTOR: SensorType = SensorType(0x21);
    pub const ACPI_POWER_STATE: SensorType = SensorType(0x22);
    pub const WATCHDOG2: SensorType = SensorType(0x23);
    pub const PLATFORM_ALERT: SensorType = SensorType(0x24);
    pub const ENTITY_PRESENCE: SensorType = SensorType(0x25);
    pub const MONITOR_ASIC: SensorType = SensorType(0x26);
    pub const LAN: SensorType = SensorType(0x27);
    pub const MANAGEMENT_SUBSYSTEM_HEALTH: SensorType = SensorType(0x28);
    pub const BATTERY: SensorType = SensorType(0x29);
    pub const SESSION_AUDIT: SensorType = SensorType(0x2a);
    pub const VERSION_CHANGE: SensorType = SensorType(0x2b);
    pub const FRU_STATE: SensorType = SensorType(0x2c);

    /// ipmitool's name: the table for 00h–2Ch, "OEM" for C0h–FFh (ipmitool looks these up
    /// per vendor and otherwise prints "Unknown"; we say OEM), "Unknown" for the reserved
    /// gap 2Dh–BFh.
    pub fn name(self) -> &'static str {
        match SENSOR_TYPE_NAMES.get(usize::from(self.0)) {
            Some(n) => n,
            None if self.is_oem() => "OEM",
            None => "Unknown",
        }
    }

    /// C0h–FFh.
    pub fn is_oem(self) -> bool {
        self.0 >= 0xc0
    }
}

impl std::fmt::Display for SensorType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// An entity id (table 43-13): what physical or logical thing a sensor or FRU belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct EntityId(pub u8);

impl EntityId {
    pub const PROCESSOR: EntityId = EntityId(0x03);
    pub const SYSTEM_BOARD: EntityId = EntityId(0x07);
    pub const MEMORY_MODULE: EntityId = EntityId(0x08);
    pub const POWER_SUPPLY: EntityId = EntityId(0x0a);
    pub const SYSTEM_CHASSIS: EntityId = EntityId(0x17);
    pub const FAN_DEVICE: EntityId = EntityId(0x1d);
    pub const COOLING_UNIT: EntityId = EntityId(0x1e);
    pub const MEMORY_DEVICE: EntityId = EntityId(0x20);
    pub const AIR_INLET: EntityId = EntityId(0x37);

    /// ipmitool's name for the id.
    pub fn name(self) -> &'static str {
        match self.0 {
            0x00 => "Unspecified",
            0x01 => "Other",
            0x02 => "Unknown",
            0x03 => "Processor",
            0x04 => "Disk or Disk Bay",
            0x05 => "Peripheral Bay",
            0x06 => "System Management Module",
            0x07 => "System Board",
            0x08 => "Memory Module",
            0x09 => "Processor Module",
            0x0a => "Power Supply",
            0x0b => "Add-in Card",
            0x0c => "Front Panel Board",
            0x0d => "Back Panel Board",
            0x0e => "Power System Board",
            0x0f => "Drive Backplane",
            0x10 => "System Internal Expansion Board",
            0x11 => "Other System Board",
            0x12 => "Processor Board",
            0x13 => "Power Unit",
            0x14 => "Power Module",
            0x15 => "Power Management",
            0x16 => "Chassis Back Panel Board",
            0x17 => "System Chassis",
            0x18 => "Sub-Chassis",
            0x19 => "Other Chassis Board",
            0x1a => "Disk Drive Bay",
            0x1b => "Peripheral Bay",
            0x1c => "Device Bay",
            0x1d => "Fan Device",
            0x1e => "Cooling Unit",
            0x1f => "Cable/Interconnect",
            0x20 => "Memory Device",
            0x21 => "System Management Software",
            0x22 => "BIOS",
            0x23 => "Operating System",
            0x24 => "System Bus",
            0x25 => "Group",
            0x26 => "Remote Management Device",
            0x27 => "External Environment",
            0x28 => "Battery",
            0x29 => "Processing Blade",
            0x2a => "Connectivity Switch",
            0x2b => "Processor/Memory Module",
            0x2c => "I/O Module",
            0x2d => "Processor/IO Module",
            0x2e => "Management Controller Firmware",
            0x2f => "IPMI Channel",
            0x30 => "PCI Bus",
            0x31 => "PCI Express Bus",
            0x32 => "SCSI Bus (parallel)",
            0x33 => "SATA/SAS Bus",
            0x34 => "Processor/Front-Side Bus",
            0x35 => "Real Time Clock(RTC)",
            0x37 | 0x40 => "Air Inlet",
            0x41 => "Processor",
            0x42 => "Baseboard/Main System Board",
            0x90..=0xaf => "Chassis-specific",
            0xb0..=0xcf => "Board-set specific",
            0xd0..=0xff => "OEM System Integrator defined",
            _ => "Reserved",
        }
    }
}

impl std::fmt::Display for EntityId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// An event/reading type code (table 42-1): 01h threshold, 02h–0Ch generic discrete, 6Fh
/// sensor-specific, 70h–7Fh OEM.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct EventReadingType(pub u8);

impl EventReadingType {
    pub const UNSPECIFIED: EventReadingType = EventReadingType(0x00);
    pub const THRESHOLD: EventReadingType = EventReadingType(0x01);
    pub const SENSOR_SPECIFIC: EventReadingType = EventReadingType(0x6f);

    /// 01h.
    pub fn is_threshold(self) -> bool {
        self.0 == 0x01
    }
    /// 02h–0Ch.
    pub fn is_generic_discrete(self) -> bool {
        (0x02..=0x0c).contains(&self.0)
    }
    /// 6Fh.
    pub fn is_sensor_specific(self) -> bool {
        self.0 == 0x6f
    }
    /// 70h–7Fh.
    pub fn is_oem(self) -> bool {
        (0x70..=0x7f).contains(&self.0)
    }
    /// Any discrete class (generic, sensor-specific or OEM).
    pub fn is_discrete(self) -> bool {
        self.is_generic_discrete() || self.is_sensor_specific() || self.is_oem()
    }
}
