//! Builds the exposition text from the database and the collector's counters.

use std::collections::BTreeMap;
use std::fmt::Write;

use app::entities::{sel_event, sensor, server, server_status};
use sea_orm::{
    ColumnTrait, DatabaseConnection, DbErr, EntityTrait, FromQueryResult, QueryFilter, QuerySelect,
};

use super::poll_metrics::PollMetricsSnapshot;

/// The whole `/metrics` page.
pub async fn render_metrics(
    db: &DatabaseConnection,
    polls: PollMetricsSnapshot,
) -> Result<String, DbErr> {
    let servers: BTreeMap<i64, String> = server::Entity::find()
        .filter(server::Column::Lifecycle.eq("active"))
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.id, s.name))
        .collect();
    let statuses = server_status::Entity::find().all(db).await?;
    let sensors = sensor::Entity::find().all(db).await?;
    let events = events_by_severity(db).await?;

    let mut out = Families::default();
    for status in &statuses {
        let Some(name) = servers.get(&status.server_id) else {
            continue;
        };
        let server = label_value(name);
        if let Some(up) = status.bmc_reachable {
            out.add(
                "ipmi_up",
                "1 if the BMC answered the last poll.",
                "gauge",
                format!("{{server=\"{server}\"}} {}", u8::from(up)),
            );
        }
        if let Some(on) = status.power_on {
            out.add(
                "ipmi_chassis_power_state",
                "Chassis power: 1 on, 0 off.",
                "gauge",
                format!("{{server=\"{server}\"}} {}", u8::from(on)),
            );
        }
        if let Some(watts) = status.power_watts {
            out.add(
                "ipmi_dcmi_power_consumption_watts",
                "DCMI power reading.",
                "gauge",
                format!("{{server=\"{server}\"}} {watts}"),
            );
        }
        if let Some(n) = status.sel_entries {
            out.add(
                "ipmi_sel_logs_count",
                "Entries in the System Event Log.",
                "gauge",
                format!("{{server=\"{server}\"}} {n}"),
            );
        }
        if let Some(n) = status.sel_free_bytes {
            out.add(
                "ipmi_sel_free_space_bytes",
                "Free space in the System Event Log.",
                "gauge",
                format!("{{server=\"{server}\"}} {n}"),
            );
        }
        if let Some(ms) = status.last_duration_ms {
            out.add(
                "ipmi_monitor_last_poll_duration_seconds",
                "Duration of the last poll.",
                "gauge",
                format!("{{server=\"{server}\"}} {}", ms as f64 / 1000.0),
            );
        }
        out.add(
            "ipmi_monitor_consecutive_failures",
            "Failed polls in a row.",
            "gauge",
            format!("{{server=\"{server}\"}} {}", status.consecutive_failures),
        );
    }
    for s in &sensors {
        let Some(name) = servers.get(&s.server_id) else {
            continue;
        };
        let labels = format!(
            "server=\"{}\",id=\"{}\",name=\"{}\"",
            label_value(name),
            s.number,
            label_value(&s.name)
        );
        if let Some(state) = s.state.as_deref().and_then(state_value) {
            out.add(
                "ipmi_sensor_state",
                "Sensor state: 0 nominal, 1 warning, 2 critical.",
                "gauge",
                format!(
                    "{{{labels},type=\"{}\"}} {state}",
                    label_value(&s.sensor_type)
                ),
            );
        }
        let Some(value) = s.value.filter(|v| v.is_finite()) else {
            continue;
        };
        let family = match s.unit.as_deref() {
            Some("degrees C") => ("ipmi_temperature_celsius", "Temperature reading."),
            Some("RPM") => ("ipmi_fan_speed_rpm", "Fan speed."),
            Some("Volts") => ("ipmi_voltage_volts", "Voltage reading."),
            Some("Amps") => ("ipmi_current_amperes", "Current reading."),
            Some("Watts") => ("ipmi_power_watts", "Power reading."),
            _ => ("ipmi_sensor_value", "Reading of a sensor of another unit."),
        };
        let labels = if family.0 == "ipmi_sensor_value" {
            format!("{labels},type=\"{}\"", label_value(&s.sensor_type))
        } else {
            labels
        };
        out.add(family.0, family.1, "gauge", format!("{{{labels}}} {value}"));
    }
    for (severity, count) in events {
        out.add(
            "ipmi_monitor_events_total",
            "Stored events by severity.",
            "gauge",
            format!("{{severity=\"{}\"}} {count}", label_value(&severity)),
        );
    }
    out.add(
        "ipmi_monitor_servers",
        "Active servers.",
        "gauge",
        format!(" {}", servers.len()),
    );

    let help = "Duration of one poll of one server (all collectors).";
    for (bound, n) in &polls.cumulative {
        out.add(
            "ipmi_monitor_poll_duration_seconds",
            help,
            "histogram",
            format!("_bucket{{le=\"{bound}\"}} {n}"),
        );
    }
    out.add(
        "ipmi_monitor_poll_duration_seconds",
        help,
        "histogram",
        format!("_bucket{{le=\"+Inf\"}} {}", polls.count),
    );
    out.add(
        "ipmi_monitor_poll_duration_seconds",
        help,
        "histogram",
        format!("_sum {}", polls.sum_seconds),
    );
    out.add(
        "ipmi_monitor_poll_duration_seconds",
        help,
        "histogram",
        format!("_count {}", polls.count),
    );
    out.add(
        "ipmi_monitor_bmc_requests_total",
        "IPMI requests sent by the collector.",
        "counter",
        format!(" {}", polls.requests),
    );
    out.add(
        "ipmi_monitor_failed_polls_total",
        "Polls in which a collector failed.",
        "counter",
        format!(" {}", polls.failed),
    );
    Ok(out.render())
}

