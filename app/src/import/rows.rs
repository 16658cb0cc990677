//! Records to validated rows: the `defaults:` block, each field's rules, and duplicates
//! within the file. Every format goes through here, so the rules cannot drift apart.

use std::collections::HashMap;

use super::address::{parse_host_port, parse_port};
use super::fields::Field;
use super::password::Password;
use super::plan::{ImportRow, MAX_BMC_PASSWORD_BYTES, MAX_BMC_USERNAME_BYTES, Privilege, Protocol};
use super::record::{Record, Sink, Value};

/// Longest server name we accept (it is shown on cards and used in metric labels).
const MAX_NAME_LEN: usize = 128;
/// IPMI 2.0 defines cipher suites 0–19.
const MAX_CIPHER_SUITE: u8 = 19;

/// Validates every record, fills gaps from `defaults`, and reports duplicate names and BMC
/// addresses. Only rows without any error are returned.
pub(crate) fn build_rows(
    records: &[Record],
    defaults: Option<&Record>,
    sink: &mut Sink,
) -> Vec<ImportRow> {
    let defaults = defaults.map(|d| checked_defaults(d, sink));
    let mut rows = Vec::new();
    for record in records {
        if let Some(row) = build_row(record, defaults.as_ref(), sink) {
            rows.push(row);
        }
    }
    drop_duplicates(rows, sink)
}

/// Defaults that are themselves bad are reported once, on their own line, and dropped, so
/// they do not repeat an error on every server.
fn checked_defaults(defaults: &Record, sink: &mut Sink) -> Record {
    let mut kept = Record::new(defaults.line);
    for value in &defaults.values {
        if matches!(value.field, Field::Name | Field::BmcAddress) {
            sink.error(
                value.line,
                Some(&value.key),
                "cannot have a default; give it per server",
            );
            continue;
        }
        let mut probe = Draft::default();
        match probe.set(value) {
            Ok(()) => kept.values.push(value.clone()),
            Err(message) => sink.error(value.line, Some(&value.key), message),
        }
    }
    kept
}

fn with_defaults(record: &Record, defaults: Option<&Record>) -> Record {
    let mut merged = record.clone();
    for value in defaults.map(|d| d.values.as_slice()).unwrap_or_default() {
        if merged.get(value.field).is_none() {
            merged.values.push(value.clone());
        }
    }
    merged
}

fn build_row(record: &Record, defaults: Option<&Record>, sink: &mut Sink) -> Option<ImportRow> {
    let merged = with_defaults(record, defaults);
    let mut draft = Draft::default();
    let mut ok = true;
    for value in &merged.values {
        if let Err(message) = draft.set(value) {
            sink.error(value.line, Some(&value.key), message);
            ok = false;
        }
    }
    // A port in the address beats a default port; one that contradicts the row's own
    // `bmc_port` is a mistake to report.
    if let Some(embedded) = draft.address_port {
        match record.get(Field::BmcPort) {
            Some(own) if draft.bmc_port != Some(embedded) => {
                let message = format!("does not match the port {embedded} in the BMC address");
                sink.error(own.line, Some(&own.key), message);
                ok = false;
            }
            _ => draft.bmc_port = Some(embedded),
        }
    }
    if draft.name.is_none() {
        sink.error(
            record.line,
            Some(Field::Name.canonical()),
            "missing (every server needs a name)",
        );
        ok = false;
    }
    if draft.bmc_address.is_none() {
        sink.error(
            record.line,
            Some(Field::BmcAddress.canonical()),
            "missing (every server needs its BMC address)",
        );
        ok = false;
    }
    let (Some(name), Some(bmc_address), true) = (draft.name, draft.bmc_address, ok) else {
        return None;
    };
    Some(ImportRow {
        line: record.line,
        name,
        bmc_address,
        bmc_port: draft.bmc_port,
        os_address: draft.os_address,
        protocol: draft.protocol,
        cipher_suite: draft.cipher_suite,
        privilege: draft.privilege,
        tags: draft.tags,
        notes: draft.notes,
        enabled: draft.enabled,
        username: draft.username,
        password: draft.password,
    })
}

/// A row being filled in, one value at a time.
#[derive(Default)]
struct Draft {
    name: Option<String>,
    bmc_address: Option<String>,
    /// A port written inside the BMC address.
    address_port: Option<u16>,
    bmc_port: Option<u16>,
    os_address: Option<String>,
    protocol: Option<Protocol>,
    cipher_suite: Option<u8>,
    privilege: Option<Privilege>,
    tags: Option<Vec<String>>,
    notes: Option<String>,
    enabled: Option<bool>,
    username: Option<String>,
    password: Option<Password>,
}

