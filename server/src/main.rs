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
    let command = match command {
        Command::Version { json } => return print_version(json),
        Command::Bmc(args) => return run_bmc(args),
        other => other,
    };

    let config =
        Config::load(cli.config.as_deref(), std::env::vars()).context("invalid configuration")?;
    let filter = EnvFilter::try_new(&config.log)
        .with_context(|| format!("IPMI_MONITOR_LOG: invalid filter '{}'", config.log))?;
    // Logs go to stderr, so `--json` output on stdout stays parseable; colours only on a terminal.
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .init();

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
            Command::Import(args) => {
                server::import_cmd::run(&config, &args).await?;
            }
            Command::User(command) => server::user_cmd::run(&config, command).await?,
            Command::Backup(args) => server::backup_cmd::backup(&config, &args).await?,
            Command::Restore(args) => server::backup_cmd::restore(&config, &args).await?,
            Command::RotateKey { new_key_env } => {
                let outcome = server::rotate_key_cmd::run(&config, new_key_env.as_deref()).await?;
                println!(
                    "re-encrypted {} secret(s) under the new key",
                    outcome.secrets_reencrypted
                );
            }
            Command::Version { .. } | Command::Bmc(_) => {}
        }
        anyhow::Ok(())
    })
}

/// `ipmi-monitor bmc …`: the engine's probe. Logs go to stderr only when asked for
/// (`IPMI_MONITOR_LOG`), so scripts can parse stdout.
fn run_bmc(args: engine::cli::BmcArgs) -> anyhow::Result<()> {
    if let Ok(filter) = std::env::var("IPMI_MONITOR_LOG") {
        let filter = EnvFilter::try_new(&filter)
            .with_context(|| format!("IPMI_MONITOR_LOG: invalid filter '{filter}'"))?;
        tracing_subscriber::fmt()
            .with_env_filter(filter)
            .with_writer(std::io::stderr)
            .init();
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    let code = runtime.block_on(engine::cli::run(args))?;
    std::process::exit(code);
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
