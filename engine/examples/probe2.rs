//! Manual probe of SEL/FRU/chassis: `cargo run -p engine --example probe2 -- 127.0.0.1:30623`
use engine::client::{BmcClient, ConnectOptions, Credentials, SelCursor};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let a: Vec<String> = std::env::args().collect();
    let c = BmcClient::connect(
        &a[1],
        Credentials::new("admin", "password"),
        ConnectOptions::default(),
    )
    .await?;
    println!("{:?}", c.device_info().await);
    println!("{:?}", c.chassis_status().await);
    println!("{:?}", c.power_reading().await);
    println!("{:?}", c.lan_info().await);
    println!("{:?}", c.sel_info().await);
    let b = c.read_sel_since(&SelCursor::default()).await?;
    for e in &b.entries {
        println!("{}  [{:?}]", e.elist, e.severity);
    }
    println!("cursor {:?}", b.cursor);
    let n = c.request_count();
    let b2 = c.read_sel_since(&b.cursor).await?;
    println!(
        "again: {} entries, {} requests",
        b2.entries.len(),
        c.request_count() - n
    );
    for d in c.fru().await? {
        println!("FRU {} {} {:?}", d.id, d.name, d.error);
        if let Some(inv) = d.inventory {
            for (k, v) in inv.ipmitool_fields() {
                println!("  {k:22}: {v}");
            }
        }
    }
    c.close().await?;
    Ok(())
}
