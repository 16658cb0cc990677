//! Quick manual probe: `cargo run -p engine --example probe -- 127.0.0.1:30623 admin password 3`
use engine::client::{BmcClient, ConnectOptions, Credentials};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let a: Vec<String> = std::env::args().collect();
    let suites = match a.get(4) {
        Some(s) => s
            .split(',')
            .map(|x| x.parse())
            .collect::<Result<Vec<u8>, _>>()?,
        None => vec![17, 3],
    };
    let opts = ConnectOptions {
        cipher_suites: suites,
        ..Default::default()
    };
    let t = std::time::Instant::now();
    let c = BmcClient::connect(&a[1], Credentials::new(a[2].clone(), a[3].as_str()), opts).await?;
    println!("connect {:?} {:?}", t.elapsed(), c.session_info());
    for round in 0..2 {
        let before = c.request_count();
        let t = std::time::Instant::now();
        let sensors = c.poll_sensors().await?;
        println!(
            "poll {round}: {} sensors, {} requests, {:?}",
            sensors.len(),
            c.request_count() - before,
            t.elapsed()
        );
        if round == 0 {
            for s in &sensors {
                println!(
                    "{:16} {:?} {:?} {:?} {:?} {:?} {:?}",
                    s.name, s.value, s.unit, s.threshold_state, s.status, s.states, s.thresholds
                );
            }
        }
    }
    c.close().await?;
    Ok(())
}
