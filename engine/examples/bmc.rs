//! The `bmc` CLI on its own, for manual testing:
//! `cargo run -p engine --example bmc -- 127.0.0.1:20623 -U admin --password-env PW sensors`

use clap::Parser;

#[derive(Parser)]
#[command(name = "bmc", about = "Query BMCs over IPMI v2.0 (RMCP+)")]
struct Cli {
    #[command(flatten)]
    args: engine::cli::BmcArgs,
}

#[tokio::main]
async fn main() {
    let cli = Cli::parse();
    let code = match engine::cli::run(cli.args).await {
        Ok(code) => code,
        Err(e) => {
            eprintln!("bmc: {e}");
            2
        }
    };
    std::process::exit(code);
}
