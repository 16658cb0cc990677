//! Column and key names: ours, their aliases, and the Python tool's names.

/// A setting of a server that an import file can give.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Field {
    Name,
    BmcAddress,
    BmcPort,
    Username,
    Password,
    OsAddress,
    Protocol,
    CipherSuite,
    Privilege,
    Tags,
    Notes,
    Enabled,
}

/// What a key in a file means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Key {
    Field(Field),
    /// A setting of the Python ipmi-monitor that has no counterpart here: read, warned
    /// about, not imported (its files must import as they are).
    PythonOnly,
    Unknown,
}

impl Field {
    /// Our name for the field, used in messages about values that came from elsewhere.
    pub(crate) fn canonical(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::BmcAddress => "bmc_address",
            Self::BmcPort => "bmc_port",
            Self::Username => "username",
            Self::Password => "password",
            Self::OsAddress => "os_address",
            Self::Protocol => "protocol",
            Self::CipherSuite => "cipher_suite",
            Self::Privilege => "privilege",
            Self::Tags => "tags",
            Self::Notes => "notes",
            Self::Enabled => "enabled",
        }
    }
}

/// Classifies a column or key, case-insensitively; `-` and spaces count as `_`, so
/// "BMC IP" and "bmc-ip" are `bmc_ip`. The aliases on the right of each arm are the
/// Python tool's (`parse_csv_servers`, `parse_yaml_servers` key maps).
pub(crate) fn classify(key: &str) -> Key {
    let key: String = key
        .trim()
        .chars()
        .map(|c| match c {
            '-' | ' ' => '_',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    let field = match key.as_str() {
        "name" | "server_name" | "hostname" => Field::Name,
        "bmc_address" | "bmc_ip" | "ip" | "bmc" => Field::BmcAddress,
        "bmc_port" | "port" => Field::BmcPort,
        "username" | "ipmi_user" | "user" | "bmc_user" => Field::Username,
        "password" | "ipmi_pass" | "pass" | "ipmi_password" | "bmc_password" => Field::Password,
        "os_address" | "server_ip" | "os_ip" => Field::OsAddress,
        "protocol" => Field::Protocol,
        "cipher_suite" => Field::CipherSuite,
        "privilege" => Field::Privilege,
        "tags" => Field::Tags,
        "notes" | "description" => Field::Notes,
        "enabled" => Field::Enabled,
        "ssh_user"
        | "ssh_port"
        | "ssh_key"
        | "ssh_key_name"
        | "ssh_pass"
        | "ssh_password"
        | "nvidia"
        | "use_nvidia_password"
        | "public_ip" => return Key::PythonOnly,
        _ => return Key::Unknown,
    };
    Key::Field(field)
}

/// The names listed in "unknown column" messages.
pub(crate) const KNOWN_NAMES: &str = "name, bmc_address (bmc_ip), bmc_port, username (ipmi_user), \
     password (ipmi_pass), os_address (server_ip), protocol, cipher_suite, privilege, tags, \
     notes, enabled";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_alias_maps_to_its_field() {
        let cases = [
            ("name", Field::Name),
            ("server_name", Field::Name),
            ("hostname", Field::Name),
            ("bmc_address", Field::BmcAddress),
            ("bmc_ip", Field::BmcAddress),
            ("ip", Field::BmcAddress),
            ("bmc", Field::BmcAddress),
            ("bmc_port", Field::BmcPort),
            ("port", Field::BmcPort),
            ("username", Field::Username),
            ("ipmi_user", Field::Username),
            ("user", Field::Username),
            ("bmc_user", Field::Username),
            ("password", Field::Password),
            ("ipmi_pass", Field::Password),
            ("pass", Field::Password),
            ("ipmi_password", Field::Password),
            ("bmc_password", Field::Password),
            ("os_address", Field::OsAddress),
            ("server_ip", Field::OsAddress),
            ("os_ip", Field::OsAddress),
            ("protocol", Field::Protocol),
            ("cipher_suite", Field::CipherSuite),
            ("privilege", Field::Privilege),
            ("tags", Field::Tags),
            ("notes", Field::Notes),
            ("description", Field::Notes),
            ("enabled", Field::Enabled),
        ];
        for (key, field) in cases {
            assert_eq!(classify(key), Key::Field(field), "{key}");
        }
    }

    #[test]
    fn case_dashes_and_spaces_do_not_matter() {
        assert_eq!(classify("BMC_IP"), Key::Field(Field::BmcAddress));
        assert_eq!(classify(" Bmc-Ip "), Key::Field(Field::BmcAddress));
        assert_eq!(classify("IPMI User"), Key::Field(Field::Username));
    }

    #[test]
    fn python_only_settings_are_known_but_unknown_keys_are_not() {
        assert_eq!(classify("ssh_key_name"), Key::PythonOnly);
        assert_eq!(classify("nvidia"), Key::PythonOnly);
        assert_eq!(classify("colour"), Key::Unknown);
        assert_eq!(classify(""), Key::Unknown);
    }
}
