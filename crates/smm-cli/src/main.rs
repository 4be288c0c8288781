//! `smm`: the SMM Navigator command line, over the same engine and parser as the app.
//!
//! Exit codes: 0 success, 1 invalid input (message on stderr), 2 usage error.

use std::fmt::Write as _;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use smm_core::bundle::Imported;
use smm_core::{assessment_to_json, read_any, Assessment, Catalogue, Incoming, Report, Role};

/// Validate SMM Navigator assessment files and report their gaps, roll-ups and roadmap.
#[derive(Parser)]
#[command(name = "smm", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Read the passphrase of age-encrypted files from this environment
    /// variable: encrypted input is decrypted, and every document written
    /// (the output of template, report, requirements, interview and
    /// consolidate, and --save-assessment files) is encrypted with it, in the
    /// age format (scrypt work factor 17), which `age -d` and `rage -d` open.
    /// Status lines (validate) and public data (catalogue, schema, frameworks)
    /// stay plain.
    #[arg(long, global = true, value_name = "VAR")]
    passphrase_env: Option<String>,
}

#[derive(Subcommand)]
enum Command {
    /// Print the built-in SMM catalogue as JSON.
    Catalogue,
    /// Check an assessment, backup or benchmark file; print "valid" or the problems found.
    Validate {
        /// The assessment file (`-` for standard input).
        file: PathBuf,
    },
    /// Sign an assessment off: print it with a new sign-off (name, role,
    /// today's date, statement, scope and the SHA-256 of its targets, results,
    /// plan and trustworthiness view). A record of approval and of integrity,
    /// not proof of identity.
    Signoff {
        /// The assessment file (`-` for standard input).
        file: PathBuf,
        /// Who signs.
        #[arg(long)]
        name: String,
        /// Their role or title.
        #[arg(long)]
        role: String,
        /// What they approve (a standard sentence when left out).
        #[arg(long)]
        statement: Option<String>,
        /// What the approval covers.
        #[arg(long)]
        scope: Option<String>,
    },
    /// Many assessments at a glance: per practice and assessment the gap,
    /// per practice the distribution of achieved levels and targets, the
    /// weakest practices and the share on target per assessment.
    Portfolio {
        /// Assessment or backup files (each may hold several assessments).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = PortfolioFormat::Md)]
        format: PortfolioFormat,
        /// Only assessments of this role.
        #[arg(long, value_enum)]
        role: Option<RoleArg>,
        /// Only assessments that use this profile.
        #[arg(long)]
        profile: Option<String>,
        /// Only assessments with this tag.
        #[arg(long)]
        tag: Option<String>,
    },
    /// The benchmark of a group, from its members' (redacted) assessments:
    /// per practice and role the distribution of achieved levels and of
    /// targets, nothing per member, no cell of fewer than --min-group.
    Benchmark {
        /// Assessment or backup files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The fewest assessments a cell may hold (at least 5).
        #[arg(long, default_value_t = smm_core::portfolio::BENCHMARK_MIN_GROUP)]
        min_group: u32,
    },
    /// Print the gap analysis, roll-ups and roadmap of an assessment.
    Report {
        /// The assessment file (`-` for standard input).
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Report on the copy for sharing (the same as `smm export --redact`):
        /// no names, tags, notes, rationales, references, owners or signers; a fresh id.
        #[arg(long)]
        redact: bool,
        /// The board page instead: the overall picture in a sentence, the key
        /// figures, the five largest gaps with their planned steps and owners,
        /// and what is above its target (with `--format json` or `md`).
        #[arg(long)]
        board: bool,
    },
    /// Print the assessment file, as the app's export writes it (migrated to
    /// the current version).
    Export {
        /// The assessment file (`-` for standard input).
        file: PathBuf,
        /// Print the copy for sharing instead: only the role, priorities,
        /// levels and scopes, the indicators met and evidence fingerprints'
        /// size, hash and date, under a fresh random id.
        #[arg(long)]
        redact: bool,
    },
    /// Print an empty assessment to fill in.
    Template {
        /// The role of the assessed organisation.
        #[arg(long, value_enum, default_value_t = RoleArg::AssetOwner)]
        role: RoleArg,
    },
    /// Print the JSON Schema of a file format (default: the assessment).
    Schema {
        /// Which format.
        #[arg(value_enum, default_value_t = SchemaKind::Assessment)]
        kind: SchemaKind,
    },
    /// List the requirements of a framework implied by the targets (each target
    /// level and every lower level), each marked covered or not by the achieved
    /// level, with the coverage per group.
    Requirements {
        /// The assessment file (`-` for standard input).
        file: PathBuf,
        /// A built-in framework (see `smm frameworks`): iec62443, csf-2.0, iso27001-2022.
        #[arg(long, default_value = "iec62443", conflicts_with = "framework_file")]
        framework: String,
        /// A framework catalogue file to use instead of a built-in one (needs --mapping).
        #[arg(long, requires = "mapping")]
        framework_file: Option<PathBuf>,
        /// The role to map for (default: the assessment's own role, where the framework has roles).
        #[arg(long, value_enum)]
        role: Option<RoleArg>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Json)]
        format: ListFormat,
        /// A mapping file to use instead of SMM Navigator's indicative mapping.
        #[arg(long)]
        mapping: Option<PathBuf>,
    },
    /// List the built-in frameworks and their indicative mappings.
    Frameworks,
    /// Make an interview file asking about chosen practices (printed), and
    /// record the interview in the assessment (written with --save-assessment).
    Interview {
        /// The assessment file (`-` for standard input).
        file: PathBuf,
        /// The practice ids to ask about, comma-separated (see `smm catalogue`).
        #[arg(long, value_delimiter = ',', required = true)]
        practices: Vec<String>,
        /// The interview's id, unique within the assessment.
        #[arg(long)]
        id: String,
        /// Write the assessment with the interview recorded to this file.
        #[arg(long)]
        save_assessment: Option<PathBuf>,
    },
    /// Apply a workbook that `smm report --format xlsx` or the app exported, after
    /// it was edited in a spreadsheet: prints every change (sheet, row, id,
    /// field, old, new) and what was left out on stderr, and writes the updated
    /// assessment to standard output or --output.
    ApplyXlsx {
        /// The assessment file the workbook was made from.
        file: PathBuf,
        /// The edited workbook.
        book: PathBuf,
        /// Write the updated assessment here instead of standard output.
        #[arg(long)]
        output: Option<PathBuf>,
    },
    /// Take interviewees' answers files into an assessment and print the
    /// disagreement table: per practice each interviewee's derived level and
    /// the spread, per indicator who said met and who did not.
    Consolidate {
        /// The assessment file, with the interview the answers reply to.
        assessment: PathBuf,
        /// Answers files.
        #[arg(required = true)]
        answers: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Md)]
        format: ListFormat,
        /// Write the assessment with the answers kept to this file.
        #[arg(long)]
        save_assessment: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum PortfolioFormat {
    Md,
    Csv,
    Json,
    /// The portfolio workbook (binary: redirect it to a file).
    Xlsx,
}

