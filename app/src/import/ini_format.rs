//! The Python tool's server list: `bmc_ip = server_name  # comment`, one per line, `#` and
//! `;` comments, `[section]` headers ignored (its export writes `[servers]`). A trailing
//! comment becomes the notes, as the Python tool does.

use super::record::{Record, Sink};

pub(crate) fn read(text: &str, sink: &mut Sink) -> Vec<Record> {
    let mut records = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        let trimmed = raw.trim();
        if trimmed.is_empty()
            || trimmed.starts_with('#')
            || trimmed.starts_with(';')
            || trimmed.starts_with('[')
        {
            continue;
        }
        let Some((address, rest)) = trimmed.split_once('=') else {
            sink.error(line, None, "expected 'address = name'");
            continue;
        };
        let rest = rest.trim();
        let (name, comment) = match rest.find(char::is_whitespace) {
            Some(at) => (&rest[..at], rest[at..].trim()),
            None => (rest, ""),
        };
        let notes = match comment.chars().next() {
            None => "",
            Some('#' | ';') => comment[1..].trim(),
            Some(_) => {
                sink.error(
                    line,
                    Some("name"),
                    format!("unexpected '{comment}' after the name (names have no spaces; start a comment with #)"),
                );
                continue;
            }
        };
        let mut record = Record::new(line);
        record.push("bmc_address", address, line, sink);
        record.push("name", name, line, sink);
        record.push("notes", notes, line, sink);
        records.push(record);
    }
    records
}
