//! SEL against `ipmitool sel elist`, incremental reads, clear detection.

use std::time::Duration;

use engine::client::{BmcClient, SelCursor};

use crate::common::connect;
use crate::lab::Lab;

fn elist_lines(out: &str) -> Vec<String> {
    out.lines()
        .map(|l| l.trim_end().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

/// Waits until the SEL entry count has been stable for 300 ms: injected events reach the
/// simulator's SEL through its console a moment after `bmc-fleet inject` returns.
async fn settle(client: &BmcClient) {
    let mut last = u16::MAX;
    for _ in 0..30 {
        let n = client.sel_info().await.unwrap().entries;
        if n == last {
            return;
        }
        last = n;
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sel_matches_ipmitool_elist_and_reads_incrementally() {
    let lab = Lab::start(1);
    // Events with real timestamps (the fleet sets the SEL clock) and threshold data.
    lab.fleet(&["inject", "1", "ecc", "2"]);
    lab.fleet(&["inject", "1", "psu-fail", "2"]);
    let client = connect(&lab, 1).await;
    settle(&client).await;
    let batch = client.read_sel_since(&SelCursor::default()).await.unwrap();
    let theirs = elist_lines(&lab.ipmitool(1, &["sel", "elist"]));
    let ours: Vec<String> = batch
        .entries
        .iter()
        .map(|e| e.elist.trim_end().to_string())
        .collect();
    assert_eq!(ours, theirs);
    assert_eq!(batch.info.entries as usize, ours.len());
    assert!(!batch.cleared);

    // Nothing new: Get SEL Info and one Get SEL Entry (the cursor's record).
    let n = client.request_count();
    let again = client.read_sel_since(&batch.cursor).await.unwrap();
    assert!(again.entries.is_empty());
    assert_eq!(client.request_count() - n, 2);

    // One new event: exactly that one comes back.
    lab.fleet(&["inject", "1", "intrusion"]);
    settle(&client).await;
    let more = client.read_sel_since(&again.cursor).await.unwrap();
    let theirs = elist_lines(&lab.ipmitool(1, &["sel", "elist"]));
    assert_eq!(more.entries.len(), 1);
    assert_eq!(more.entries[0].elist.trim_end(), theirs.last().unwrap());

    // Clear: detected, and the log restarts.
    client.clear_sel().await.unwrap();
    let after = client.read_sel_since(&more.cursor).await.unwrap();
    assert!(after.cleared);
    assert!(
        after.entries.len() <= 1,
        "only the 'log cleared' record may remain"
    );
    client.close().await.unwrap();
}