#[derive(Clone, Copy, ValueEnum)]
enum SchemaKind {
    Assessment,
    Framework,
    Mapping,
    Interview,
    Answers,
    Benchmark,
}

#[derive(Clone, Copy, ValueEnum)]
enum ListFormat {
    Json,
    Csv,
    Md,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Md,
    Csv,
    /// The XLSX workbook (binary: redirect it to a file).
    Xlsx,
    /// An OSCAL 1.1.2 assessment-results document (JSON).
    Oscal,
    /// The roadmap with its plan (CSV), as the roadmap page exports it.
    Roadmap,
    /// The software lifecycle checklist (CSV), as the trustworthiness page exports it.
    Checklist,
    /// The Word report (binary: redirect it to a file), with every built-in
    /// framework's coverage; with --board, the board page as a Word document.
    Docx,
}

#[derive(Clone, Copy, ValueEnum)]
enum RoleArg {
    AssetOwner,
    ProductSupplier,
    ServiceProvider,
}

/// Where a command's output goes: collected, then written to standard output,
/// encrypted when a passphrase was given.
struct Io {
    out: String,
    /// Binary output (a workbook), written instead of `out` when set.
    bin: Option<Vec<u8>>,
    passphrase: Option<String>,
}

macro_rules! println {
    ($io:expr, $($arg:tt)*) => {{ let _ = writeln!($io.out, $($arg)*); }};
}
macro_rules! print {
    ($io:expr, $($arg:tt)*) => {{ let _ = write!($io.out, $($arg)*); }};
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let passphrase = match &cli.passphrase_env {
        None => None,
        Some(var) => match std::env::var(var) {
            Ok(p) if !p.is_empty() => Some(p),
            _ => {
                eprintln!("smm: --passphrase-env {var}: the environment variable {var} is not set or is empty");
                return ExitCode::from(2);
            }
        },
    };
    // Documents about the assessment are encrypted; status lines and the
    // public catalogue, schemas and framework list are not.
    let encrypt_output = matches!(
        cli.command,
        Command::Template { .. }
            | Command::Report { .. }
            | Command::Export { .. }
            | Command::Requirements { .. }
            | Command::Interview { .. }
            | Command::Consolidate { .. }
            | Command::ApplyXlsx { .. }
            | Command::Signoff { .. }
            | Command::Portfolio { .. }
            | Command::Benchmark { .. }
    );
    let mut io = Io { out: String::new(), bin: None, passphrase };
    let code = run(cli.command, &mut io);
    if code == ExitCode::SUCCESS {
        let plain = io.bin.clone().unwrap_or_else(|| io.out.clone().into_bytes());
        let sealed = if encrypt_output { seal(&io, &plain) } else { Ok(plain) };
        let bytes = match sealed {
            Ok(b) => b,
            Err(e) => {
                eprintln!("smm: {e}");
                return ExitCode::from(1);
            }
        };
        if std::io::stdout().write_all(&bytes).and_then(|()| std::io::stdout().flush()).is_err() {
            return ExitCode::from(1);
        }
    }
    code
}

