//! Layer 1, base: what every other layer builds on and that knows nothing of
//! the SMM. Problems and typed errors, text decoding and limits, the one
//! bounded JSON reader, table escaping, levels, scopes and roles, age encryption.

pub mod error;
pub mod json;
pub mod level;
pub mod limits;
pub mod role;
pub mod scan;
pub mod seal;
pub mod table;
pub mod text;
