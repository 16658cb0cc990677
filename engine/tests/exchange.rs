//! The exchange loop against a scripted fake BMC on loopback: stale replies, duplicates,
//! late answers to an earlier attempt, and no retries for non-idempotent requests. The fake
//! speaks the pre-session IPMI 1.5 format, so no keys are needed.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use engine::IpmiError;
use engine::commands::Request;
use engine::rmcp_plus::ipmi_message::checksum;
use engine::rmcp_plus::{AuthType, decode_v15, encode_v15};
use engine::session::{Session, Timing};
use engine::transport::Transport;
use tokio::net::UdpSocket;

/// What the fake does with each request it receives.
#[derive(Clone, Copy)]
enum Act {
    /// Answer with this rqSeq offset (0 = correct, -1 = stale), `n` times.
    Reply { seq_offset: i8, n: u8, data: u8 },
    /// A stale reply (previous rqSeq, data 0x11), then the right one twice (data 0x22).
    StaleThenDuplicate,
    /// Say nothing.
    Drop,
    /// Say nothing now, answer this request after the next one arrives.
    Late,
}

fn reply(req_msg: &[u8], rq_seq: u8, data: u8) -> Vec<u8> {
    let netfn = (req_msg[1] >> 2) + 1;
    let mut m = vec![0x81, netfn << 2];
    m.push(checksum(&m));
    m.extend_from_slice(&[0x20, rq_seq << 2, req_msg[5], 0x00, data]);
    let c = checksum(&m[3..]);
    m.push(c);
    encode_v15(AuthType::None, 0, 0, &[0; 16], &m)
}

/// Starts the fake; returns its port.
async fn fake_bmc(script: Vec<Act>) -> u16 {
    let sock = UdpSocket::bind("127.0.0.1:0").await.unwrap();
    let port = sock.local_addr().unwrap().port();
    tokio::spawn(async move {
        let mut pending_late: Option<(Vec<u8>, std::net::SocketAddr)> = None;
        let mut buf = [0u8; 512];
        for act in script {
            let Ok((n, from)) = sock.recv_from(&mut buf).await else {
                return;
            };
            let msg = decode_v15(&buf[4..n]).unwrap().msg;
            let rq_seq = msg[4] >> 2;
            match act {
                Act::Reply {
                    seq_offset,
                    n,
                    data,
                } => {
                    let seq = (rq_seq as i8 + seq_offset) as u8 & 0x3F;
                    for _ in 0..n {
                        sock.send_to(&reply(&msg, seq, data), from).await.unwrap();
                    }
                }
                Act::StaleThenDuplicate => {
                    let stale = rq_seq.wrapping_sub(1) & 0x3F;
                    sock.send_to(&reply(&msg, stale, 0x11), from).await.unwrap();
                    for _ in 0..2 {
                        sock.send_to(&reply(&msg, rq_seq, 0x22), from)
                            .await
                            .unwrap();
                    }
                }
                Act::Drop => {}
                Act::Late => {
                    pending_late = Some((reply(&msg, rq_seq, 0xEE), from));
                    continue;
                }
            }
            if let Some((late, to)) = pending_late.take() {
                sock.send_to(&late, to).await.unwrap();
            }
        }
    });
    port
}

async fn session(port: u16, counter: Arc<AtomicU64>) -> Session {
    let t = Transport::connect(&format!("127.0.0.1:{port}"), counter)
        .await
        .unwrap();
    Session::presession(
        t,
        Timing {
            timeout: Duration::from_millis(150),
            retries: 2,
        },
    )
}

fn get_device_id() -> Request {
    Request::new(0x06, 0x01, Vec::new())
}

#[tokio::test]
async fn stale_and_duplicate_replies_are_dropped() {
    let port = fake_bmc(vec![
        Act::StaleThenDuplicate,
        Act::Reply {
            seq_offset: 0,
            n: 1,
            data: 0x44,
        },
    ])
    .await;
    let counter = Arc::new(AtomicU64::new(0));
    let mut s = session(port, counter.clone()).await;
    // The stale reply is skipped, the right one taken.
    assert_eq!(s.exchange(&get_device_id()).await.unwrap().data, [0x22]);
    // The duplicate of that reply is still queued: the next exchange must skip it too.
    assert_eq!(s.exchange(&get_device_id()).await.unwrap().data, [0x44]);
    assert_eq!(counter.load(Ordering::Relaxed), 2, "no retries were needed");
}

#[tokio::test]
async fn late_answer_to_an_earlier_attempt_is_accepted() {
    // Attempt 1 is answered only after attempt 2 arrives; attempt 2 is dropped.
    let port = fake_bmc(vec![Act::Late, Act::Drop]).await;
    let counter = Arc::new(AtomicU64::new(0));
    let mut s = session(port, counter.clone()).await;
    let r = s.exchange(&get_device_id()).await.unwrap();
    assert_eq!(r.data, [0xEE]);
    assert_eq!(counter.load(Ordering::Relaxed), 2, "one retry");
}

#[tokio::test]
async fn idempotent_requests_retry_others_do_not() {
    let port = fake_bmc(vec![
        Act::Drop,
        Act::Drop,
        Act::Reply {
            seq_offset: 0,
            n: 1,
            data: 0x33,
        },
        Act::Drop,
    ])
    .await;
    let counter = Arc::new(AtomicU64::new(0));
    let mut s = session(port, counter.clone()).await;
    let r = s.exchange(&get_device_id()).await.unwrap();
    assert_eq!(r.data, [0x33]);
    assert_eq!(counter.load(Ordering::Relaxed), 3, "two retries");
    // Chassis Control must be sent once only, even if no answer comes.
    let t = std::time::Instant::now();
    let r = s
        .exchange(&Request::new(0x00, 0x02, vec![0x02]).not_idempotent())
        .await;
    assert!(matches!(r, Err(IpmiError::Timeout(_))));
    assert_eq!(counter.load(Ordering::Relaxed), 4, "no retry");
    assert!(t.elapsed() < Duration::from_millis(400));
}