/// `bytes` as written: encrypted when a passphrase was given.
fn seal(io: &Io, bytes: &[u8]) -> Result<Vec<u8>, String> {
    match &io.passphrase {
        None => Ok(bytes.to_vec()),
        Some(p) => smm_core::seal::encrypt(bytes, p, smm_core::seal::WORK_FACTOR).map_err(|e| e.to_string()),
    }
}

/// Writes an assessment file (encrypted when a passphrase was given).
fn save(io: &Io, path: &std::path::Path, a: &Assessment) -> Result<(), String> {
    let mut json = assessment_to_json(a);
    json.push('\n');
    let bytes = seal(io, json.as_bytes())?;
    std::fs::write(path, bytes).map_err(|e| format!("{}: cannot write the file: {e}", path.display()))
}

fn run(command: Command, io: &mut Io) -> ExitCode {
    let catalogue = Catalogue::builtin();
    match command {
        Command::Catalogue => println!(io, "{}", Catalogue::builtin_json().trim_end()),
        Command::Schema { kind } => print!(
            io,
            "{}",
            match kind {
                SchemaKind::Assessment => smm_core::schema::assessment_schema_json(),
                SchemaKind::Framework => smm_core::schema::framework_schema_json(),
                SchemaKind::Mapping => smm_core::schema::mapping_schema_json(),
                SchemaKind::Interview => smm_core::schema::interview_schema_json(),
                SchemaKind::Answers => smm_core::schema::answers_schema_json(),
                SchemaKind::Benchmark => smm_core::schema::benchmark_schema_json(),
            }
        ),
        Command::Interview { file, practices, id, save_assessment } => {
            let mut a = match load(io, &file, catalogue).and_then(single) {
                Ok(a) => a,
                Err(e) => return fail(&file, &e),
            };
            let made = match smm_core::interview::make_interview(&mut a, catalogue, &id, &practices, &today()) {
                Ok(f) => f,
                Err(e) => {
                    eprintln!("smm: {e}");
                    return ExitCode::from(2);
                }
            };
            if let Some(path) = &save_assessment {
                if let Err(e) = save(io, path, &a) {
                    eprintln!("smm: {e}");
                    return ExitCode::from(1);
                }
            }
            println!(io, "{}", serde_json::to_string_pretty(&made).unwrap_or_default());
        }
        Command::ApplyXlsx { file, book, output } => {
            let a = match load(io, &file, catalogue).and_then(single) {
                Ok(a) => a,
                Err(e) => return fail(&file, &e),
            };
            // A workbook exported encrypted (`.xlsx.age`) is decrypted first.
            let bytes =
                match std::fs::read(&book).map_err(|e| format!("cannot read the file: {e}")).and_then(|b| {
                    match (&io.passphrase, smm_core::seal::is_age(&b)) {
                        (_, false) => Ok(b),
                        (None, true) => {
                            Err("the file is encrypted (age format): give its passphrase with --passphrase-env VAR"
                                .into())
                        }
                        (Some(p), true) => {
                            smm_core::seal::decrypt(&b, p, smm_core::seal::MAX_WORK_FACTOR).map_err(|e| e.to_string())
                        }
                    }
                }) {
                    Ok(b) => b,
                    Err(e) => return fail(&book, &e),
                };
            let preview = match smm_exchange::xlsx::read_changes(&bytes, catalogue, &a, &today()) {
                Ok(p) => p,
                Err(e) => return fail(&book, &e.to_string()),
            };
            for c in &preview.changes {
                eprintln!("smm: {}!row {} `{}` {}: {:?} -> {:?}", c.sheet, c.row, c.id, c.field, c.old, c.new);
            }
            for l in &preview.left_out {
                eprintln!("smm: {}: left out {l}", book.display());
            }
            eprintln!("smm: {} change(s)", preview.changes.len());
            let updated = smm_exchange::xlsx::apply(preview);
            match &output {
                Some(path) => {
                    if let Err(e) = save(io, path, &updated) {
                        eprintln!("smm: {e}");
                        return ExitCode::from(1);
                    }
                }
                None => println!(io, "{}", assessment_to_json(&updated)),
            }
        }
        Command::Consolidate { assessment, answers, format, save_assessment } => {
            let mut a = match load(io, &assessment, catalogue).and_then(single) {
                Ok(a) => a,
                Err(e) => return fail(&assessment, &e),
            };
            for path in &answers {
                let file = match read_bytes(io, path)
                    .and_then(|b| smm_core::interview::parse_answers(&b).map_err(|e| e.to_string()))
                {
                    Ok(f) => f,
                    Err(e) => return fail(path, &e),
                };
                match smm_core::interview::take_answers(&mut a, catalogue, file) {
                    Ok(t) => {
                        for line in &t.left_out {
                            eprintln!("smm: {}: left out {line}", path.display());
                        }
                        if t.replaced {
                            eprintln!("smm: {}: replaces earlier answers of {}", path.display(), t.interviewee);
                        }
                    }
                    Err(e) => return fail(path, &e.to_string()),
                }
            }
            if let Some(path) = &save_assessment {
                if let Err(e) = save(io, path, &a) {
                    eprintln!("smm: {e}");
                    return ExitCode::from(1);
                }
            }
            match format {
                ListFormat::Md => print!(io, "{}", smm_core::interview::consensus_md(catalogue, &a)),
                ListFormat::Csv => print!(io, "{}", smm_core::interview::consensus_csv(catalogue, &a)),
                ListFormat::Json => println!(io, "{}", smm_core::interview::consensus_json(catalogue, &a)),
            }
        }
        Command::Frameworks => {
            println!(io, "id\tname\tedition\trequirements\tmapping rows");
            for f in smm_core::framework::Framework::builtin_all() {
                let rows = smm_core::mapping::Mapping::builtin_for(&f.id).map_or(0, |m| m.rows.len());
                println!(io, "{}\t{}\t{}\t{}\t{rows}", f.id, f.name, f.edition, f.requirements.len());
            }
        }
        Command::Requirements { file, framework, framework_file, role, format, mapping } => {
            let a = match load(io, &file, catalogue).and_then(single) {
                Ok(a) => a,
                Err(e) => return fail(&file, &e),
            };
            let own_framework;
            let framework = match &framework_file {
                Some(path) => match read_bytes(io, path)
                    .and_then(|b| smm_core::framework::parse_framework(&b).map_err(|e| e.to_string()))
                {
                    Ok(f) => {
                        own_framework = f;
                        &own_framework
                    }
                    Err(e) => return fail(path, &e),
                },
                None => match smm_core::framework::Framework::builtin(&framework) {
                    Some(f) => f,
                    None => {
                        eprintln!("smm: unknown framework `{framework}`; `smm frameworks` lists the built-in ones");
                        return ExitCode::from(2);
                    }
                },
            };
            let owned;
            let mapping = match mapping {
                None => match smm_core::mapping::Mapping::builtin_for(&framework.id) {
                    Some(m) => m,
                    None => {
                        eprintln!("smm: no built-in mapping for `{}`: give one with --mapping", framework.id);
                        return ExitCode::from(2);
                    }
                },
                Some(path) => match read_bytes(io, &path)
                    .and_then(|b| smm_core::mapping::parse_mapping(&b, catalogue, framework).map_err(|e| e.to_string()))
                {
                    Ok(m) => {
                        owned = m;
                        &owned
                    }
                    Err(e) => return fail(&path, &e),
                },
            };
            // A framework without roles (CSF, ISO) is read for every role.
            let gaps = smm_core::engine::gap_analysis(catalogue, &a);
            let smm_core::mapping::Coverage { role, requirements: list, groups: coverage } =
                smm_core::mapping::coverage(framework, mapping, &gaps, role.map_or(a.metadata.role, role_of));
            match format {
                ListFormat::Csv => print!(io, "{}", smm_core::mapping::requirements_csv(catalogue, mapping, &list)),
                ListFormat::Md => {
                    print!(
                        io,
                        "{}",
                        smm_core::mapping::requirements_md(catalogue, framework, mapping, &list, &coverage)
                    )
                }
                ListFormat::Json => println!(
                    io,
                    "{}",
                    serde_json::to_string_pretty(&serde_json::json!({
                        "format": "smm-navigator/requirements",
                        "version": 2,
                        "assessment_id": a.id,
                        "framework": { "id": framework.id, "name": framework.name, "edition": framework.edition },
                        "role": role.map(|r| r.id()),
                        "mapping": { "id": mapping.id, "name": mapping.name },
                        "note": framework.caution,
                        "coverage": coverage,
                        "requirements": list,
                    }))
                    .unwrap_or_default()
                ),
            }
        }
        Command::Template { role } => {
            let role = role_of(role);
            let mut a = Assessment::new("new-assessment", "New assessment", role);
            a.metadata.created = today();
            a.metadata.updated = a.metadata.created.clone();
            println!(io, "{}", assessment_to_json(&a));
        }
        // A benchmark is checked too; the file is read once (it may be standard input).
        Command::Validate { file } => {
            match read_bytes(io, &file).and_then(|b| read_any(&b, catalogue).map_err(|e| e.to_string())) {
                Ok(Incoming::Benchmark(b)) => println!(
                    io,
                    "valid: benchmark of {} assessment(s) made on {}: {} cell(s), none of fewer than {}",
                    b.assessments,
                    b.made_on,
                    b.cells.len(),
                    b.min_group
                ),
                Ok(incoming) => match imported(incoming) {
                    Ok(imported) => {
                        for read in imported.assessments() {
                            let a = &read.assessment;
                            println!(
                                io,
                                "valid: {} ({} targets, {} results)",
                                a.metadata.name,
                                a.targets.len(),
                                a.results.len()
                            );
                            for line in &read.migration_log {
                                eprintln!("smm: {}: migrated {line}", file.display());
                            }
                            for line in signoff_lines(catalogue, a) {
                                println!(io, "{line}");
                            }
                        }
                        if let Imported::Bundle { assessments, snapshots } = &imported {
                            println!(
                                io,
                                "bundle: {} assessment(s), {} snapshot set(s)",
                                assessments.len(),
                                snapshots.len()
                            );
                        }
                    }
                    Err(e) => return fail(&file, &e),
                },
                Err(e) => return fail(&file, &e),
            }
        }
        Command::Signoff { file, name, role, statement, scope } => match load(io, &file, catalogue).and_then(single) {
            Ok(mut a) => {
                let who = smm_core::signoff::Signer {
                    name,
                    role,
                    statement: statement.unwrap_or_default(),
                    scope: scope.unwrap_or_default(),
                };
                let hash = smm_core::signoff::content_sha256(&smm_core::signoff::signed_content(&a));
                if let Err(e) = smm_core::signoff::sign(&mut a, &who, &today(), &hash) {
                    return fail(&file, &e);
                }
                a.metadata.updated = today();
                println!(io, "{}", assessment_to_json(&a));
            }
            Err(e) => return fail(&file, &e),
        },
        Command::Portfolio { files, format, role, profile, tag } => {
            let all = match load_many(io, &files, catalogue) {
                Ok(all) => all,
                Err((file, e)) => return fail(&file, &e),
            };
            let filter = smm_core::portfolio::PortfolioFilter { role: role.map(role_of), profile, tag };
            let p = smm_core::portfolio::Portfolio::new(catalogue, &all, &filter);
            match format {
                PortfolioFormat::Json => println!(io, "{}", p.to_json()),
                PortfolioFormat::Md => print!(io, "{}", p.to_markdown(catalogue)),
                PortfolioFormat::Csv => print!(io, "{}", p.to_csv(catalogue)),
                PortfolioFormat::Xlsx => match smm_exchange::xlsx::write_portfolio(catalogue, &p) {
                    Ok(bytes) => io.bin = Some(bytes),
                    Err(e) => return fail(&files[0], &e),
                },
            }
        }
        Command::Benchmark { files, min_group } => {
            let all = match load_many(io, &files, catalogue) {
                Ok(all) => all,
                Err((file, e)) => return fail(&file, &e),
            };
            match smm_core::portfolio::build_benchmark(catalogue, &all, min_group, &today()) {
                Ok(b) => {
                    let total = catalogue.practices.len() * 3;
                    eprintln!(
                        "smm: benchmark of {} assessment(s): {} of {total} practice-and-role cells hold at least {min_group}; the others are left out",
                        all.len(),
                        b.cells.len()
                    );
                    println!(io, "{}", b.to_json());
                }
                Err(e) => {
                    eprintln!("smm: {e}");
                    return ExitCode::from(1);
                }
            }
        }
        Command::Export { file, redact } => match load(io, &file, catalogue).and_then(single) {
            Ok(a) => println!(io, "{}", assessment_to_json(&shared(a, redact))),
            Err(e) => return fail(&file, &e),
        },
        Command::Report { file, format, redact, board } => match load(io, &file, catalogue).and_then(single) {
            Ok(a) => {
                let a = shared(a, redact);
                let report = Report::new(catalogue, &a, &today());
                if board {
                    let page = smm_core::report::BoardPage::new(catalogue, &a, &report);
                    match format {
                        Format::Json => println!(io, "{}", page.to_json()),
                        Format::Md => print!(io, "{}", page.to_markdown()),
                        Format::Docx => match smm_exchange::docx::board_docx(catalogue, &a, &today()) {
                            Ok(bytes) => io.bin = Some(bytes),
                            Err(e) => return fail(&file, &e),
                        },
                        _ => return fail(&file, "the board page is written as --format json, md or docx"),
                    }
                    return ExitCode::SUCCESS;
                }
                match format {
                    Format::Json => println!(io, "{}", report.to_json()),
                    Format::Md => print!(io, "{}", report.to_markdown(catalogue)),
                    Format::Csv => print!(io, "{}", report.gaps_to_csv(catalogue)),
                    Format::Xlsx => {
                        let frameworks = smm_core::framework::Framework::builtin_all();
                        let pairs: Vec<_> = frameworks
                            .iter()
                            .filter_map(|f| smm_core::mapping::Mapping::builtin_for(&f.id).map(|m| (f, m)))
                            .collect();
                        match smm_exchange::xlsx::write_workbook(catalogue, &a, &pairs, &now_iso()) {
                            Ok(bytes) => io.bin = Some(bytes),
                            Err(e) => return fail(&file, &e),
                        }
                    }
                    Format::Oscal => {
                        println!(io, "{}", smm_exchange::oscal::assessment_results_json(catalogue, &a, &now_iso()))
                    }
                    Format::Roadmap => {
                        print!(io, "{}", smm_core::report::roadmap_to_csv(catalogue, &report.roadmap, &a.plan))
                    }
                    Format::Checklist => {
                        let trust = smm_core::trust::TrustCatalogue::builtin();
                        print!(io, "{}", smm_core::trust::checklist_csv(trust, &a.trustworthiness))
                    }
                    Format::Docx => {
                        let frameworks = smm_core::framework::Framework::builtin_all();
                        let pairs: Vec<_> = frameworks
                            .iter()
                            .filter_map(|f| smm_core::mapping::Mapping::builtin_for(&f.id).map(|m| (f, m)))
                            .collect();
                        match smm_exchange::docx::report_docx(catalogue, &a, &pairs, &today()) {
                            Ok(bytes) => io.bin = Some(bytes),
                            Err(e) => return fail(&file, &e),
                        }
                    }
                }
            }
            Err(e) => return fail(&file, &e),
        },
    }
    ExitCode::SUCCESS
}

