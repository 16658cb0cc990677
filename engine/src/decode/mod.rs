//! Pure decoders: bytes in, typed values out, no sockets.
