//! Host addresses: IPv4, IPv6 or a DNS name, with an optional `:port`.

use std::net::{Ipv4Addr, Ipv6Addr};

/// A host and the port written with it, if any.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct HostPort {
    /// Normalised: IPv6 compressed and without brackets, DNS names in lower case, so that
    /// duplicates are found however they were written.
    pub host: String,
    pub port: Option<u16>,
}

/// Parses `host`, `host:port`, `[v6]` or `[v6]:port`. A bare IPv6 address has no port
/// (its colons are ambiguous); write `[v6]:port` for one.
pub(crate) fn parse_host_port(text: &str) -> Result<HostPort, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("is empty".to_owned());
    }
    if let Some(rest) = text.strip_prefix('[') {
        let (inside, after) = rest
            .split_once(']')
            .ok_or_else(|| format!("'{text}' has '[' without ']'"))?;
        let ip: Ipv6Addr = inside
            .parse()
            .map_err(|_| format!("'{inside}' is not an IPv6 address"))?;
        let port = match after {
            "" => None,
            _ => Some(parse_port(after.strip_prefix(':').ok_or_else(|| {
                format!("'{text}': expected ':port' after ']'")
            })?)?),
        };
        return Ok(HostPort {
            host: ip.to_string(),
            port,
        });
    }
    if text.matches(':').count() >= 2 {
        let ip: Ipv6Addr = text.parse().map_err(|_| {
            format!("'{text}' is not an IPv6 address (write [address]:port for a port)")
        })?;
        return Ok(HostPort {
            host: ip.to_string(),
            port: None,
        });
    }
    let (host, port) = match text.split_once(':') {
        Some((host, port)) => (host, Some(parse_port(port)?)),
        None => (text, None),
    };
    Ok(HostPort {
        host: parse_host(host)?,
        port,
    })
}

/// A port number, 1–65535.
pub(crate) fn parse_port(text: &str) -> Result<u16, String> {
    match text.trim().parse::<u16>() {
        Ok(0) | Err(_) => Err(format!("'{}' is not a port (1-65535)", text.trim())),
        Ok(port) => Ok(port),
    }
}

/// An IPv4 address or a DNS name (RFC 1123 labels). A name whose last label is all digits
/// must be a valid IPv4 address: no top-level domain is numeric, so `10.0.0.300` is a typo,
/// not a host name.
fn parse_host(host: &str) -> Result<String, String> {
    if host.is_empty() {
        return Err("has no host before ':'".to_owned());
    }
    let name = host.strip_suffix('.').unwrap_or(host);
    let last_label = name.rsplit('.').next().unwrap_or(name);
    if !last_label.is_empty() && last_label.bytes().all(|b| b.is_ascii_digit()) {
        return host
            .parse::<Ipv4Addr>()
            .map(|ip| ip.to_string())
            .map_err(|_| format!("'{host}' is not a valid IPv4 address"));
    }
    if name.len() > 253 {
        return Err(format!("'{host}' is longer than 253 characters"));
    }
    for label in name.split('.') {
        let ok = (1..=63).contains(&label.len())
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !label.starts_with('-')
            && !label.ends_with('-');
        if !ok {
            return Err(format!(
                "'{host}' is not an IPv4 address, IPv6 address or DNS name"
            ));
        }
    }
    Ok(name.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> (String, Option<u16>) {
        let hp = parse_host_port(text).unwrap();
        (hp.host, hp.port)
    }

    #[test]
    fn accepts_ipv4_ipv6_and_names_with_optional_ports() {
        assert_eq!(ok("192.168.1.100"), ("192.168.1.100".into(), None));
        assert_eq!(ok("10.0.0.1:6230"), ("10.0.0.1".into(), Some(6230)));
        assert_eq!(ok("fe80:0:0::1"), ("fe80::1".into(), None));
        assert_eq!(ok("[2001:db8::1]:623"), ("2001:db8::1".into(), Some(623)));
        assert_eq!(ok("[::1]"), ("::1".into(), None));
        assert_eq!(
            ok("BMC-01.Example.com"),
            ("bmc-01.example.com".into(), None)
        );
        assert_eq!(ok("bmc01.lan.:443"), ("bmc01.lan".into(), Some(443)));
        assert_eq!(ok("localhost"), ("localhost".into(), None));
    }

    #[test]
    fn rejects_bad_addresses_and_ports() {
        for bad in [
            "",
            "10.0.0.300",
            "01.2.3.4",
            "1.2.3",
            "host_name",
            "-bad.example",
            "a..b",
            "bad host",
            "10.0.0.1:0",
            "10.0.0.1:65536",
            "10.0.0.1:x",
            ":623",
            "[::1",
            "[::1]x",
            "[10.0.0.1]",
            "::g",
        ] {
            assert!(parse_host_port(bad).is_err(), "{bad:?} was accepted");
        }
    }
}