/// What `smm validate` says of the sign-off: the state, what changed, and the
/// hash checks (the kept content against its hash, the current content against it).
fn signoff_lines(catalogue: &Catalogue, a: &Assessment) -> Vec<String> {
    use smm_core::signoff::{signoff_state, verify_newest, SignOffStatus};
    let state = signoff_state(catalogue, a);
    let mut out = vec![format!("sign-off: {}", state.sentence())];
    if state.status == SignOffStatus::Unsigned {
        return out;
    }
    for c in &state.changes {
        out.push(format!("  changed: {}: {}", c.label, c.what));
    }
    if let Some((kept, current)) = verify_newest(a) {
        match kept {
            Some(true) => out.push("  the signed content kept in the file matches its SHA-256".into()),
            Some(false) => out.push(
                "  warning: the signed content kept in the file does not match its SHA-256: the record was edited"
                    .into(),
            ),
            None => {}
        }
        out.push(if current {
            "  the current content matches the signed SHA-256".into()
        } else {
            "  the current content does not match the signed SHA-256".into()
        });
    }
    out.push(format!("  {} sign-off(s) kept; {}", state.count, smm_core::signoff::SIGNOFF_MEANING));
    out
}

/// Every assessment of `files` (assessments or backups), in the order given;
/// the first file that does not read is named with its reason.
fn load_many(io: &Io, files: &[PathBuf], catalogue: &Catalogue) -> Result<Vec<Assessment>, (PathBuf, String)> {
    let mut all = Vec::new();
    for f in files {
        match load(io, f, catalogue) {
            Ok(Imported::Assessment(a)) => all.push(a.assessment),
            Ok(Imported::Bundle { assessments, .. }) => all.extend(assessments.into_iter().map(|r| r.assessment)),
            Err(e) => return Err((f.clone(), e)),
        }
    }
    Ok(all)
}

