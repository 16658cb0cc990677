//! Severity of a SEL system event, decided from what the event means.
//!
//! The rules follow the meaning of each offset in IPMI v2.0 tables 42-2/42-3:
//! * deassertions are Info (the condition went away; the matching assertion carried the
//!   severity);
//! * threshold events: leaving the normal range past a non-critical threshold is a Warning,
//!   past a critical or non-recoverable one Critical; the return edges ("Lower Critical
//!   going high") are Info;
//! * discrete events: failures that stop or endanger the machine (uncorrectable ECC, PSU
//!   failure, AC lost, thermal trip, IERR, fatal bus errors) are Critical; degraded but
//!   running states (correctable ECC, predictive failure, redundancy degraded, throttling,
//!   watchdog actions) are Warning; chassis intrusion is Critical (a security breach);
//!   presence, state changes and informational events are Info.
//!
//! For assertions this agrees with FreeIPMI's default interpretation
//! (`ipmi-sel --output-event-state`) on every lab event except FRU state changes.

use super::event_text::Threshold;
use super::sel::{EventDirection, Severity, SystemEvent};

use Severity::{Critical as C, Info as I, Warning as W};

/// The severity of `e`.
pub fn severity(e: &SystemEvent) -> Severity {
    if e.direction == EventDirection::Deassertion {
        return I;
    }
    let off = e.offset;
    let t = e.event_type.0;
    match t {
        0x01 => match e.threshold_event() {
            Some(te) if te.is_excursion() => match te.threshold {
                Threshold::LowerNonCritical | Threshold::UpperNonCritical => W,
                _ => C,
            },
            _ => I,
        },
        // Digital discrete: predictive failure, limit exceeded, performance lags.
        0x04..=0x06 => {
            if off == 1 {
                W
            } else {
                I
            }
        }
        // Severity states.
        0x07 => match off {
            1 | 4 => W,
            2 | 3 | 5 | 6 => C,
            _ => I,
        },
        // Availability: off line, degraded, install error.
        0x0a => match off {
            4 | 6 | 8 => W,
            _ => I,
        },
        // Redundancy.
        0x0b => match off {
            1 | 5 => C,
            2 | 3 | 4 | 6 | 7 => W,
            _ => I,
        },
        0x6f => sensor_specific(e.sensor_type.0, off),
        _ => I,
    }
}

fn sensor_specific(sensor_type: u8, off: u8) -> Severity {
    match (sensor_type, off) {
        // Physical security: an opened chassis, bay, card area, processor area or fan
        // area is a security breach (FreeIPMI rates it Critical too); LAN unplug and an
        // unauthorized dock are warnings.
        (0x05, 0..=3) | (0x05, 6) => C,
        (0x05, 4) | (0x05, 5) => W,
        // Platform security violations.
        (0x06, 0..=5) => W,
        // Processor: IERR, thermal trip, FRB1-3, config error, uncorrectable CPU errors.
        (0x07, 0..=6) | (0x07, 0x0b) => C,
        (0x07, 0x08) | (0x07, 0x0a) | (0x07, 0x0c) => W,
        // Power supply: failure, AC lost, AC lost or out of range.
        (0x08, 1) | (0x08, 3) | (0x08, 4) => C,
        (0x08, 2) | (0x08, 5) | (0x08, 6) => W,
        // Power unit: 240VA power down, AC lost, soft-power failure, failure.
        (0x09, 2) | (0x09, 4) | (0x09, 5) | (0x09, 6) => C,
        (0x09, 3) | (0x09, 7) => W,
        // Memory: uncorrectable ECC, parity, scrub failed, critical overtemperature.
        (0x0c, 1) | (0x0c, 2) | (0x0c, 3) | (0x0c, 0x0a) => C,
        (0x0c, 0) | (0x0c, 4) | (0x0c, 5) | (0x0c, 7) | (0x0c, 9) => W,
        // Drive slot: fault, in critical/failed array.
        (0x0d, 1) | (0x0d, 5) | (0x0d, 6) => C,
        (0x0d, 2) | (0x0d, 7) | (0x0d, 8) => W,
        // System firmware: error and hang.
        (0x0f, 0) | (0x0f, 1) => C,
        // Event logging: everything but "log area reset/cleared" loses events.
        (0x10, 2) => I,
        (0x10, 0..=6) => W,
        // Watchdog 1: every action it took.
        (0x11, 0..=7) => W,
        // System event: undetermined hardware failure.
        (0x12, 2) => C,
        // Critical interrupt.
        (0x13, 3) | (0x13, 7) | (0x13, 0x0b) => W,
        (0x13, 0..=0x0a) => C,
        // Boot error.
        (0x1e, 0..=4) => W,
        // OS critical stop: during load or run-time (panic); agent not responding.
        (0x20, 0) | (0x20, 1) => C,
        (0x20, 5) => W,
        // Slot/connector fault.
        (0x21, 0) => C,
        // Watchdog 2 actions.
        (0x23, 0..=3) => W,
        // Entity presence: absent, disabled.
        (0x25, 1) | (0x25, 2) => W,
        // LAN heartbeat lost.
        (0x27, 0) => W,
        // Management subsystem health: controller offline/unavailable.
        (0x28, 2) | (0x28, 3) => C,
        (0x28, 0) | (0x28, 1) | (0x28, 4) | (0x28, 5) => W,
        // Battery: failed; low.
        (0x29, 1) => C,
        (0x29, 0) => W,
        // Version change: incompatibilities.
        (0x2b, 2..=5) => W,
        _ => I,
    }
}
