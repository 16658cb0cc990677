//! Is the operating system up? A TCP connect to its SSH port: cheap, needs no credentials,
//! and answers "would an operator get in".

use std::time::Duration;

use tokio::net::TcpStream;

/// Port tried when the OS address has none.
const SSH_PORT: u16 = 22;

/// `Some(true)` when a TCP connection opens within `timeout`, `None` without an address.
pub async fn os_reachable(address: Option<&str>, timeout: Duration) -> Option<bool> {
    let address = address?.trim();
    if address.is_empty() {
        return None;
    }
    let target = with_default_port(address);
    let connected = tokio::time::timeout(timeout, TcpStream::connect(target.as_str())).await;
    Some(matches!(connected, Ok(Ok(_))))
}

/// `host` → `host:22`, `[v6]` or bare v6 → `[v6]:22`; an explicit port is kept.
fn with_default_port(address: &str) -> String {
    if address.starts_with('[') {
        if address.contains("]:") {
            address.to_owned()
        } else {
            format!("{address}:{SSH_PORT}")
        }
    } else if address.matches(':').count() > 1 {
        format!("[{address}]:{SSH_PORT}")
    } else if address.contains(':') {
        address.to_owned()
    } else {
        format!("{address}:{SSH_PORT}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_port_is_added_only_when_missing() {
        assert_eq!(with_default_port("10.0.0.5"), "10.0.0.5:22");
        assert_eq!(with_default_port("node1:2222"), "node1:2222");
        assert_eq!(with_default_port("::1"), "[::1]:22");
        assert_eq!(with_default_port("[::1]:2222"), "[::1]:2222");
        assert_eq!(with_default_port("[::1]"), "[::1]:22");
    }

    #[tokio::test]
    async fn open_and_closed_ports() {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let open = listener.local_addr().unwrap().to_string();
        assert_eq!(
            os_reachable(Some(&open), Duration::from_secs(2)).await,
            Some(true)
        );
        drop(listener);
        assert_eq!(
            os_reachable(Some(&open), Duration::from_secs(2)).await,
            Some(false)
        );
        assert_eq!(os_reachable(None, Duration::from_secs(2)).await, None);
    }
}
