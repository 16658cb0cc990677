//! Test support shared by the crates that test against the BMC lab.
//!
//! A private BMC lab for one test: `lab/bmc-fleet start N` in its own `BMC_FLEET_DIR` on free
//! loopback ports, stopped on drop. Missing ipmi_sim/ipmitool is a test failure, not a skip:
//! CI installs them.

use std::net::{TcpListener, UdpSocket};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, Ordering};

/// Ports below the Linux ephemeral range (32768+), so client sockets never take them.
const PORT_FLOOR: u32 = 10_000;
const SLOTS: u32 = 300;
/// Each slot holds `base`, `console` and `proxy` ranges of up to `MAX_PER_RANGE` ports.
const MAX_PER_RANGE: u32 = 24;
const SLOT_SIZE: u32 = MAX_PER_RANGE * 3;

static NEXT_SLOT: AtomicU32 = AtomicU32::new(0);

/// Where this process starts in the slot ring: random per process so concurrent test
/// processes rarely probe the same ranges, but fixed within one, so the labs of concurrent
/// tests in one process (consecutive `NEXT_SLOT` values) never share a slot. A per-call
/// seed once let two tests land on one slot: the second lab's ipmi_sim could not bind, the
/// first lab's BMC answered its start-up probe, and the test then drove the wrong lab.
fn process_seed() -> u32 {
    static SEED: OnceLock<u32> = OnceLock::new();
    *SEED.get_or_init(|| {
        std::process::id().wrapping_mul(7919)
            ^ std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.subsec_micros())
                .unwrap_or(0)
    })
}

pub const USER: &str = "admin";
pub const PASSWORD: &str = "password";

pub struct Lab {
    dir: tempfile::TempDir,
    fleet: PathBuf,
    pub n: u32,
    pub base_port: u16,
    pub console_base: u16,
    pub proxy_base: u16,
}

fn lab_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Local TCP ports in use in any state, TIME_WAIT included: ipmi_sim binds its console
/// without SO_REUSEADDR, so a port a previous lab's console connection left in TIME_WAIT
/// makes it exit at start (and a bind probe from Rust, which sets SO_REUSEADDR, would not
/// notice).
fn tcp_ports_in_use() -> std::collections::HashSet<u16> {
    let mut ports = std::collections::HashSet::new();
    for f in ["/proc/net/tcp", "/proc/net/tcp6"] {
        let Ok(text) = std::fs::read_to_string(f) else {
            continue;
        };
        for line in text.lines().skip(1) {
            let Some(local) = line.split_whitespace().nth(1) else {
                continue;
            };
            if let Some(p) = local
                .rsplit(':')
                .next()
                .and_then(|h| u16::from_str_radix(h, 16).ok())
            {
                ports.insert(p);
            }
        }
    }
    ports
}

/// Sends an ASF Presence Ping to `port` and waits briefly for the Pong.
fn answers(port: u16) -> bool {
    let Ok(s) = UdpSocket::bind("127.0.0.1:0") else {
        return false;
    };
    if s.connect(("127.0.0.1", port)).is_err() {
        return false;
    }
    let _ = s.set_read_timeout(Some(std::time::Duration::from_millis(300)));
    let mut buf = [0u8; 128];
    (0..5).any(|_| {
        let _ = s.send(&[0x06, 0, 0xFF, 0x06, 0, 0, 0x11, 0xBE, 0x80, 1, 0, 0]);
        matches!(s.recv(&mut buf), Ok(n) if n > 8)
    })
}

fn ports_free(base: u32, n: u32) -> bool {
    let tcp = tcp_ports_in_use();
    (0..n).all(|i| {
        !tcp.contains(&((base + i + MAX_PER_RANGE) as u16)) && {
            let p = (base + i) as u16;
            UdpSocket::bind(("127.0.0.1", p)).is_ok()
                && UdpSocket::bind(("127.0.0.1", p + MAX_PER_RANGE as u16 * 2)).is_ok()
                && TcpListener::bind(("127.0.0.1", p + MAX_PER_RANGE as u16)).is_ok()
        }
    })
}

impl Lab {
    /// Starts `n` BMCs (n ≤ 24) with static sensor readings (`--drift 0`) so values can be
    /// compared with ipmitool's.
    pub fn start(n: u32) -> Lab {
        Lab::start_with(n, &["--drift", "0"])
    }

