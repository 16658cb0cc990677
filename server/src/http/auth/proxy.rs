//! What a reverse proxy tells us, believed only when the peer is one of the configured
//! `trusted_proxies`: the client's address and scheme, the host it asked for, and — for
//! single sign-on — who the user is. From anyone else those headers are ignored, so a client
//! cannot claim to be someone by sending them itself.

use std::net::IpAddr;

use app::ssr::auth::{ClientAddr, Principal};
use app::types::Role;
use axum::http::HeaderMap;

use crate::config::Config;

fn is_trusted(config: &Config, peer: Option<IpAddr>) -> bool {
    peer.is_some_and(|ip| config.trusted_proxies.iter().any(|net| net.contains(&ip)))
}

fn text<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|v| !v.is_empty())
}

/// The client behind the request: the peer, or for a trusted proxy the nearest address in
/// `X-Forwarded-For` that is not itself a trusted proxy.
pub fn client_addr(config: &Config, peer: Option<IpAddr>, headers: &HeaderMap) -> ClientAddr {
    let unspecified = IpAddr::from([0, 0, 0, 0]);
    let Some(peer_ip) = peer else {
        return ClientAddr {
            addr: unspecified,
            https: false,
        };
    };
    if !is_trusted(config, peer) {
        return ClientAddr {
            addr: peer_ip,
            https: false,
        };
    }
    let forwarded = text(headers, "x-forwarded-for")
        .into_iter()
        .flat_map(|list| list.rsplit(','))
        .filter_map(|item| item.trim().parse::<IpAddr>().ok())
        .find(|ip| !is_trusted(config, Some(*ip)));
    ClientAddr {
        addr: forwarded.unwrap_or(peer_ip),
        https: text(headers, "x-forwarded-proto").is_some_and(|p| p.eq_ignore_ascii_case("https")),
    }
}

/// The host the client addressed, as a trusted proxy reports it.
pub fn forwarded_host<'a>(
    config: &Config,
    peer: Option<IpAddr>,
    headers: &'a HeaderMap,
) -> Option<&'a str> {
    if is_trusted(config, peer) {
        text(headers, "x-forwarded-host")
    } else {
        None
    }
}

/// The user a trusted proxy's single-sign-on headers name, if any.
pub fn proxy_principal(
    config: &Config,
    peer: Option<IpAddr>,
    headers: &HeaderMap,
) -> Option<Principal> {
    let name = text(headers, config.sso_user_header.as_str())?;
    if !is_trusted(config, peer) {
        tracing::debug!(
            ?peer,
            "ignoring single-sign-on header from an untrusted peer"
        );
        return None;
    }
    let role = text(headers, config.sso_role_header.as_str())
        .map(|r| Role::parse(r).unwrap_or(Role::Viewer))
        .unwrap_or(config.sso_default_role);
    Some(Principal::Proxy {
        name: name.chars().take(128).collect(),
        role,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> Config {
        Config {
            trusted_proxies: vec!["10.0.0.0/8".parse().unwrap()],
            ..Config::default()
        }
    }

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, value.parse().unwrap());
        }
        map
    }

    #[test]
    fn sso_headers_count_only_from_trusted_proxies() {
        let h = headers(&[
            ("x-forwarded-user", "alice"),
            ("x-forwarded-role", "operator"),
        ]);
        let proxy = Some("10.1.1.1".parse().unwrap());
        let stranger = Some("192.0.2.9".parse().unwrap());
        assert_eq!(
            proxy_principal(&config(), proxy, &h),
            Some(Principal::Proxy {
                name: "alice".to_owned(),
                role: Role::Operator
            })
        );
        assert_eq!(proxy_principal(&config(), stranger, &h), None);
        assert_eq!(
            proxy_principal(&Config::default(), proxy, &h),
            None,
            "off by default"
        );
        let no_role = headers(&[("x-forwarded-user", "bob")]);
        assert_eq!(
            proxy_principal(&config(), proxy, &no_role).and_then(|p| p.role()),
            Some(Role::Viewer)
        );
    }

    #[test]
    fn client_address_comes_from_forwarded_for_only_via_a_trusted_proxy() {
        let h = headers(&[
            ("x-forwarded-for", "198.51.100.7, 10.2.2.2"),
            ("x-forwarded-proto", "https"),
        ]);
        let via_proxy = client_addr(&config(), Some("10.1.1.1".parse().unwrap()), &h);
        assert_eq!(via_proxy.addr.to_string(), "198.51.100.7");
        assert!(via_proxy.https);
        let direct = client_addr(&config(), Some("192.0.2.9".parse().unwrap()), &h);
        assert_eq!(direct.addr.to_string(), "192.0.2.9");
        assert!(!direct.https);
    }
}
