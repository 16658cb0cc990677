//! Request builders and response decoders, one file per command family. Decoding of SDR,
//! SEL and FRU contents is `crate::decode`'s job; these only frame the commands.

pub mod completion;
pub mod request;

pub use request::{Request, netfn};