    pub fn start_with(n: u32, extra: &[&str]) -> Lab {
        assert!((1..=MAX_PER_RANGE).contains(&n));
        for tool in ["ipmi_sim", "ipmitool", "sdrcomp"] {
            let found = Command::new("sh")
                .args(["-c", &format!("command -v {tool}")])
                .output()
                .map(|o| o.status.success())
                .unwrap_or(false);
            assert!(
                found,
                "{tool} is not installed: apt-get install -y openipmi ipmitool"
            );
        }
        let mut last = String::new();
        for _ in 0..4 {
            match Lab::try_start(n, extra) {
                Ok(lab) => return lab,
                Err(e) => last = e,
            }
        }
        panic!("{last}");
    }

    /// One attempt on a fresh port range; the lab is stopped again if any BMC is not up.
    fn try_start(n: u32, extra: &[&str]) -> Result<Lab, String> {
        let base = loop {
            let k = NEXT_SLOT.fetch_add(1, Ordering::Relaxed);
            assert!(k < SLOTS * 4, "no free port range for a lab");
            let slot = process_seed().wrapping_add(k) % SLOTS;
            let base = PORT_FLOOR + slot * SLOT_SIZE;
            if ports_free(base, n) {
                break base;
            }
        };
        let dir = tempfile::Builder::new()
            .prefix("engine-lab-")
            .tempdir()
            .unwrap();
        let mut lab = Lab {
            dir,
            fleet: lab_dir().join("bmc-fleet"),
            n,
            base_port: base as u16,
            console_base: (base + MAX_PER_RANGE) as u16,
            proxy_base: (base + 2 * MAX_PER_RANGE) as u16,
        };
        let mut args = vec![
            "start".to_string(),
            n.to_string(),
            "--base-port".into(),
            lab.base_port.to_string(),
            "--console-base".into(),
            lab.console_base.to_string(),
            "--proxy-base".into(),
            lab.proxy_base.to_string(),
        ];
        args.extend(extra.iter().map(|s| s.to_string()));
        let out = lab.fleet_cmd(&args);
        if !out.status.success() {
            // Drop stops whatever did start.
            return Err(format!(
                "bmc-fleet start failed:\n{}\n{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        if let Some(i) = (1..=n).find(|i| !answers(lab.port(*i))) {
            lab.stop();
            return Err(format!(
                "lab BMC {i} on port {} did not come up",
                lab.port(i)
            ));
        }
        Ok(lab)
    }

    fn fleet_cmd(&self, args: &[String]) -> Output {
        Command::new("bash")
            .arg(&self.fleet)
            .args(args)
            .env("BMC_FLEET_DIR", self.dir.path())
            .output()
            .expect("run bmc-fleet")
    }

    /// Runs `bmc-fleet ARGS…` for this lab and asserts it succeeded.
    pub fn fleet(&self, args: &[&str]) -> String {
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        let out = self.fleet_cmd(&args);
        assert!(
            out.status.success(),
            "bmc-fleet {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// `host:port` of BMC `i` (1-based).
    pub fn target(&self, i: u32) -> String {
        format!("127.0.0.1:{}", self.port(i))
    }

    pub fn port(&self, i: u32) -> u16 {
        assert!((1..=self.n).contains(&i));
        self.base_port + (i - 1) as u16
    }

    /// `host:port` of BMC `i`'s `slow` relay.
    pub fn proxy_target(&self, i: u32) -> String {
        format!("127.0.0.1:{}", self.proxy_base + (i - 1) as u16)
    }

    /// What `lab-chassis` recorded for BMC `i`: every power, reset, soft-shutdown and
    /// identify request the simulated BMC passed on.
    pub fn chassis_log(&self, i: u32) -> String {
        let path = self
            .dir
            .path()
            .join(format!("bmc-{i:03}"))
            .join("chassis.log");
        std::fs::read_to_string(path).unwrap_or_default()
    }

    /// `ipmitool -I lanplus -C 3` against BMC `i`, password from the environment (`-E`).
    pub fn ipmitool(&self, i: u32, args: &[&str]) -> String {
        let out = Command::new("ipmitool")
            .args(["-I", "lanplus", "-C", "3", "-H", "127.0.0.1", "-p"])
            .arg(self.port(i).to_string())
            .args(["-U", USER, "-E", "-N", "2", "-R", "3"])
            .args(args)
            .env("IPMI_PASSWORD", PASSWORD)
            .output()
            .expect("run ipmitool");
        assert!(
            out.status.success(),
            "ipmitool {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    pub fn stop(&mut self) {
        let _ = self.fleet_cmd(&["stop".to_string()]);
    }
}

impl Drop for Lab {
    fn drop(&mut self) {
        self.stop();
    }
}
