//! SEL against `ipmitool sel elist`, incremental reads, clear detection.

use engine::client::SelCursor;

use crate::common::connect;
use crate::lab::Lab;

fn elist_lines(out: &str) -> Vec<String> {
    out.lines()
        .map(|l| l.trim_end().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sel_matches_ipmitool_elist_and_reads_incrementally() {
    let lab = Lab::start(1);
    // Events with real timestamps (the fleet sets the SEL clock) and threshold data.
    lab.fleet(&["inject", "1", "ecc", "2"]);
    lab.fleet(&["inject", "1", "psu-fail", "2"]);
    let client = connect(&lab, 1).await;
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

    // Nothing new: one Get SEL Info, no record reads.
    let n = client.request_count();
    let again = client.read_sel_since(&batch.cursor).await.unwrap();
    assert!(again.entries.is_empty());
    assert_eq!(client.request_count() - n, 1);

    // One new event: exactly that one comes back.
    lab.fleet(&["inject", "1", "intrusion"]);
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
