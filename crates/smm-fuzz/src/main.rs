//! `smm-fuzz`: runs SMM Navigator's fuzz targets with its own seeded,
//! structure-aware harness, replays saved inputs, and writes seed corpora
//! for libFuzzer.
//!
//! ```text
//! smm-fuzz list
//! smm-fuzz run [--target NAME]... [--seed N] [--count N | --seconds S] [--no-save]
//! smm-fuzz smoke [--part K/N]    every target, seed 1, a fixed count each (CI); with
//!                                 --part, every Nth target from the Kth (one process per core)
//! smm-fuzz growth [--target NAME]...  each attack shape at n and 8n: fails at a ratio of 16
//! smm-fuzz replay --target NAME PATH...
//! smm-fuzz seeds --target NAME --out DIR
//! smm-fuzz make-sealed-seeds     writes crates/smm-fuzz/corpus/sealed/
//! ```

use std::io::Write;
use std::process::ExitCode;
use std::time::Duration;

use smm_fuzz::harness::{self, Budget};
use smm_fuzz::{seeds, target, Target, TARGETS};

#[global_allocator]
static ALLOC: smm_fuzz::alloc::Counting = smm_fuzz::alloc::Counting;

/// Executions per target in `smoke`: about a minute in all on one core of
/// the slower of the machines measured (see the README).
const SMOKE: &[(&str, u64)] = &[
    ("assessment", 6_000),
    ("migration", 9_000),
    ("import", 3_500),
    ("snapshots", 20_000),
    ("profile", 5_000),
    ("framework", 5_000),
    ("mapping", 2_500),
    ("interview", 50_000),
    // Benchmark before answers: `--part 1/2` and `--part 2/2` then take about
    // the same time.
    ("benchmark", 20_000),
    ("answers", 40_000),
    ("scan", 35_000),
    ("sealed", 9_000),
    ("workbook", 6_000),
];

fn usage() -> ExitCode {
    eprintln!(
        "usage: smm-fuzz list | run [--target NAME]... [--seed N] [--count N | --seconds S] [--no-save] | smoke [--part K/N] \
         | replay --target NAME PATH... | seeds --target NAME --out DIR | make-sealed-seeds"
    );
    ExitCode::from(2)
}

fn named(name: &str) -> Result<&'static Target, String> {
    target(name).ok_or_else(|| {
        format!("no target `{name}`; the targets are {}", TARGETS.iter().map(|t| t.name).collect::<Vec<_>>().join(", "))
    })
}