/// The one assessment of a file; a bundle of several is refused for reports.
fn single(imported: Imported) -> Result<Assessment, String> {
    let mut list: Vec<Assessment> = match imported {
        Imported::Assessment(a) => vec![a.assessment],
        Imported::Bundle { assessments, .. } => assessments.into_iter().map(|a| a.assessment).collect(),
    };
    if list.len() == 1 {
        Ok(list.remove(0))
    } else {
        Err(format!("a report covers one assessment; this bundle holds {}", list.len()))
    }
}

/// `a`, or its copy for sharing when `redact` (under a fresh random id).
fn shared(a: Assessment, redact: bool) -> Assessment {
    if !redact {
        return a;
    }
    let trust = smm_core::trust::TrustCatalogue::builtin();
    smm_core::bundle::redact(&a, Catalogue::builtin(), trust, &fresh_id())
}

/// A random id for a redacted copy: the standard library's randomly seeded
/// hasher, read twice (no clock, no counter: nothing that ties the copy to its
/// source).
fn fresh_id() -> String {
    use std::hash::{BuildHasher, Hasher};
    let word = || std::collections::hash_map::RandomState::new().build_hasher().finish();
    format!("shared-{:016x}{:016x}", word(), word())
}

fn role_of(role: RoleArg) -> Role {
    match role {
        RoleArg::AssetOwner => Role::AssetOwner,
        RoleArg::ProductSupplier => Role::ProductSupplier,
        RoleArg::ServiceProvider => Role::ServiceProvider,
    }
}

