//! The IPMI collection engine. No web or database dependency: pure decoders in `decode`,
//! thin async I/O on top.

pub mod decode;
