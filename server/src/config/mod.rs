//! Configuration: built-in defaults, then an optional TOML file, then `IPMI_MONITOR_*`
//! environment variables. Anything unknown or malformed stops start-up with a message that
//! names the key, because a typo silently ignored is a setting the operator thinks they have.

mod error;
mod load;
mod secret;
mod settings;

pub use error::ConfigError;
pub use load::{CONFIG_FILE_VAR, ENV_PREFIX};
pub use secret::Secret;
pub use settings::{Config, DatabaseKind};
