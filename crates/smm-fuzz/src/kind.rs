//! What a target reads.

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
