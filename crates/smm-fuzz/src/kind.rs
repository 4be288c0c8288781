//! What a target reads, and how large an input may grow.

/// The largest input a mutation or an attack produces.
pub const MAX_INPUT: usize = 1 << 20;

/// What a target reads, which picks the mutations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// JSON text.
    Json,
    /// An age file (binary header of text lines, or armoured).
    Age,
    /// A zip package (an XLSX workbook).
    Zip,
}
