//! Zip packages taken apart and put together again, for the mutations and the attacks.

use std::io::{Cursor, Read, Write};

/// The parts of a zip (at most 64, 8 MiB each, 32 MiB in all), by name.
pub fn unzip(input: &[u8]) -> Option<Vec<(String, Vec<u8>)>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(input)).ok()?;
    let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
    let mut total = 0usize;
    for i in 0..archive.len().min(64) {
        let mut f = archive.by_index(i).ok()?;
        let mut data = Vec::new();
        f.by_ref().take(8 << 20).read_to_end(&mut data).ok()?;
        total += data.len();
        if total > 32 << 20 {
            return None;
        }
        let name = f.name().ok()?.to_string();
        parts.push((name, data));
    }
    (!parts.is_empty()).then_some(parts)
}

/// A zip of `parts`, compressed with `method`.
pub fn zip(parts: &[(String, Vec<u8>)], method: zip::CompressionMethod) -> Option<Vec<u8>> {
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(method);
    for (name, data) in parts {
        out.start_file(name.as_str(), options).ok()?;
        out.write_all(data).ok()?;
    }
    Some(out.finish().ok()?.into_inner())
}
