//! SDR cache placeholder (filled in with the decoders).

#[derive(Debug, Clone, Default)]
pub struct SdrCache {}
