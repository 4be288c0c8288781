//! # smm-fuzz
//!
//! Fuzz targets for every reader of outside input in SMM Navigator (every
//! document kind, the structural scan, the migrations, the age header check
//! and decryption, the workbook reader), each asserting more than "no panic"
//! ([`targets`]); the seed corpora ([`seeds`]); structure-aware mutations
//! ([`mutate`]); and a seeded harness that needs only stable Rust
//! ([`harness`]). `libfuzzer/` drives the same targets under libFuzzer, with
//! coverage guidance and the same mutations as its custom mutator.
//!
//! `smm-fuzz run` prints, per target, the executions, executions per second,
//! distinct outcomes and the seed; findings are saved under
//! `crates/smm-fuzz/regressions/<target>/` and replayed by `cargo test`.

#![deny(unsafe_code)]
#![warn(missing_docs)]

#[allow(unsafe_code)]
pub mod alloc;
pub mod attack;
pub mod cputime;
pub mod harness;
pub mod kind;
pub mod mutate;
pub mod pack;
pub mod reference;
pub mod rng;
pub mod seeds;
pub mod targets;

pub use targets::{check, target, Outcome, Target, TARGETS};

/// libFuzzer's custom mutator, in plain terms: half the time libFuzzer's own
/// mutation (`theirs`), half the time one of [`mutate::mutate`]'s, seeded by
/// libFuzzer's seed so that its runs stay reproducible. Writes into `data`
/// and returns the new length (at most `max_size`).
pub fn custom_mutate(
    t: &Target,
    data: &mut [u8],
    size: usize,
    max_size: usize,
    seed: u32,
    theirs: impl FnOnce(&mut [u8], usize, usize) -> usize,
) -> usize {
    use std::sync::OnceLock;
    // One target per process (libFuzzer runs one), so its dictionary is made once.
    static DICT: OnceLock<mutate::Dict> = OnceLock::new();
    let mut rng = rng::Rng::new(u64::from(seed));
    if rng.one_in(2) {
        return theirs(data, size, max_size);
    }
    let dict = DICT.get_or_init(|| mutate::Dict::from_seeds(&seeds::seeds(t.name)));
    let out = mutate::mutate(t.kind, &data[..size], &[], dict, &mut rng);
    if out.len() > max_size {
        return theirs(data, size, max_size);
    }
    data[..out.len()].copy_from_slice(&out);
    out.len()
}