#[derive(FromQueryResult)]
struct SeverityCount {
    severity: String,
    count: i64,
}

async fn events_by_severity(db: &DatabaseConnection) -> Result<Vec<(String, i64)>, DbErr> {
    let rows = sel_event::Entity::find()
        .select_only()
        .column(sel_event::Column::Severity)
        .column_as(sel_event::Column::Id.count(), "count")
        .group_by(sel_event::Column::Severity)
        .into_model::<SeverityCount>()
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|r| (r.severity, r.count)).collect())
}

/// ipmi_exporter's mapping of a threshold state.
fn state_value(state: &str) -> Option<u8> {
    match state {
        "ok" => Some(0),
        "nc" => Some(1),
        "cr" | "nr" => Some(2),
        _ => None,
    }
}

/// Escapes a label value (backslash, quote, newline) per the exposition format.
fn label_value(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

/// Samples grouped by metric family, each family printed once with its HELP and TYPE.
#[derive(Default)]
struct Families {
    families: BTreeMap<&'static str, (&'static str, &'static str, Vec<String>)>,
}

impl Families {
    /// `sample` is everything after the metric name: `{labels} value` or `_bucket{…} n`.
    fn add(&mut self, name: &'static str, help: &'static str, kind: &'static str, sample: String) {
        self.families
            .entry(name)
            .or_insert_with(|| (help, kind, Vec::new()))
            .2
            .push(sample);
    }

    fn render(&self) -> String {
        let mut text = String::new();
        for (name, (help, kind, samples)) in &self.families {
            let _ = writeln!(text, "# HELP {name} {help}");
            let _ = writeln!(text, "# TYPE {name} {kind}");
            for sample in samples {
                let _ = writeln!(text, "{name}{sample}");
            }
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_values_are_escaped() {
        assert_eq!(label_value("a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
    }

    #[test]
    fn families_print_help_and_type_once() {
        let mut f = Families::default();
        f.add("ipmi_up", "h", "gauge", "{server=\"a\"} 1".into());
        f.add("ipmi_up", "h", "gauge", "{server=\"b\"} 0".into());
        let text = f.render();
        assert_eq!(text.matches("# TYPE ipmi_up gauge").count(), 1);
        assert!(text.contains("ipmi_up{server=\"b\"} 0\n"));
    }
}
