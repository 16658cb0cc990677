//! The format-neutral middle step: each format reader turns its file into [`Record`]s (keys
//! already classified, values still text, every value with its line), and [`Sink`] collects
//! the errors and warnings on the way. Validation happens once, in `rows`.

use std::collections::HashSet;

use super::fields::{Field, KNOWN_NAMES, Key, classify};
use super::plan::RowError;

/// One value as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Value {
    pub field: Field,
    /// The key or column as written, for messages.
    pub key: String,
    pub text: String,
    pub line: usize,
}

/// One server's values, or the `defaults:` block.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Record {
    /// Where the server starts in the file.
    pub line: usize,
    pub values: Vec<Value>,
}

impl Record {
    pub(crate) fn new(line: usize) -> Self {
        Self {
            line,
            values: Vec::new(),
        }
    }

    pub(crate) fn get(&self, field: Field) -> Option<&Value> {
        self.values.iter().find(|v| v.field == field)
    }

    /// Adds `key: text`, classifying the key. Empty values count as absent, as in the
    /// Python tool (a CSV row with empty `ipmi_user` uses the defaults). A field given
    /// twice (say `bmc_ip` and `bmc_address`) is an error rather than a silent pick.
    pub(crate) fn push(&mut self, key: &str, text: &str, line: usize, sink: &mut Sink) {
        let field = match classify(key) {
            Key::Field(field) => field,
            Key::PythonOnly => {
                sink.python_only(key, line);
                return;
            }
            Key::Unknown => {
                sink.unknown_key(key, line);
                return;
            }
        };
        // A password is taken as written: its spaces may be part of it (a BMC compares them),
        // but such spaces are more often a slip (`admin, secret`), so the preview says so.
        // One of spaces only counts as absent, like an empty one.
        let text = if field == Field::Password && !text.trim().is_empty() {
            if text != text.trim() {
                sink.warnings.push(RowError::new(
                    line,
                    Some(key.trim()),
                    "begins or ends with spaces, which are kept as part of the password",
                ));
            }
            text
        } else {
            text.trim()
        };
        if text.is_empty() {
            return;
        }
        if let Some(first) = self.get(field) {
            let message = format!("given twice ('{}' on line {})", first.key, first.line);
            sink.error(line, Some(key), message);
            return;
        }
        self.values.push(Value {
            field,
            key: key.trim().to_owned(),
            text: text.to_owned(),
            line,
        });
    }
}

/// Errors and warnings found while reading.
#[derive(Debug, Default)]
pub(crate) struct Sink {
    pub errors: Vec<RowError>,
    pub warnings: Vec<RowError>,
    warned: HashSet<String>,
}

impl Sink {
    pub(crate) fn error(&mut self, line: usize, field: Option<&str>, message: impl Into<String>) {
        self.errors.push(RowError::new(line, field, message));
    }

    pub(crate) fn unknown_key(&mut self, key: &str, line: usize) {
        self.error(
            line,
            Some(key.trim()),
            format!("unknown column or key; known are {KNOWN_NAMES}"),
        );
    }

    /// One warning per key per file, at its first line: a hundred servers with `ssh_user`
    /// need telling once.
    pub(crate) fn python_only(&mut self, key: &str, line: usize) {
        let key = key.trim().to_ascii_lowercase();
        if self.warned.insert(key.clone()) {
            self.warnings.push(RowError::new(
                line,
                Some(&key),
                "a setting of the Python ipmi-monitor that IPMI Monitor does not use; ignored",
            ));
        }
    }
}
