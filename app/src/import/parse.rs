//! The entry points: text in, [`ImportPlan`] out.

use std::path::Path;

use super::format::Format;
use super::plan::ImportPlan;
use super::record::Sink;
use super::{csv_format, ini_format, json_format, rows, yaml_format};

/// Parses `text` as `format`. Never fails: every problem is a [`RowError`](super::RowError)
/// in the plan, with the line to fix.
pub fn parse(text: &str, format: Format) -> ImportPlan {
    // Spreadsheets and Windows editors start files with a byte order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut sink = Sink::default();
    let (records, defaults) = match format {
        Format::Csv => (csv_format::read(text, &mut sink), None),
        Format::Ini => (ini_format::read(text, &mut sink), None),
        Format::Json => json_format::read(text, &mut sink),
        Format::Yaml => yaml_format::read(text, &mut sink),
    };
    let rows = rows::build_rows(&records, defaults.as_ref(), &mut sink);
    if records.is_empty() && sink.errors.is_empty() {
        sink.error(1, None, "no servers in the file");
    }
    sink.errors.sort_by_key(|e| e.line);
    sink.warnings.sort_by_key(|e| e.line);
    ImportPlan {
        rows,
        errors: sink.errors,
        warnings: sink.warnings,
    }
}

/// Parses a file or pasted text: the format is the one asked for, else the one the file
/// name's extension says, else the one the content looks like.
pub fn parse_file(name: Option<&Path>, text: &str, format: Option<Format>) -> (Format, ImportPlan) {
    let format = format
        .or_else(|| name.and_then(Format::from_path))
        .unwrap_or_else(|| Format::sniff(text));
    (format, parse(text, format))
}

/// Checks one server given as form fields (`name`, `bmc_address`, …) by exactly the rules of
/// an import file, so the Settings → Servers form and the REST API accept what an import
/// accepts and say the same about what it refuses. Errors name the field; the line is 1.
pub fn parse_fields<'a>(fields: impl IntoIterator<Item = (&'a str, &'a str)>) -> ImportPlan {
    let mut sink = Sink::default();
    let mut record = super::record::Record::new(1);
    for (key, text) in fields {
        record.push(key, text, 1, &mut sink);
    }
    let rows = rows::build_rows(&[record], None, &mut sink);
    ImportPlan {
        rows,
        errors: sink.errors,
        warnings: sink.warnings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::password::Password;

    #[test]
    fn a_password_keeps_its_spaces_while_other_fields_are_trimmed() {
        let plan = parse_fields([
            ("name", "  web-01 "),
            ("bmc_address", " 10.0.0.5"),
            ("username", " admin "),
            ("password", " pass word "),
        ]);
        assert!(plan.errors.is_empty(), "{:?}", plan.errors);
        let row = &plan.rows[0];
        assert_eq!(row.name, "web-01");
        assert_eq!(row.username.as_deref(), Some("admin"));
        assert_eq!(
            row.password.as_ref().map(Password::expose),
            Some(" pass word ")
        );
        assert_eq!(plan.warnings.len(), 1, "the spaces are pointed out");
        assert_eq!(plan.warnings[0].field.as_deref(), Some("password"));
    }

    #[test]
    fn a_password_of_spaces_only_is_no_password() {
        let plan = parse_fields([
            ("name", "web-02"),
            ("bmc_address", "10.0.0.6"),
            ("password", "   "),
        ]);
        assert!(plan.errors.is_empty(), "{:?}", plan.errors);
        assert!(plan.rows[0].password.is_none());
        assert!(plan.warnings.is_empty());
    }
}
