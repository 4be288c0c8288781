//! SMM Navigator's own fuzzer: seeded, structure-aware mutation over the real
//! corpora, with the distinct outcomes as its feedback (an input that gives an
//! outcome not seen before joins the corpus). It needs nothing beyond stable
//! Rust, which is why CI's smoke runs on it; the long run also drives the same
//! targets under libFuzzer (see `scripts/fuzz.sh`).
//!
//! A panic in a target (a broken property or bound) is a finding: the input
//! is saved under `crates/smm-fuzz/regressions/<target>/`, where the tests
//! replay it. An input that runs for more than [`HANG_FACTOR`] times the
//! target's time bound is saved the same way by a watchdog, which then stops
//! the process (a loop cannot be interrupted from outside). The watchdog
//! counts the processor time the process spent on the input, not the time on
//! the clock: a long run at the lowest priority beside builds waits for the
//! processor for seconds at a time, and that is not a hang (a benchmark input
//! read in 0.1 s was taken for one on 2026-12-07).

use std::collections::HashSet;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::mutate::{mutate, Dict};
use crate::rng::{fnv, Rng};
use crate::seeds::{regressions_dir, seeds};
use crate::targets::{check, Outcome, Target};

/// An input running this many times its target's time bound is a hang.
pub const HANG_FACTOR: u32 = 10;
/// The corpus grows to at most this many inputs.
pub const MAX_CORPUS: usize = 4_000;
/// A run stops after this many distinct findings.
pub const MAX_FINDINGS: usize = 20;

/// How long a run goes on.
#[derive(Clone, Copy, Debug)]
pub enum Budget {
    /// This many executions (reproducible: the same seed gives the same inputs).
    Count(u64),
    /// Until this much time has passed.
    Time(Duration),
}

/// A saved finding.
#[derive(Clone, Debug)]
pub struct Finding {
    /// Where the input was saved (if saving was on).
    pub path: Option<PathBuf>,
    /// The panic message.
    pub message: String,
}

/// The figures of one run of one target.
#[derive(Clone, Debug)]
pub struct Run {
    /// The target.
    pub target: &'static str,
    /// The seed the run started from.
    pub seed: u64,
    /// Executions, seeds included.
    pub execs: u64,
    /// Wall time.
    pub elapsed: Duration,
    /// Distinct outcomes.
    pub outcomes: usize,
    /// Inputs accepted and refused.
    pub accepted: u64,
    /// Inputs refused.
    pub refused: u64,
    /// The seeds the run started from.
    pub seeds: usize,
    /// The corpus at the end.
    pub corpus: usize,
    /// The slowest execution.
    pub slowest: Duration,
    /// Findings (crashes: panics, broken properties or bounds).
    pub findings: Vec<Finding>,
}

impl Run {
    /// Executions per second.
    pub fn rate(&self) -> f64 {
        self.execs as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }
}

