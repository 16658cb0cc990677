//! One connected UDP socket per BMC (IPMI v2.0 section 13.1: RMCP over UDP port 623).
//!
//! The socket is `connect`ed to the BMC so that the kernel (a) drops datagrams from anyone
//! else and (b) reports an ICMP port unreachable as ECONNREFUSED on the next receive: a
//! crashed BMC fails the call at once instead of after the full timeout. Reply matching
//! (rqSeq, session sequence window) is done by `session::active`, which knows the keys.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use tokio::net::UdpSocket;
use tokio::time::Instant;

use crate::error::{IpmiError, Result};

/// The IANA port for RMCP (section 13.1.1).
pub const DEFAULT_PORT: u16 = 623;
/// Large enough for any IPMI LAN datagram (the largest are ~200 bytes; some BMCs pad).
const MAX_DATAGRAM: usize = 1024;

/// Splits `host[:port]`, `[v6]:port`, bare IPv6 (`::1`, no port) or a name.
pub fn parse_target(target: &str, default_port: u16) -> Result<(String, u16)> {
    let t = target.trim();
    let bad = || IpmiError::BadTarget(target.to_string());
    if t.is_empty() {
        return Err(bad());
    }
    if let Some(rest) = t.strip_prefix('[') {
        let (host, after) = rest.split_once(']').ok_or_else(bad)?;
        let port = match after {
            "" => default_port,
            p => p
                .strip_prefix(':')
                .and_then(|p| p.parse().ok())
                .ok_or_else(bad)?,
        };
        return Ok((host.to_string(), port));
    }
    match t.matches(':').count() {
        0 => Ok((t.to_string(), default_port)),
        1 => {
            let (host, port) = t.split_once(':').ok_or_else(bad)?;
            if host.is_empty() {
                return Err(bad());
            }
            Ok((host.to_string(), port.parse().map_err(|_| bad())?))
        }
        // More than one colon and no brackets: a bare IPv6 address.
        _ => Ok((t.to_string(), default_port)),
    }
}

/// A connected UDP socket plus a shared counter of datagrams sent (for tests and metrics).
#[derive(Debug)]
pub struct Transport {
    socket: UdpSocket,
    peer: SocketAddr,
    sent: Arc<AtomicU64>,
}

impl Transport {
    /// Resolves `target` to every address it has (a name may have IPv6 and IPv4 ones).
    pub async fn resolve(target: &str) -> Result<Vec<SocketAddr>> {
        let (host, port) = parse_target(target, DEFAULT_PORT)?;
        let addrs: Vec<SocketAddr> = tokio::net::lookup_host((host.as_str(), port))
            .await
            .map_err(|e| IpmiError::Unreachable(format!("cannot resolve {host}: {e}")))?
            .collect();
        if addrs.is_empty() {
            return Err(IpmiError::Unreachable(format!("{host} has no address")));
        }
        Ok(addrs)
    }

    /// Resolves `target` and connects a fresh socket to its first address.
    pub async fn connect(target: &str, sent: Arc<AtomicU64>) -> Result<Self> {
        let peer = Self::resolve(target).await?[0];
        Self::connect_addr(peer, sent).await
    }

    /// Connects a fresh socket to `peer`.
    pub async fn connect_addr(peer: SocketAddr, sent: Arc<AtomicU64>) -> Result<Self> {
        let local: SocketAddr = if peer.is_ipv6() {
            (std::net::Ipv6Addr::UNSPECIFIED, 0).into()
        } else {
            (std::net::Ipv4Addr::UNSPECIFIED, 0).into()
        };
        let socket = UdpSocket::bind(local).await?;
        socket.connect(peer).await.map_err(map_io)?;
        Ok(Transport { socket, peer, sent })
    }

    pub fn peer(&self) -> SocketAddr {
        self.peer
    }

    /// Sends one datagram and counts it.
    pub async fn send(&self, datagram: &[u8]) -> Result<()> {
        self.sent.fetch_add(1, Ordering::Relaxed);
        self.socket.send(datagram).await.map_err(map_io)?;
        Ok(())
    }

    /// Receives one datagram, or `Timeout` at `deadline`. `waited` is only used to label the
    /// error with the per-request timeout.
    pub async fn recv_until(&self, deadline: Instant, waited: Duration) -> Result<Vec<u8>> {
        let mut buf = vec![0u8; MAX_DATAGRAM];
        match tokio::time::timeout_at(deadline, self.socket.recv(&mut buf)).await {
            Err(_) => Err(IpmiError::Timeout(waited)),
            Ok(Err(e)) => Err(map_io(e)),
            Ok(Ok(n)) => {
                buf.truncate(n);
                Ok(buf)
            }
        }
    }

    /// Discards anything already queued (late replies from an earlier, abandoned exchange).
    pub fn drain(&self) {
        let mut buf = [0u8; MAX_DATAGRAM];
        while self.socket.try_recv(&mut buf).is_ok() {}
    }
}

fn map_io(e: std::io::Error) -> IpmiError {
    use std::io::ErrorKind::*;
    match e.kind() {
        ConnectionRefused => IpmiError::Unreachable("port closed (ICMP port unreachable)".into()),
        HostUnreachable | NetworkUnreachable | AddrNotAvailable => {
            IpmiError::Unreachable(e.to_string())
        }
        _ => IpmiError::Io(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_targets() {
        assert_eq!(
            parse_target("10.0.0.1", 623).unwrap(),
            ("10.0.0.1".into(), 623)
        );
        assert_eq!(
            parse_target("bmc1:1623", 623).unwrap(),
            ("bmc1".into(), 1623)
        );
        assert_eq!(
            parse_target("[::1]:20623", 623).unwrap(),
            ("::1".into(), 20623)
        );
        assert_eq!(
            parse_target("[fe80::1]", 623).unwrap(),
            ("fe80::1".into(), 623)
        );
        assert_eq!(parse_target("::1", 623).unwrap(), ("::1".into(), 623));
        assert!(parse_target("host:x", 623).is_err());
        assert!(parse_target("[::1", 623).is_err());
        assert!(parse_target("", 623).is_err());
        assert!(parse_target(":623", 623).is_err());
    }

    #[tokio::test]
    async fn closed_port_is_unreachable_at_once() {
        // Bind then drop a socket to find a port that is (very likely) closed.
        let port = std::net::UdpSocket::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let t = Transport::connect(&format!("127.0.0.1:{port}"), Arc::default())
            .await
            .unwrap();
        t.send(&[0]).await.unwrap();
        let start = std::time::Instant::now();
        let r = t
            .recv_until(
                Instant::now() + Duration::from_secs(2),
                Duration::from_secs(2),
            )
            .await;
        assert!(matches!(r, Err(IpmiError::Unreachable(_))), "{r:?}");
        assert!(start.elapsed() < Duration::from_millis(500));
    }
}