/// Reads an assessment or a bundle through the one way in ([`read_any`]);
/// every other kind is named and refused.
fn load(io: &Io, file: &PathBuf, catalogue: &Catalogue) -> Result<Imported, String> {
    imported(read_any(&read_bytes(io, file)?, catalogue).map_err(|e| e.to_string())?)
}

/// The assessments of a file read by the one way in; every other kind is named and refused.
fn imported(incoming: Incoming) -> Result<Imported, String> {
    match incoming {
        Incoming::Assessment(a) => Ok(Imported::Assessment(a)),
        Incoming::Bundle { assessments, snapshots } => Ok(Imported::Bundle { assessments, snapshots }),
        other @ (Incoming::Profile(_)
        | Incoming::Framework(_)
        | Incoming::Mapping(_)
        | Incoming::Interview(_)
        | Incoming::Answers(_)
        | Incoming::Benchmark(_)
        | Incoming::Encrypted
        | Incoming::Workbook) => {
            Err(format!("this is {}, not an assessment or a bundle of assessments", other.kind_name()))
        }
    }
}

/// Reads a file (`-`: standard input), decrypting it when it is an age file.
fn read_bytes(io: &Io, file: &PathBuf) -> Result<Vec<u8>, String> {
    let bytes = read_raw(file)?;
    if !smm_core::seal::is_age(&bytes) {
        return Ok(bytes);
    }
    match &io.passphrase {
        None => Err("the file is encrypted (age format): give its passphrase with --passphrase-env VAR".into()),
        Some(p) => smm_core::seal::decrypt(&bytes, p, smm_core::seal::MAX_WORK_FACTOR).map_err(|e| e.to_string()),
    }
}