thread_local! {
    static LAST_PANIC: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// Panics inside the harness are findings, reported once by the harness: the
/// hook keeps the message and where it was raised instead of printing it.
fn quiet_panics() {
    std::panic::set_hook(Box::new(|info| {
        let place = info.location().map(|l| format!(" ({}:{})", l.file(), l.line())).unwrap_or_default();
        let message = info
            .payload()
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| info.payload().downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_else(|| "a panic".into());
        LAST_PANIC.with(|p| *p.borrow_mut() = format!("{message}{place}"));
    }));
}

/// Saves `input` as a finding of `target`; returns the path.
pub fn save_finding(target: &str, kind: &str, input: &[u8]) -> Option<PathBuf> {
    let dir = regressions_dir(target);
    std::fs::create_dir_all(&dir).ok()?;
    let path = dir.join(format!("{kind}-{:016x}", fnv(input)));
    std::fs::write(&path, input).ok()?;
    Some(path)
}

struct Watch {
    /// The number of the input running, from 1; 0 between inputs.
    running: AtomicU64,
    input: Mutex<Vec<u8>>,
}

fn start_watchdog(t: &'static Target, watch: Arc<Watch>, save: bool) {
    let limit = t.time_limit * HANG_FACTOR;
    let clock = Instant::now();
    let now = move || crate::cputime::process_cpu_time().unwrap_or_else(|| clock.elapsed());
    std::thread::spawn(move || {
        // The input seen last, and the time used when the watchdog first saw it
        // (at most one sleep after it started: the bound is met a little late).
        let mut seen = (0u64, Duration::ZERO);
        loop {
            std::thread::sleep(Duration::from_millis(200));
            let running = watch.running.load(Ordering::Relaxed);
            if running == 0 {
                continue;
            }
            if running != seen.0 {
                seen = (running, now());
                continue;
            }
            if now().saturating_sub(seen.1) <= limit {
                continue;
            }
            let input = watch.input.lock().map(|i| i.clone()).unwrap_or_default();
            let path = if save { save_finding(t.name, "hang", &input) } else { None };
            eprintln!(
                "HANG: {} ran one input for over {limit:?} of processor time; saved as {}",
                t.name,
                path.map_or("(not saved)".into(), |p| p.display().to_string())
            );
            std::process::exit(3);
        }
    });
}

/// Runs `t` from `seed` for `budget`; findings are saved when `save` is set.
pub fn run(t: &'static Target, seed: u64, budget: Budget, save: bool) -> Run {
    quiet_panics();
    let seed_files = seeds(t.name);
    let dict = Dict::from_seeds(&seed_files);
    let mut corpus = seed_files.clone();
    let mut rng = Rng::new(seed ^ fnv(t.name.as_bytes()));
    let epoch = Instant::now();
    let watch = Arc::new(Watch { running: AtomicU64::new(0), input: Mutex::new(Vec::new()) });
    start_watchdog(t, watch.clone(), save);
    let mut outcomes: HashSet<Outcome> = HashSet::new();
    let mut seen_findings: HashSet<String> = HashSet::new();
    let mut r = Run {
        target: t.name,
        seed,
        execs: 0,
        elapsed: Duration::ZERO,
        outcomes: 0,
        accepted: 0,
        refused: 0,
        seeds: seed_files.len(),
        corpus: 0,
        slowest: Duration::ZERO,
        findings: Vec::new(),
    };
    let mut i = 0usize;
    loop {
        let done = match budget {
            Budget::Count(n) => r.execs >= n,
            Budget::Time(d) => epoch.elapsed() >= d,
        };
        if done || r.findings.len() >= MAX_FINDINGS {
            break;
        }
        // The seeds first, as they are; then mutations.
        let input = if i < seed_files.len() {
            seed_files[i].clone()
        } else if corpus.is_empty() {
            crate::mutate::byte_mutation(&[], &[], &mut rng)
        } else {
            let parent = rng.below(corpus.len());
            mutate(t.kind, &corpus[parent], &corpus, &dict, &mut rng)
        };
        i += 1;
        if let Ok(mut w) = watch.input.lock() {
            w.clear();
            w.extend_from_slice(&input);
        }
        let start = Instant::now();
        watch.running.store(r.execs + 1, Ordering::Relaxed);
        let result = catch_unwind(AssertUnwindSafe(|| check(t, &input)));
        watch.running.store(0, Ordering::Relaxed);
        r.slowest = r.slowest.max(start.elapsed());
        r.execs += 1;
        match result {
            Ok(outcome) => {
                match outcome {
                    Outcome::Accepted(_) => r.accepted += 1,
                    Outcome::Refused(_) => r.refused += 1,
                }
                if outcomes.insert(outcome) && corpus.len() < MAX_CORPUS && i > seed_files.len() {
                    corpus.push(input);
                }
            }
            Err(_) => {
                let message = LAST_PANIC.with(|p| p.borrow().clone());
                // One finding per distinct message (with its place): a bug found twice is one bug.
                let key: String = message.chars().filter(|c| !c.is_ascii_digit()).collect();
                if seen_findings.insert(key) {
                    let path = if save { save_finding(t.name, "crash", &input) } else { None };
                    r.findings.push(Finding { path, message });
                }
            }
        }
    }
    r.elapsed = epoch.elapsed();
    if let Ok(n) = std::env::var("SMM_FUZZ_SHOW_OUTCOMES") {
        let mut list: Vec<String> = outcomes.iter().map(ToString::to_string).collect();
        list.sort();
        for o in list.iter().take(n.parse().unwrap_or(50)) {
            eprintln!("  {o}");
        }
    }
    r.outcomes = outcomes.len();
    r.corpus = corpus.len();
    r
}

/// Replays one saved input; `Err` carries the panic message.
pub fn replay(t: &Target, input: &[u8]) -> Result<Outcome, String> {
    // The quiet hook only for this input: a test's own failure must still print.
    let previous = std::panic::take_hook();
    quiet_panics();
    let result = catch_unwind(AssertUnwindSafe(|| check(t, input)));
    std::panic::set_hook(previous);
    result.map_err(|_| LAST_PANIC.with(|p| p.borrow().clone()))
}

/// The header of [`line()`].
pub const HEADER: &str =
    "target          execs    execs/s  outcomes  accepted   refused  crashes  slowest(ms)  seeds  corpus  seed";

/// One line of figures for a run.
pub fn line(r: &Run) -> String {
    format!(
        "{:<12} {:>8} {:>10.0} {:>9} {:>9} {:>9} {:>8} {:>12.1} {:>6} {:>7}  {}",
        r.target,
        r.execs,
        r.rate(),
        r.outcomes,
        r.accepted,
        r.refused,
        r.findings.len(),
        r.slowest.as_secs_f64() * 1000.0,
        r.seeds,
        r.corpus,
        r.seed
    )
}

/// What replaying a folder of inputs came to.
#[derive(Clone, Debug, Default)]
pub struct Survey {
    /// Inputs replayed.
    pub inputs: usize,
    /// Distinct outcomes among them.
    pub outcomes: usize,
    /// The inputs that fail, with their messages.
    pub failures: Vec<(PathBuf, String)>,
}

/// Replays every file in `dir` on `t` (a libFuzzer corpus, or saved findings).
pub fn replay_dir(t: &Target, dir: &Path) -> Survey {
    let mut survey = Survey::default();
    let mut outcomes = HashSet::new();
    let mut paths: Vec<PathBuf> =
        std::fs::read_dir(dir).into_iter().flatten().filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    for p in paths.into_iter().filter(|p| p.is_file()) {
        let bytes = std::fs::read(&p).unwrap_or_default();
        survey.inputs += 1;
        match replay(t, &bytes) {
            Ok(o) => {
                outcomes.insert(o);
            }
            Err(m) => survey.failures.push((p, m)),
        }
    }
    survey.outcomes = outcomes.len();
    survey
}
