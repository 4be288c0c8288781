//! The PNG charts of the Word report: real images of the right size, with the
//! figures drawn (the achieved colour is there, and the text is set).
#![cfg(feature = "png")]

use smm_core::{Catalogue, Report};

const BOTTLING: &str = include_str!("../../../examples/bottling-line-asset-owner.smm.json");

fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "a PNG signature");
    let be = |i: usize| u32::from_be_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
    (be(16), be(20))
}

/// The RGB pixels of a PNG this crate wrote (one IDAT, no filtering), read
/// chunk by chunk with each CRC checked.
fn pixels(bytes: &[u8]) -> Vec<u8> {
    use std::io::Read as _;
    let (w, h) = png_size(bytes);
    let mut at = 8;
    let mut idat = Vec::new();
    while at < bytes.len() {
        let len = u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap()) as usize;
        let kind = &bytes[at + 4..at + 8];
        let body = &bytes[at + 8..at + 8 + len];
        let crc = u32::from_be_bytes(bytes[at + 8 + len..at + 12 + len].try_into().unwrap());
        let mut hasher = crc32fast::Hasher::new();
        hasher.update(kind);
        hasher.update(body);
        assert_eq!(hasher.finalize(), crc, "the CRC of chunk {}", String::from_utf8_lossy(kind));
        if kind == b"IDAT" {
            idat.extend_from_slice(body);
        }
        at += 12 + len;
    }
    let mut raw = Vec::new();
    flate2::read::ZlibDecoder::new(&idat[..]).read_to_end(&mut raw).unwrap();
    assert_eq!(raw.len(), (w as usize * 3 + 1) * h as usize);
    raw.chunks(w as usize * 3 + 1).flat_map(|row| row[1..].to_vec()).collect()
}

#[test]
fn the_gap_and_domain_charts_are_images_with_bars_and_text() {
    let c = Catalogue::builtin();
    let a = smm_core::parse_assessment(BOTTLING.as_bytes(), c).unwrap();
    let report = Report::new(c, &a, "2026-12-06");
    let (gap, w, h) = smm_charts::png::gap_chart_png(c, &report).unwrap();
    assert_eq!(png_size(&gap), (w, h));
    let px = pixels(&gap);
    let count = |rgb: (u8, u8, u8)| px.chunks(3).filter(|p| (p[0], p[1], p[2]) == rgb).count();
    let achieved = smm_charts::colour::ACHIEVED;
    assert!(count((achieved.0, achieved.1, achieved.2)) > 1000, "achieved bars are drawn");
    // Text: dark pixels outside the bars' area, in the label column.
    let label_ink = px.chunks(3).enumerate().filter(|(i, p)| (i % w as usize) < 300 && p[0] < 80 && p[1] < 80).count();
    assert!(label_ink > 2000, "the practice names are set ({label_ink} dark pixels)");
    let (dom, dw, dh) = smm_charts::png::domain_chart_png(c, &report).unwrap();
    assert_eq!(png_size(&dom), (dw, dh));
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));
    std::fs::write(dir.join("gap-chart.png"), &gap).unwrap();
    std::fs::write(dir.join("domain-chart.png"), &dom).unwrap();
}
