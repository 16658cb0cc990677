use std::path::PathBuf;

/// Why the configuration could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read config file {path}: {source}")]
    ReadFile {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("config file {path}: {message}")]
    ParseFile { path: PathBuf, message: String },
    #[error("unknown environment variable {name} (known: {known})")]
    UnknownEnv { name: String, known: String },
    #[error("{key}: {message}")]
    BadValue { key: String, message: String },
}