fn read_raw(file: &PathBuf) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    let limit = smm_core::seal::MAX_SEALED_BYTES as u64 + 1;
    let read = if file.as_os_str() == "-" {
        std::io::stdin().take(limit).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(file).and_then(|f| f.take(limit).read_to_end(&mut bytes))
    };
    read.map_err(|e| format!("cannot read the file: {e}"))?;
    Ok(bytes)
}

fn fail(file: &std::path::Path, message: &str) -> ExitCode {
    eprintln!("smm: {}: {}", file.display(), message.replace('\n', &format!("\nsmm: {}: ", file.display())));
    ExitCode::from(1)
}

/// Now (UTC) as an RFC 3339 time, from the system clock.
fn now_iso() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    format!("{}T{:02}:{:02}:{:02}Z", today(), secs % 86_400 / 3600, secs % 3600 / 60, secs % 60)
}

/// Today's date (UTC) as YYYY-MM-DD, from the system clock, or from the
/// environment variable `SMM_TODAY` when it holds such a date (for
/// reproducible reports: evidence past its date and overdue steps depend on it).
fn today() -> String {
    if let Ok(d) = std::env::var("SMM_TODAY") {
        if d.len() == 10 && smm_core::document::is_iso_date_prefix(&d) {
            return d;
        }
    }
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    smm_core::document::date_from_days((secs / 86_400) as i64)
}
