//! Every smm-fuzz target under libFuzzer; `SMM_FUZZ_TARGET` names the one to run.

#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::{fuzz_mutator, fuzz_target};
use smm_fuzz::Target;

#[global_allocator]
static ALLOC: smm_fuzz::alloc::Counting = smm_fuzz::alloc::Counting;

fn chosen() -> &'static Target {
    static CHOSEN: OnceLock<&'static Target> = OnceLock::new();
    CHOSEN.get_or_init(|| {
        let name = std::env::var("SMM_FUZZ_TARGET").unwrap_or_default();
        smm_fuzz::target(&name).unwrap_or_else(|| {
            let all: Vec<&str> = smm_fuzz::TARGETS.iter().map(|t| t.name).collect();
            panic!("set SMM_FUZZ_TARGET to one of: {}", all.join(", "))
        })
    })
}

fuzz_target!(|data: &[u8]| {
    smm_fuzz::targets::set_time_scale(1);
    let _ = smm_fuzz::check(chosen(), data);
});

fuzz_mutator!(|data: &mut [u8], size: usize, max_size: usize, seed: u32| {
    smm_fuzz::custom_mutate(chosen(), data, size, max_size, seed, |d, s, m| libfuzzer_sys::fuzzer_mutate(d, s, m))
});
