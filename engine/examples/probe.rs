//! Quick manual probe: `cargo run -p engine --example probe -- 127.0.0.1:30623 admin password 3`
use engine::client::{BmcClient, ConnectOptions, Credentials};

#[tokio::main]
async fn main() {
    let a: Vec<String> = std::env::args().collect();
    let suites = a
        .get(4)
        .map(|s| s.split(',').map(|x| x.parse().unwrap()).collect())
        .unwrap_or(vec![17, 3]);
    let opts = ConnectOptions {
        cipher_suites: suites,
        ..Default::default()
    };
    let t = std::time::Instant::now();
    let c = BmcClient::connect(&a[1], Credentials::new(a[2].clone(), a[3].as_str()), opts).await;
    println!(
        "{:?} {:?}",
        t.elapsed(),
        c.as_ref().map(|c| c.session_info())
    );
    let c = c.unwrap();
    println!("{:?}", c.raw(6, 1, &[]).await);
    println!("{:?}", c.raw(0, 1, &[]).await);
    println!("requests {}", c.request_count());
    println!("{:?}", c.close().await);
}
