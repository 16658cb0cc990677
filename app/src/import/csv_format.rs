//! CSV with a header row. The delimiter is `,` unless the header has none and has `;` or a
//! tab (spreadsheets in many locales write `;`). Lines starting with `#` are comments.
//! Short rows are allowed (missing cells are empty, as in the Python tool); long ones are not.

use super::fields::{Key, classify};
use super::record::{Record, Sink};

pub(crate) fn read(text: &str, sink: &mut Sink) -> Vec<Record> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .comment(Some(b'#'))
        .delimiter(delimiter(text))
        .from_reader(text.as_bytes());
    let mut records = Vec::new();
    let mut header: Option<(Vec<Column>, usize)> = None;
    for result in reader.records() {
        let row = match result {
            Ok(row) => row,
            Err(err) => {
                let line = err.position().map_or(0, |p| p.line() as usize);
                sink.error(line, None, format!("not valid CSV: {err}"));
                break;
            }
        };
        let line = row.position().map_or(0, |p| p.line() as usize);
        let Some((columns, header_line)) = &header else {
            header = Some((read_header(&row, line, sink), line));
            continue;
        };
        if row.len() > columns.len() {
            sink.error(
                line,
                None,
                format!(
                    "{} cells, but the header on line {header_line} has {} columns",
                    row.len(),
                    columns.len()
                ),
            );
            continue;
        }
        let mut record = Record::new(line);
        for (column, cell) in columns.iter().zip(row.iter()) {
            match column {
                Column::Use(name) => record.push(name, cell, line, sink),
                Column::Blank if !cell.trim().is_empty() => {
                    sink.error(line, None, "a value in a column without a header");
                }
                Column::Blank | Column::Skip => {}
            }
        }
        records.push(record);
    }
    if header.is_none() {
        sink.error(
            1,
            None,
            "no header row (expected e.g. 'name,bmc_address,username,password')",
        );
    }
    records
}

/// What to do with a column's cells.
enum Column {
    Use(String),
    /// Reported once on the header line (unknown, repeated) or warned about (Python-only).
    Skip,
    /// No header text: fine while its cells are empty too (spreadsheets add such columns).
    Blank,
}

/// Checks the header once: unknown columns are reported on the header line (not on every
/// row), the Python tool's extra columns are warned about, repeated columns are errors.
fn read_header(row: &csv::StringRecord, line: usize, sink: &mut Sink) -> Vec<Column> {
    let mut seen = Vec::new();
    row.iter()
        .map(str::trim)
        .map(|name| {
            if name.is_empty() {
                return Column::Blank;
            }
            match classify(name) {
                Key::Unknown => sink.unknown_key(name, line),
                Key::PythonOnly => sink.python_only(name, line),
                Key::Field(field) if seen.contains(&field) => {
                    sink.error(line, Some(name), "column given twice (or with an alias)");
                }
                Key::Field(field) => {
                    seen.push(field);
                    return Column::Use(name.to_owned());
                }
            }
            Column::Skip
        })
        .collect()
}

/// `,` unless the header line has none and has `;` or a tab.
fn delimiter(text: &str) -> u8 {
    let header = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
        .unwrap_or_default();
    if header.contains(',') {
        b','
    } else if header.contains(';') {
        b';'
    } else if header.contains('\t') {
        b'\t'
    } else {
        b','
    }
}
