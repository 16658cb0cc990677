//! `ipmi-monitor`: parse the command line, load the configuration, run the subcommand.

use anyhow::Context;
use clap::Parser;
use server::build_info::BuildInfo;
use server::cli::{Cli, Command};
use server::config::Config;
use tracing_subscriber::EnvFilter;

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let command = cli.command.unwrap_or(Command::Serve);
    if let Command::Version { json } = command {
        print_version(json)?;
        return Ok(());
    }

    let config =
        Config::load(cli.config.as_deref(), std::env::vars()).context("invalid configuration")?;
    let filter = EnvFilter::try_new(&config.log)
        .with_context(|| format!("IPMI_MONITOR_LOG: invalid filter '{}'", config.log))?;
    tracing_subscriber::fmt().with_env_filter(filter).init();

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    runtime.block_on(async move {
        match command {
            Command::Serve => server::serve::run(config).await?,
            Command::Migrate => {
                let db = server::db::open(&config).await?;
                db.close().await?;
                println!(
                    "database is up to date ({})",
                    config.database_kind().as_str()
                );
            }
            Command::Version { .. } => {}
        }
        anyhow::Ok(())
    })
}

fn print_version(json: bool) -> anyhow::Result<()> {
    let info = BuildInfo::current();
    if json {
        println!("{}", serde_json::to_string_pretty(&info)?);
    } else {
        println!(
            "ipmi-monitor {} (commit {}, branch {}, built {})",
            info.version, info.git_commit, info.git_branch, info.build_time
        );
    }
    Ok(())
}
