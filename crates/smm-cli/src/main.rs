//! `smm`: the SMM Navigator command line, over the same engine and parser as the app.
//!
//! Exit codes: 0 success, 1 invalid input (message on stderr), 2 usage error.

use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use smm_core::bundle::{read_file, Imported};
use smm_core::{assessment_to_json, Assessment, Catalogue, Report, Role};

/// Validate SMM Navigator assessment files and report their gaps, roll-ups and roadmap.
#[derive(Parser)]
#[command(name = "smm", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the built-in SMM catalogue as JSON.
    Catalogue,
    /// Check an assessment file; print "valid" or the problems found.
    Validate {
        /// The assessment file (`-` for standard input).
        file: PathBuf,
    },
    /// Print the gap analysis, roll-ups and roadmap of an assessment.
    Report {
        /// The assessment file (`-` for standard input).
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
    },
    /// Print an empty assessment to fill in.
    Template {
        /// The role of the assessed organisation.
        #[arg(long, value_enum, default_value_t = RoleArg::AssetOwner)]
        role: RoleArg,
    },
    /// Print the JSON Schema of the assessment file format.
    Schema,
    /// List the ISA/IEC 62443 requirements implied by the targets (each target
    /// level and every lower level), each marked covered or not by the achieved level.
    Requirements {
        /// The assessment file (`-` for standard input).
        file: PathBuf,
        /// The role to map for (default: the assessment's own role).
        #[arg(long, value_enum)]
        role: Option<RoleArg>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Json)]
        format: ListFormat,
        /// A mapping file to use instead of SMM Navigator's indicative mapping.
        #[arg(long)]
        mapping: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum ListFormat {
    Json,
    Csv,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Md,
    Csv,
}

#[derive(Clone, Copy, ValueEnum)]
enum RoleArg {
    AssetOwner,
    ProductSupplier,
    ServiceProvider,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let catalogue = Catalogue::builtin();
    match cli.command {
        Command::Catalogue => println!("{}", Catalogue::builtin_json().trim_end()),
        Command::Schema => print!("{}", smm_core::schema::assessment_schema_json()),
        Command::Requirements { file, role, format, mapping } => {
            let a = match load(&file, catalogue).and_then(single) {
                Ok(a) => a,
                Err(e) => return fail(&file, &e),
            };
            let iec = smm_core::iec62443::Iec62443::builtin();
            let owned;
            let mapping = match mapping {
                None => smm_core::mapping::Mapping::builtin(),
                Some(path) => match read_bytes(&path)
                    .and_then(|b| smm_core::mapping::parse_mapping(&b, catalogue, iec).map_err(|e| e.to_string()))
                {
                    Ok(m) => {
                        owned = m;
                        &owned
                    }
                    Err(e) => return fail(&path, &e),
                },
            };
            let role = role.map_or(a.metadata.role, role_of);
            let list = smm_core::mapping::implied_requirements(catalogue, iec, mapping, &a, role);
            match format {
                ListFormat::Csv => print!("{}", smm_core::mapping::requirements_csv(catalogue, &list)),
                ListFormat::Json => println!(
                    "{}",
                    serde_json::to_string_pretty(&serde_json::json!({
                        "format": "smm-navigator/requirements",
                        "version": 1,
                        "assessment_id": a.id,
                        "role": role.id(),
                        "mapping": { "id": mapping.id, "name": mapping.name },
                        "note": "SMM comprehensiveness levels are not ISA/IEC 62443 security levels: they measure different things.",
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
            println!("{}", assessment_to_json(&a));
        }
        Command::Validate { file } => match load(&file, catalogue) {
            Ok(imported) => {
                for read in imported.assessments() {
                    let a = &read.assessment;
                    println!("valid: {} ({} targets, {} results)", a.metadata.name, a.targets.len(), a.results.len());
                    for line in &read.migration_log {
                        eprintln!("smm: {}: migrated {line}", file.display());
                    }
                }
                if let Imported::Bundle { assessments, snapshots } = &imported {
                    println!("bundle: {} assessment(s), {} snapshot set(s)", assessments.len(), snapshots.len());
                }
            }
            Err(e) => return fail(&file, &e),
        },
        Command::Report { file, format } => match load(&file, catalogue).and_then(single) {
            Ok(a) => {
                let report = Report::new(catalogue, &a);
                match format {
                    Format::Json => println!("{}", report.to_json()),
                    Format::Md => print!("{}", report.to_markdown(catalogue)),
                    Format::Csv => print!("{}", report.gaps_to_csv(catalogue)),
                }
            }
            Err(e) => return fail(&file, &e),
        },
    }
    ExitCode::SUCCESS
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

fn role_of(role: RoleArg) -> Role {
    match role {
        RoleArg::AssetOwner => Role::AssetOwner,
        RoleArg::ProductSupplier => Role::ProductSupplier,
        RoleArg::ServiceProvider => Role::ServiceProvider,
    }
}

fn load(file: &PathBuf, catalogue: &Catalogue) -> Result<Imported, String> {
    read_file(&read_bytes(file)?, catalogue).map_err(|e| e.to_string())
}

fn read_bytes(file: &PathBuf) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    let limit = smm_core::MAX_FILE_BYTES as u64 + 1;
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

/// Today's date (UTC) as YYYY-MM-DD, from the system clock.
fn today() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let days = (secs / 86_400) as i64;
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}