fn report(runs: &[harness::Run]) -> ExitCode {
    let mut failed = false;
    for r in runs {
        for f in &r.findings {
            failed = true;
            println!(
                "FINDING in {}: {}\n  saved as {}",
                r.target,
                f.message,
                f.path.as_ref().map_or("(not saved)".into(), |p| p.display().to_string())
            );
        }
    }
    let (execs, secs): (u64, f64) = runs.iter().fold((0, 0.0), |(e, s), r| (e + r.execs, s + r.elapsed.as_secs_f64()));
    println!(
        "all: {execs} executions in {secs:.1} s, {} finding(s)",
        runs.iter().map(|r| r.findings.len()).sum::<usize>()
    );
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn run_all(list: &[(&'static Target, Budget)], seed: u64, save: bool) -> ExitCode {
    println!("{}", harness::HEADER);
    let mut runs = Vec::new();
    for (t, budget) in list {
        let r = harness::run(t, seed, *budget, save);
        println!("{}", harness::line(&r));
        let _ = std::io::stdout().flush();
        runs.push(r);
    }
    report(&runs)
}

fn main() -> ExitCode {
    smm_fuzz::targets::set_time_scale(if cfg!(debug_assertions) { 20 } else { 1 });
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(command) = args.first() else { return usage() };
    let mut names = Vec::new();
    let (mut seed, mut budget, mut save, mut out, mut paths) = (1u64, Budget::Count(10_000), true, None, Vec::new());
    let mut part = (1usize, 1usize);
    let mut i = 1;
    while i < args.len() {
        let value = args.get(i + 1).cloned().unwrap_or_default();
        match args[i].as_str() {
            "--target" => names.push(value),
            "--seed" => seed = value.parse().unwrap_or(1),
            "--count" => budget = Budget::Count(value.parse().unwrap_or(10_000)),
            "--seconds" => budget = Budget::Time(Duration::from_secs_f64(value.parse().unwrap_or(10.0))),
            "--out" => out = Some(value),
            "--part" => match value.split_once('/').and_then(|(k, n)| Some((k.parse().ok()?, n.parse().ok()?))) {
                Some((k, n)) if (1..=n).contains(&k) => part = (k, n),
                _ => return usage(),
            },
            "--no-save" => {
                save = false;
                i += 1;
                continue;
            }
            other if other.starts_with("--") => return usage(),
            other => {
                paths.push(other.to_string());
                i += 1;
                continue;
            }
        }
        i += 2;
    }
    let targets: Result<Vec<&'static Target>, String> =
        if names.is_empty() { Ok(TARGETS.iter().collect()) } else { names.iter().map(|n| named(n)).collect() };
    let targets = match targets {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    match command.as_str() {
        "list" => {
            for t in TARGETS {
                println!("{:<12} {}", t.name, t.about);
            }
            ExitCode::SUCCESS
        }
        "run" => run_all(&targets.iter().map(|t| (*t, budget)).collect::<Vec<_>>(), seed, save),
        "smoke" => {
            let list: Vec<_> = SMOKE.iter().filter_map(|(n, c)| target(n).map(|t| (t, Budget::Count(*c)))).collect();
            assert_eq!(list.len(), TARGETS.len(), "every target has a smoke count");
            let (k, n) = part;
            let mine: Vec<_> = list.into_iter().skip(k - 1).step_by(n).collect();
            run_all(&mine, 1, save)
        }
        "replay" => {
            let mut failed = false;
            for t in &targets {
                for p in &paths {
                    let path = std::path::Path::new(p);
                    let files = if path.is_dir() {
                        let s = harness::replay_dir(t, path);
                        println!(
                            "{}: {} inputs in {p}, {} distinct outcomes, {} failing",
                            t.name,
                            s.inputs,
                            s.outcomes,
                            s.failures.len()
                        );
                        s.failures
                    } else {
                        let bytes = std::fs::read(path).unwrap_or_default();
                        match harness::replay(t, &bytes) {
                            Ok(o) => {
                                println!("{p}: {o}");
                                Vec::new()
                            }
                            Err(m) => vec![(path.to_path_buf(), m)],
                        }
                    };
                    for (f, m) in files {
                        failed = true;
                        println!("{}: FAILS: {m}", f.display());
                    }
                }
            }
            if failed {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        "seeds" => {
            let Some(dir) = out else { return usage() };
            for t in &targets {
                let dir = std::path::Path::new(&dir).join(t.name);
                if let Err(e) = std::fs::create_dir_all(&dir) {
                    eprintln!("{}: {e}", dir.display());
                    return ExitCode::FAILURE;
                }
                let list = seeds::seeds(t.name);
                for (n, s) in list.iter().enumerate() {
                    let _ = std::fs::write(dir.join(format!("seed-{n:03}")), s);
                }
                println!("{}: {} seeds in {}", t.name, list.len(), dir.display());
            }
            ExitCode::SUCCESS
        }
        "make-sealed-seeds" => make_sealed_seeds(),
        "growth" => growth(&targets),
        _ => usage(),
    }
}

/// The growth check of every target: each attack shape of its kind, built
/// from its first seed, timed at n and 8n; fails when 8 times the input takes
/// 16 times as long or more.
fn growth(targets: &[&'static Target]) -> ExitCode {
    use smm_fuzz::attack::{self, GROWTH_BOUND};
    println!(
        "{:<12} {:<24} {:>7} {:>10} {:>10} {:>11} {:>11} {:>6}",
        "target", "shape", "n", "bytes n", "bytes 8n", "time n", "time 8n", "ratio"
    );
    let mut failed = false;
    for t in targets {
        let Some(seed) = seeds::seeds(t.name).into_iter().next() else { continue };
        for g in attack::growth(t.kind, &seed, |input| {
            (t.run)(input);
        }) {
            let ratio = g.ratio();
            let over = ratio >= GROWTH_BOUND;
            failed |= over;
            println!(
                "{:<12} {:<24} {:>7} {:>10} {:>10} {:>11?} {:>11?} {:>6.1}{}",
                t.name,
                g.shape,
                g.n,
                g.bytes.0,
                g.bytes.1,
                g.times.0,
                g.times.1,
                ratio,
                if over { "  OVER THE BOUND" } else { "" }
            );
            let _ = std::io::stdout().flush();
        }
    }
    println!("bound: a ratio under {GROWTH_BOUND} for 8 times the input (linear 8, quadratic 64)");
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Valid age files for the sealed target: each work factor it opens, binary
/// and armoured, of an example assessment and of text that is not one.
/// Encryption draws random salts, so they are made once and committed.
fn make_sealed_seeds() -> ExitCode {
    use smm_fuzz::targets::{FUZZ_WORK_FACTOR, PASSPHRASE};
    let dir = seeds::corpus_dir("sealed");
    let _ = std::fs::create_dir_all(&dir);
    let example =
        std::fs::read(seeds::root().join("tests/fixtures/interviews/assessment.smm.json")).unwrap_or_default();
    for wf in 1..=FUZZ_WORK_FACTOR {
        for (name, plain) in [("assessment", &example[..]), ("text", &b"not an assessment\n"[..])] {
            let Ok(sealed) = smm_core::seal::encrypt(plain, PASSPHRASE, wf) else { return ExitCode::FAILURE };
            let _ = std::fs::write(dir.join(format!("{name}-wf{wf}.age")), &sealed);
            if wf == 2 {
                let mut armoured = Vec::new();
                let Ok(mut w) = age::armor::ArmoredWriter::wrap_output(&mut armoured, age::armor::Format::AsciiArmor)
                else {
                    return ExitCode::FAILURE;
                };
                if w.write_all(&sealed).is_err() || w.finish().is_err() {
                    return ExitCode::FAILURE;
                }
                let _ = std::fs::write(dir.join(format!("{name}-wf{wf}-armoured.age")), &armoured);
            }
        }
    }
    println!("wrote {}", dir.display());
    ExitCode::SUCCESS
}
