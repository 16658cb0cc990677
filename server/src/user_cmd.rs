//! `ipmi-monitor user add|passwd|list`: user management from the shell, for the first admin
//! of a headless install and for getting back in after a forgotten password.

use std::io::{BufRead, IsTerminal};

use app::ssr::auth::audit::{self, AuditRecord, Outcome};
use app::ssr::auth::{password, sessions, users};
use app::types::{Role, UserId};

use crate::cli::{PasswordSource, UserCommand};
use crate::config::Config;

#[derive(Debug, thiserror::Error)]
pub enum UserCmdError {
    #[error("{0}")]
    Invalid(String),
    #[error("no user named {0}")]
    NoSuchUser(String),
    #[error("a user named {0} exists already")]
    Exists(String),
    #[error("cannot read the password: {0}")]
    ReadPassword(String),
    #[error(transparent)]
    Server(#[from] crate::error::ServerError),
    #[error("database: {0}")]
    Database(#[from] sea_orm::DbErr),
}

pub async fn run(config: &Config, command: UserCommand) -> Result<(), UserCmdError> {
    let db = crate::db::open(config).await?;
    let result = match command {
        UserCommand::Add {
            name,
            role,
            password,
        } => add(&db, &name, &role, &password).await,
        UserCommand::Passwd { name, password } => passwd(&db, &name, &password).await,
        UserCommand::List { json } => list(&db, json).await,
    };
    let _ = db.close().await;
    result
}

async fn add(
    db: &sea_orm::DatabaseConnection,
    name: &str,
    role: &str,
    source: &PasswordSource,
) -> Result<(), UserCmdError> {
    users::validate_username(name).map_err(UserCmdError::Invalid)?;
    let role = Role::parse(role).ok_or_else(|| {
        UserCmdError::Invalid(format!("role '{role}' is not viewer, operator or admin"))
    })?;
    if users::find_by_name(db, name).await?.is_some() {
        return Err(UserCmdError::Exists(name.to_owned()));
    }
    let secret = read_new_password(source)?;
    let hash = hash(secret).await?;
    users::insert(db, name, hash, role).await?;
    audit_cli(db, "user.create", name, Some(format!("role {role}"))).await;
    println!("added {name} ({role})");
    Ok(())
}

async fn passwd(
    db: &sea_orm::DatabaseConnection,
    name: &str,
    source: &PasswordSource,
) -> Result<(), UserCmdError> {
    let user = users::find_by_name(db, name)
        .await?
        .ok_or_else(|| UserCmdError::NoSuchUser(name.to_owned()))?;
    let secret = read_new_password(source)?;
    let hash = hash(secret).await?;
    users::set_password(db, UserId(user.id), hash).await?;
    sessions::delete_for_user(db, UserId(user.id), None).await?;
    audit_cli(
        db,
        "user.reset_password",
        name,
        Some("their sessions were ended".to_owned()),
    )
    .await;
    println!("password of {name} changed; their sessions were ended");
    Ok(())
}

async fn list(db: &sea_orm::DatabaseConnection, json: bool) -> Result<(), UserCmdError> {
    let rows = users::list(db).await?;
    if json {
        let text = serde_json::to_string_pretty(&rows)
            .map_err(|e| UserCmdError::Invalid(e.to_string()))?;
        println!("{text}");
        return Ok(());
    }
    println!("{:<32} {:<9} {:<26} last login", "user", "role", "created");
    for row in rows {
        println!(
            "{:<32} {:<9} {:<26} {}",
            row.username,
            row.role,
            row.created_at,
            row.last_login_at.as_deref().unwrap_or("never")
        );
    }
    Ok(())
}

async fn hash(secret: String) -> Result<String, UserCmdError> {
    password::validate_new(&secret).map_err(|e| UserCmdError::Invalid(e.to_string()))?;
    password::hash(secret)
        .await
        .map_err(|e| UserCmdError::Invalid(e.to_string()))
}

async fn audit_cli(
    db: &sea_orm::DatabaseConnection,
    action: &str,
    name: &str,
    detail: Option<String>,
) {
    audit::record(
        db,
        AuditRecord {
            actor: "cli".to_owned(),
            action,
            target: Some(format!("user:{name}")),
            outcome: Outcome::Ok,
            detail,
            client: None,
        },
    )
    .await;
}

/// The password from the chosen source; on a terminal it is asked twice and must match.
fn read_new_password(source: &PasswordSource) -> Result<String, UserCmdError> {
    let read_err = |e: std::io::Error| UserCmdError::ReadPassword(e.to_string());
    if let Some(var) = &source.password_env {
        return std::env::var(var).map_err(|_| {
            UserCmdError::ReadPassword(format!("environment variable {var} is not set"))
        });
    }
    if let Some(path) = &source.password_file {
        let text = std::fs::read_to_string(path)
            .map_err(|e| UserCmdError::ReadPassword(format!("{}: {e}", path.display())))?;
        return Ok(first_line(&text));
    }
    if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("new password: ").map_err(read_err)?;
        let again = rpassword::prompt_password("again: ").map_err(read_err)?;
        if first != again {
            return Err(UserCmdError::Invalid("the two passwords differ".to_owned()));
        }
        return Ok(first);
    }
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(read_err)?;
    Ok(first_line(&line))
}

fn first_line(text: &str) -> String {
    text.lines().next().unwrap_or_default().to_owned()
}
