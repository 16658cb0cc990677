//! Property tests for everything that reads bytes off the wire before the decoders do: RMCP
//! and ASF framing, IPMI 1.5 and 2.0 session packets (with and without integrity and
//! encryption), the session set-up replies and every command's response parser. Fed
//! arbitrary bytes, each returns a value or an error, and never panics.

use engine::commands::{chassis, dcmi, device, fru, lan, sdr, sel};
use engine::rmcp::asf_ping::decode_presence_pong;
use engine::rmcp::header::decode_rmcp_header;
use engine::rmcp_plus::confidentiality::ConfidentialityAlg;
use engine::rmcp_plus::integrity::IntegrityAlg;
use engine::rmcp_plus::ipmi_message::decode_response;
use engine::rmcp_plus::packet::{SessionCrypto, decode_v2};
use engine::rmcp_plus::v15_packet::decode_v15;
use engine::session::auth_caps;
use engine::session::open_session::decode_open_session;
use engine::session::rakp::{decode_rakp2, decode_rakp4};
use proptest::prelude::*;

fn bytes(max: usize) -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(any::<u8>(), 0..max)
}

/// An RMCP header for class IPMI followed by `rest`, so the session decoders get past it.
fn rmcp_ipmi(rest: &[u8]) -> Vec<u8> {
    let mut v = vec![0x06, 0x00, 0xFF, 0x07];
    v.extend_from_slice(rest);
    v
}

fn crypto_suite3() -> SessionCrypto {
    SessionCrypto {
        integrity: IntegrityAlg::HmacSha1_96,
        k1: vec![0x11; 20],
        confidentiality: ConfidentialityAlg::AesCbc128,
        k2: vec![0x22; 20],
    }
}

fn crypto_suite17() -> SessionCrypto {
    SessionCrypto {
        integrity: IntegrityAlg::HmacSha256_128,
        k1: vec![0x33; 32],
        confidentiality: ConfidentialityAlg::AesCbc128,
        k2: vec![0x44; 32],
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn framing_and_session_packets_never_panic(b in bytes(300)) {
        let _ = decode_rmcp_header(&b);
        let _ = decode_presence_pong(&b);
        let _ = decode_v15(&b);
        let _ = decode_v15(&rmcp_ipmi(&b));
        for crypto in [SessionCrypto::none(), crypto_suite3(), crypto_suite17()] {
            let _ = decode_v2(&b, &crypto);
            let _ = decode_v2(&rmcp_ipmi(&b), &crypto);
        }
        let _ = decode_response(&b);
    }

    #[test]
    fn rmcp_plus_payloads_with_a_valid_v2_header_never_panic(
        payload_type in prop_oneof![Just(0x00u8), Just(0x40), Just(0x80), Just(0xC0), any::<u8>()],
        len in 0u16..400,
        body in bytes(400),
    ) {
        // auth type 06h (RMCP+), payload type (encrypted/authenticated bits), ids, seq, length.
        let mut p = vec![0x06, payload_type, 0, 0, 0, 0, 0, 0, 0, 0];
        p.extend_from_slice(&len.to_le_bytes());
        p.extend_from_slice(&body);
        for crypto in [SessionCrypto::none(), crypto_suite3(), crypto_suite17()] {
            let _ = decode_v2(&rmcp_ipmi(&p), &crypto);
        }
    }

    #[test]
    fn session_setup_replies_never_panic(b in bytes(120)) {
        let _ = auth_caps::parse(&b);
        let _ = decode_open_session(&b);
        let _ = decode_rakp2(&b);
        let _ = decode_rakp4(&b);
    }

    #[test]
    fn command_response_parsers_never_panic(b in bytes(80), len in 0usize..40) {
        let _ = chassis::parse_chassis_status(&b);
        let _ = dcmi::parse_power_reading(&b);
        let _ = device::parse_device_id(&b);
        let _ = device::parse_self_test(&b);
        let _ = fru::parse_read_fru_data(&b);
        let _ = lan::parse_param(&b, len);
        let _ = sdr::parse_repository_info(&b);
        let _ = sdr::parse_reservation(&b);
        let _ = sdr::parse_get_sdr(&b);
        let _ = sel::parse_clear_sel(&b);
        let _ = sel::parse_sel_time(&b);
    }
}
