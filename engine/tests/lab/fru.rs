//! FRU against `ipmitool fru print`.

use crate::common::connect;
use crate::lab::Lab;

/// ipmitool's blocks: (description line, [(label, value)]).
fn blocks(out: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut v: Vec<(String, Vec<(String, String)>)> = Vec::new();
    for line in out.lines() {
        let Some((k, val)) = line.split_once(" : ") else {
            continue;
        };
        let (k, val) = (k.trim().to_string(), val.trim().to_string());
        if k == "FRU Device Description" {
            v.push((val, Vec::new()));
        } else if let Some(b) = v.last_mut() {
            b.1.push((k, val));
        }
    }
    v
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fru_matches_ipmitool() {
    let lab = Lab::start(1);
    let client = connect(&lab, 1).await;
    let ours = client.fru().await.unwrap();
    let theirs = blocks(&lab.ipmitool(1, &["fru", "print"]));
    assert_eq!(ours.len(), theirs.len());
    for (dev, (desc, fields)) in ours.iter().zip(&theirs) {
        assert_eq!(&format!("{} (ID {})", dev.name, dev.id), desc);
        let inv = dev.inventory.as_ref().unwrap();
        let ours_fields: Vec<(String, String)> = inv
            .ipmitool_fields()
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
        assert_eq!(&ours_fields, fields, "{desc}");
    }
    client.close().await.unwrap();
}
