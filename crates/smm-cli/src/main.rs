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
}

#[derive(Clone, Copy, ValueEnum)]
enum SchemaKind {
    Assessment,
    Framework,
    Mapping,
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
        Command::Schema { kind } => print!(
            "{}",
            match kind {
                SchemaKind::Assessment => smm_core::schema::assessment_schema_json(),
                SchemaKind::Framework => smm_core::schema::framework_schema_json(),
                SchemaKind::Mapping => smm_core::schema::mapping_schema_json(),
            }
        ),
        Command::Frameworks => {
            println!("id\tname\tedition\trequirements\tmapping rows");
            for f in smm_core::framework::Framework::builtin_all() {
                let rows = smm_core::mapping::Mapping::builtin_for(&f.id).map_or(0, |m| m.rows.len());
                println!("{}\t{}\t{}\t{}\t{rows}", f.id, f.name, f.edition, f.requirements.len());
            }
        }
        Command::Requirements { file, framework, framework_file, role, format, mapping } => {
            let a = match load(&file, catalogue).and_then(single) {
                Ok(a) => a,
                Err(e) => return fail(&file, &e),
            };
            let own_framework;
            let framework = match &framework_file {
                Some(path) => match read_bytes(path)
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
                Some(path) => match read_bytes(&path)
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
            let role = framework.has_roles().then(|| role.map_or(a.metadata.role, role_of));
            let gaps = smm_core::engine::gap_analysis(catalogue, &a);
            let list = smm_core::mapping::implied_requirements(framework, mapping, &gaps, role);
            let coverage = smm_core::mapping::group_coverage(framework, &list);
            match format {
                ListFormat::Csv => print!("{}", smm_core::mapping::requirements_csv(catalogue, &list)),
                ListFormat::Md => {
                    print!("{}", smm_core::mapping::requirements_md(catalogue, framework, mapping, &list, &coverage))
                }
                ListFormat::Json => println!(
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
