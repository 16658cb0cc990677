//! Which reader a file needs: from its extension, or for pasted text from its content.

use std::path::Path;

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Format {
    Csv,
    Json,
    Yaml,
    /// `address = name` lines (the Python tool's server list; also read from `.txt`).
    Ini,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::Json => "json",
            Self::Yaml => "yaml",
            Self::Ini => "ini",
        }
    }

    /// `csv`, `json`, `yaml`/`yml`, `ini`/`txt`, any case.
    pub fn from_name(name: &str) -> Option<Self> {
        match name.trim().to_ascii_lowercase().as_str() {
            "csv" => Some(Self::Csv),
            "json" => Some(Self::Json),
            "yaml" | "yml" => Some(Self::Yaml),
            "ini" | "txt" => Some(Self::Ini),
            _ => None,
        }
    }

    /// The format a file name's extension says, if it says one.
    pub fn from_path(path: &Path) -> Option<Self> {
        path.extension()
            .and_then(|ext| ext.to_str())
            .and_then(Self::from_name)
    }

    /// Guesses the format of pasted text from its first line that is not blank or a `#`
    /// comment: `{` or `[` followed by JSON is JSON, `[section]` or `x = y` is INI,
    /// `key:` / `- ` / `---` is YAML, anything else is CSV.
    pub fn sniff(text: &str) -> Self {
        let Some(first) = text
            .trim_start_matches('\u{feff}')
            .lines()
            .map(str::trim)
            .find(|line| !line.is_empty() && !line.starts_with('#') && !line.starts_with(';'))
        else {
            return Self::Csv;
        };
        if first.starts_with('{') {
            return Self::Json;
        }
        if let Some(rest) = first.strip_prefix('[') {
            let is_section = rest.strip_suffix(']').is_some_and(|name| {
                !name.is_empty()
                    && name
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || "_-. ".contains(c))
            });
            return if is_section { Self::Ini } else { Self::Json };
        }
        if first == "---" || first.starts_with("- ") || first == "-" || is_yaml_key(first) {
            return Self::Yaml;
        }
        if first.contains('=') && !first.contains(',') {
            return Self::Ini;
        }
        Self::Csv
    }
}

fn is_yaml_key(line: &str) -> bool {
    line.split_once(':').is_some_and(|(key, rest)| {
        !key.is_empty()
            && key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
            && (rest.is_empty() || rest.starts_with(' '))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extension_decides_when_there_is_one() {
        assert_eq!(
            Format::from_path(Path::new("a/servers.YML")),
            Some(Format::Yaml)
        );
        assert_eq!(
            Format::from_path(Path::new("servers.txt")),
            Some(Format::Ini)
        );
        assert_eq!(
            Format::from_path(Path::new("servers.csv")),
            Some(Format::Csv)
        );
        assert_eq!(Format::from_path(Path::new("servers")), None);
    }

    #[test]
    fn content_decides_for_pasted_text() {
        assert_eq!(Format::sniff("[{\"name\": \"a\"}]"), Format::Json);
        assert_eq!(Format::sniff("\n  {\"servers\": []}"), Format::Json);
        assert_eq!(Format::sniff("[\n  {}\n]"), Format::Json);
        assert_eq!(
            Format::sniff("# list\n[servers]\n10.0.0.1 = a"),
            Format::Ini
        );
        assert_eq!(Format::sniff("10.0.0.1 = a\n"), Format::Ini);
        assert_eq!(
            Format::sniff("# c\ndefaults:\n  ipmi_user: a"),
            Format::Yaml
        );
        assert_eq!(Format::sniff("- name: a\n  bmc_ip: 10.0.0.1"), Format::Yaml);
        assert_eq!(Format::sniff("servers:\n"), Format::Yaml);
        assert_eq!(Format::sniff("name,bmc_ip\na,10.0.0.1"), Format::Csv);
        assert_eq!(Format::sniff("\u{feff}name;bmc_ip"), Format::Csv);
        assert_eq!(Format::sniff(""), Format::Csv);
    }
}