impl Draft {
    /// Checks one value against its field's rules and stores it; `Err` is the message.
    fn set(&mut self, value: &Value) -> Result<(), String> {
        let text = value.text.as_str();
        match value.field {
            Field::Name => self.name = Some(parse_name(text)?),
            Field::BmcAddress => {
                let hp = parse_host_port(text)?;
                self.bmc_address = Some(hp.host);
                self.address_port = hp.port;
            }
            Field::BmcPort => self.bmc_port = Some(parse_port(text)?),
            Field::OsAddress => {
                let hp = parse_host_port(text)?;
                self.os_address = Some(match hp.port {
                    Some(port) if hp.host.contains(':') => format!("[{}]:{port}", hp.host),
                    Some(port) => format!("{}:{port}", hp.host),
                    None => hp.host,
                });
            }
            Field::Protocol => {
                self.protocol = Some(Protocol::parse(text).ok_or_else(|| {
                    format!("unknown protocol '{text}' (use auto, ipmi or redfish)")
                })?);
            }
            Field::CipherSuite => {
                self.cipher_suite = Some(
                    text.parse::<u8>()
                        .ok()
                        .filter(|n| *n <= MAX_CIPHER_SUITE)
                        .ok_or_else(|| {
                            format!("'{text}' is not a cipher suite (0-{MAX_CIPHER_SUITE})")
                        })?,
                );
            }
            Field::Privilege => {
                self.privilege = Some(Privilege::parse(text).ok_or_else(|| {
                    format!("unknown privilege '{text}' (use user, operator or administrator)")
                })?);
            }
            Field::Tags => self.tags = Some(parse_tags(text)),
            Field::Notes => self.notes = Some(text.to_owned()),
            Field::Enabled => self.enabled = Some(parse_bool(text)?),
            Field::Username if text.len() > MAX_BMC_USERNAME_BYTES => {
                return Err(format!(
                    "longer than the {MAX_BMC_USERNAME_BYTES} bytes IPMI allows"
                ));
            }
            Field::Password if text.len() > MAX_BMC_PASSWORD_BYTES => {
                return Err(format!(
                    "longer than the {MAX_BMC_PASSWORD_BYTES} bytes IPMI 2.0 allows"
                ));
            }
            Field::Username => self.username = Some(text.to_owned()),
            Field::Password => self.password = Some(Password::new(text)),
        }
        Ok(())
    }
}

fn parse_name(text: &str) -> Result<String, String> {
    if text.chars().count() > MAX_NAME_LEN {
        return Err(format!("longer than {MAX_NAME_LEN} characters"));
    }
    if text.chars().any(char::is_control) {
        return Err("contains control characters".to_owned());
    }
    Ok(text.to_owned())
}

/// Tags separated by commas or semicolons; blanks and repeats dropped, order kept.
fn parse_tags(text: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for tag in text.split([',', ';']).map(str::trim) {
        if !tag.is_empty() && !tags.iter().any(|t| t == tag) {
            tags.push(tag.to_owned());
        }
    }
    tags
}

fn parse_bool(text: &str) -> Result<bool, String> {
    match text.to_ascii_lowercase().as_str() {
        "true" | "yes" | "on" | "1" => Ok(true),
        "false" | "no" | "off" | "0" => Ok(false),
        _ => Err(format!("'{text}' is not true or false")),
    }
}

/// Names and BMC address:port pairs must be unique within the file; the second and later
/// occurrences are errors that name the first one's line.
fn drop_duplicates(rows: Vec<ImportRow>, sink: &mut Sink) -> Vec<ImportRow> {
    let mut names: HashMap<String, usize> = HashMap::new();
    let mut addresses: HashMap<(String, u16), (usize, String)> = HashMap::new();
    let mut kept = Vec::with_capacity(rows.len());
    for row in rows {
        let mut ok = true;
        if let Some(first) = names.get(&row.name) {
            sink.error(
                row.line,
                Some("name"),
                format!("duplicate name '{}' (first on line {first})", row.name),
            );
            ok = false;
        }
        let address = (row.bmc_address.clone(), row.effective_port());
        if let Some((first, other)) = addresses.get(&address) {
            sink.error(
                row.line,
                Some("bmc_address"),
                format!(
                    "duplicate BMC address {}:{} (server '{other}' on line {first})",
                    address.0, address.1
                ),
            );
            ok = false;
        }
        if ok {
            names.insert(row.name.clone(), row.line);
            addresses.insert(address, (row.line, row.name.clone()));
            kept.push(row);
        }
    }
    kept
}
