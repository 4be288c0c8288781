//! The XLSX workbook of an assessment, and the way back.
//!
//! [`write_workbook`] makes a workbook with real spreadsheet features: frozen
//! header rows, fitted column widths, wrapped text, drop-down lists for levels,
//! scopes, priorities, met and status, conditional formatting of shortfall and
//! possible over-investment, and a chart of target against achieved.
//!
//! [`read_changes`] reads a workbook SMM Navigator made, after someone edited it
//! in a spreadsheet, and lists every change (sheet, row, id, field, old, new)
//! without applying anything; what it cannot match or read is listed, never
//! guessed. The columns read back are documented in `docs/xlsx-and-oscal.md`:
//! targets (level, scope, not-applicable reason, rationale), priorities,
//! indicators met, notes, and roadmap owner, due date and status.

use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use rust_xlsxwriter::{
    Chart, ChartType, ConditionalFormatCell, ConditionalFormatCellRule, DataValidation, DataValidationRule, Format,
    FormatAlign, FormatBorder, Workbook, Worksheet,
};
use smm_core::assessment::{Priority, Role, StepStatus};
use smm_core::catalogue::Indicator;
use smm_core::engine::{gap_analysis, roadmap, rollups, GapStatus, ROLLUP_FORMULAS};
use smm_core::framework::Framework;
use smm_core::mapping::Mapping;
use smm_core::{Assessment, Catalogue, Level, NotApplicable, Scope, Target};

/// The value of `Overview!B1`: what marks a workbook as SMM Navigator's.
pub const WORKBOOK_FORMAT: &str = "smm-navigator/workbook";
/// The workbook layout version this build writes and reads (`Overview!B2`).
pub const WORKBOOK_VERSION: u32 = 1;
// The limits of the workbook reader, defined with every other reader's in
// `smm_core::limits`: the file, all parts unpacked, the shared strings, the
// rows per sheet (rows beyond are listed as left out), the date serials.
pub use smm_core::limits::{
    MAX_DATE_SERIAL, MAX_SHARED_STRINGS_BYTES, MAX_UNPACKED_BYTES, MAX_WORKBOOK_BYTES, MAX_WORKBOOK_ROWS as MAX_ROWS,
};
/// The most lines listed of what was left out.
pub const MAX_LISTED: usize = 100;

/// The sheets, in order.
pub const SHEETS: [&str; 8] =
    ["Overview", "Targets", "Priorities", "Indicators", "Results", "Gaps", "Roadmap", "Frameworks"];

type XResult<T> = Result<T, rust_xlsxwriter::XlsxError>;

struct Styles {
    header: Format,
    wrap: Format,
    bold: Format,
    top: Format,
}

/// Writes the header row of a sheet, sets its column widths and freezes it;
/// returns the sheet's [`Fit`], which knows the widths.
fn header(ws: &mut Worksheet, s: &Styles, names: &[(&str, f64)]) -> XResult<Fit> {
    let mut fit = Fit::new(&names.iter().map(|(_, w)| *w).collect::<Vec<_>>());
    for (c, (name, width)) in names.iter().enumerate() {
        fit.wrapped(ws, 0, c as u16, name, &s.header)?;
        ws.set_column_width(c as u16, *width)?;
        // Every cell of a tall row starts at its top, beside the wrapped text.
        ws.set_column_format(c as u16, &s.top)?;
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(fit)
}

/// The height of one line of text, in points (Calibri 11, and Carlito, its
/// metric twin in LibreOffice), and the tallest row a spreadsheet allows.
const LINE_POINTS: f64 = 15.0;
const MAX_ROW_POINTS: f64 = 409.0;

/// The lines `text` takes when wrapped in a column `width` characters wide
/// (the spreadsheet's unit: the width of a digit). Words wrap whole, as the
/// spreadsheet wraps them; a word longer than the line (a fingerprint, an
/// address) takes as many lines as its length needs; each line break in the
/// text starts a line. Counted a little wide (a digit per character, where
/// most letters are narrower), so that a row is never too short for its text.
pub fn lines_needed(text: &str, width: f64) -> u32 {
    let per_line = (width.floor() as usize).max(1);
    let mut lines = 0u32;
    for paragraph in text.split('\n') {
        let mut used = 0usize;
        let mut here = 1u32;
        for word in paragraph.split_whitespace() {
            let len = word.chars().count();
            if used > 0 && used + 1 + len <= per_line {
                used += 1 + len;
            } else {
                if used > 0 {
                    here += 1;
                }
                // A word longer than a line fills whole lines, and its rest starts the next.
                here += ((len.max(1) - 1) / per_line) as u32;
                used = (len - 1) % per_line + 1;
            }
        }
        lines += here;
    }
    lines.max(1)
}

/// What a sheet needs to print and read well in Excel and LibreOffice: the
/// height of every row with wrapped text, from its text and its columns'
/// widths (a spreadsheet does not grow a row written with a fixed file), and
/// the page set-up.
struct Fit {
    widths: Vec<f64>,
    lines: std::collections::BTreeMap<u32, u32>,
}

impl Fit {
    fn new(widths: &[f64]) -> Fit {
        Fit { widths: widths.to_vec(), lines: std::collections::BTreeMap::new() }
    }

    /// Writes `text` at (`r`, `c`) with the wrapping format `f`, and notes the lines it takes.
    fn wrapped(&mut self, ws: &mut Worksheet, r: u32, c: u16, text: &str, f: &Format) -> XResult<()> {
        ws.write_string_with_format(r, c, text, f)?;
        let width = self.widths.get(usize::from(c)).copied().unwrap_or(8.43);
        let n = lines_needed(text, width);
        let e = self.lines.entry(r).or_insert(1);
        *e = (*e).max(n);
        Ok(())
    }

    /// Sets the row heights and the page set-up: landscape, every column on
    /// one page width (as many pages down as needed), the header row repeated
    /// on every page when the sheet has one, gridlines, and a footer with the
    /// sheet's name and the page number.
    fn finish(self, ws: &mut Worksheet, header_row: bool) -> XResult<()> {
        for (r, n) in self.lines {
            if n > 1 {
                ws.set_row_height(r, (f64::from(n) * LINE_POINTS + 3.0).min(MAX_ROW_POINTS))?;
            }
        }
        ws.set_landscape();
        ws.set_print_fit_to_pages(1, 0);
        ws.set_print_gridlines(true);
        ws.set_footer("&L&A&RPage &P of &N");
        if header_row {
            ws.set_repeat_rows(0, 0)?;
        }
        Ok(())
    }
}

fn list(values: &[&str], title: &str) -> XResult<DataValidation> {
    DataValidation::new()
        .allow_list_strings(values)?
        .set_error_title(title)?
        .set_error_message(format!("Choose one of: {}.", values.join(", ")))
}

/// The framework coverage rows of the workbook: (framework, mapping) pairs to include.
pub type Coverage<'a> = &'a [(&'a Framework, &'a Mapping)];

/// Writes the workbook of `a`. `exported_at` is written on the overview;
/// `coverage` lists the frameworks whose coverage goes on the Frameworks sheet.
pub fn write_workbook(
    catalogue: &Catalogue,
    a: &Assessment,
    coverage: Coverage<'_>,
    exported_at: &str,
) -> Result<Vec<u8>, String> {
    build(catalogue, a, coverage, exported_at).map_err(|e| format!("the workbook could not be made: {e}"))
}

/// The formats every sheet of both workbooks uses.
fn styles() -> Styles {
    Styles {
        header: Format::new()
            .set_bold()
            .set_background_color("DCE6F2")
            .set_border_bottom(FormatBorder::Thin)
            .set_text_wrap()
            .set_align(FormatAlign::Top),
        wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
        bold: Format::new().set_bold().set_align(FormatAlign::Top),
        top: Format::new().set_align(FormatAlign::Top),
    }
}

fn build(catalogue: &Catalogue, a: &Assessment, coverage: Coverage<'_>, exported_at: &str) -> XResult<Vec<u8>> {
    let s = styles();
    let gaps = gap_analysis(catalogue, a);
    let roll = rollups(catalogue, &gaps);
    let steps = roadmap(catalogue, a, &gaps);
    // Evidence past its review date is judged on the export's day.
    let today = exported_at.get(..10).unwrap_or(exported_at);
    let signoff = smm_core::signoff::signoff_state(catalogue, a);
    let mut wb = Workbook::new();
    wb.set_properties(
        &rust_xlsxwriter::DocProperties::new()
            .set_title(&a.metadata.name)
            .set_comment("Made by SMM Navigator; edit the marked columns and import the workbook back.")
            .set_creation_datetime(&rust_xlsxwriter::ExcelDateTime::from_ymd(2000, 1, 1)?),
    );

    // Overview.
    {
        let ws = wb.add_worksheet().set_name("Overview")?;
        ws.set_column_width(0, 34)?;
        ws.set_column_width(1, 90)?;
        let mut fit = Fit::new(&[34.0, 90.0]);
        let m = &a.metadata;
        let mut rows: Vec<(String, String)> = vec![
            ("format".into(), WORKBOOK_FORMAT.into()),
            ("version".into(), WORKBOOK_VERSION.to_string()),
            ("assessment_id".into(), a.id.clone()),
            ("Assessment".into(), m.name.clone()),
            ("Organisation".into(), m.organisation.clone()),
            ("System".into(), m.system.clone()),
            ("Role".into(), m.role.name().into()),
            ("Assessor".into(), m.assessor.clone()),
            ("Assessed on".into(), m.assessed_on.clone()),
            ("Tags".into(), m.tags.join(", ")),
            ("Exported at".into(), exported_at.into()),
            ("Sign-off".into(), signoff.sentence()),
        ];
        for c in &signoff.changes {
            rows.push(("  changed".into(), format!("{}: {}", c.label, c.what)));
        }
        for so in a.signoffs.iter().rev() {
            rows.push((
                format!("Signed {}", so.signed_on),
                format!("{} ({}); scope: {}; SHA-256 {}", so.name, so.role, so.scope, so.sha256),
            ));
        }
        rows.push((String::new(), String::new()));
        let o = &roll.overall;
        rows.push((
            "On or above target".into(),
            format!("{} of {} practices with a target", o.on_or_above_target, o.with_target),
        ));
        rows.push(("Total shortfall".into(), format!("{} level(s)", o.total_shortfall)));
        rows.push((
            "Above target (possible over-investment)".into(),
            format!("{} practice(s), {} level(s)", o.above_target, o.total_excess),
        ));
        rows.push(("Not assessed".into(), o.not_assessed.to_string()));
        rows.push(("Not applicable".into(), o.not_applicable.to_string()));
        rows.push((String::new(), String::new()));
        rows.push((
            "How the roll-ups are computed".into(),
            "SMM Navigator's own roll-ups; the SMM scores each practice on its own and defines none.".into(),
        ));
        for f in ROLLUP_FORMULAS {
            rows.push((f.label.into(), f.formula.into()));
        }
        rows.push((String::new(), String::new()));
        rows.push(("Editing".into(), "Change the white columns of Targets, Priorities, Indicators (Met), Results (Notes) and Roadmap (Owner, Due, Status, Reference; a status change enters the step's history), then import the workbook in SMM Navigator: it shows every change before applying any. Keep the ids in column A and the sheet names.".into()));
        for (r, (k, v)) in rows.iter().enumerate() {
            ws.write_string_with_format(r as u32, 0, k, &s.bold)?;
            fit.wrapped(ws, r as u32, 1, v, &s.wrap)?;
        }
        fit.finish(ws, false)?;
    }

    // Targets.
    {
        let ws = wb.add_worksheet().set_name("Targets")?;
        let mut fit = header(
            ws,
            &s,
            &[
                ("practice_id", 30.0),
                ("Practice", 26.0),
                ("Target level (0-4)", 12.0),
                ("Scope", 12.0),
                ("Not applicable: reason", 30.0),
                ("Rationale", 70.0),
            ],
        )?;
        for (i, p) in catalogue.practices.iter().enumerate() {
            let r = i as u32 + 1;
            let t = a.targets.get(&p.id);
            fit.wrapped(ws, r, 0, &p.id, &s.wrap)?;
            fit.wrapped(ws, r, 1, &p.name, &s.wrap)?;
            if let Some(t) = t {
                ws.write_number(r, 2, f64::from(t.level.get()))?;
                ws.write_string(r, 3, t.scope.id())?;
                fit.wrapped(ws, r, 4, t.not_applicable.as_ref().map_or("", |n| n.reason.as_str()), &s.wrap)?;
                fit.wrapped(ws, r, 5, &t.rationale, &s.wrap)?;
            }
        }
        let n = catalogue.practices.len() as u32;
        ws.add_data_validation(
            1,
            2,
            n,
            2,
            &DataValidation::new()
                .allow_whole_number(DataValidationRule::Between(0, 4))
                .set_error_message("A level is a whole number from 0 to 4.")?,
        )?;
        ws.add_data_validation(1, 3, n, 3, &list(&["general", "industry", "system"], "Scope")?)?;
        fit.finish(ws, true)?;
    }

    // Priorities.
    {
        let ws = wb.add_worksheet().set_name("Priorities")?;
        let fit = header(ws, &s, &[("group_id", 36.0), ("Kind", 12.0), ("Name", 40.0), ("Priority", 12.0)])?;
        let mut r = 1;
        for d in &catalogue.domains {
            for (id, kind, name, pr) in std::iter::once((&d.id, "domain", &d.name, a.domain_priority(&d.id)))
                .chain(d.subdomains.iter().map(|sd| (&sd.id, "subdomain", &sd.name, a.subdomain_priority(&sd.id))))
            {
                ws.write_string(r, 0, id)?;
                ws.write_string(r, 1, kind)?;
                ws.write_string(r, 2, name)?;
                ws.write_string(r, 3, pr.id())?;
                r += 1;
            }
        }
        ws.add_data_validation(1, 3, r - 1, 3, &list(&["high", "medium", "low"], "Priority")?)?;
        fit.finish(ws, true)?;
    }

    // Indicators.
    {
        let ws = wb.add_worksheet().set_name("Indicators")?;
        let mut fit = header(
            ws,
            &s,
            &[
                ("indicator_id", 26.0),
                ("practice_id", 30.0),
                ("Level", 7.0),
                ("Indicator of accomplishment", 80.0),
                ("Met", 8.0),
                ("Counts toward the level", 40.0),
            ],
        )?;
        let mut r = 1;
        for p in &catalogue.practices {
            let result = a.results.get(&p.id);
            for l in &p.levels {
                for ind in &l.indicators {
                    fit.wrapped(ws, r, 0, &ind.id, &s.wrap)?;
                    fit.wrapped(ws, r, 1, &p.id, &s.wrap)?;
                    ws.write_number(r, 2, f64::from(l.level.get()))?;
                    fit.wrapped(ws, r, 3, &ind.text, &s.wrap)?;
                    ws.write_string(r, 4, if result.is_some_and(|x| x.is_met(&ind.id)) { "yes" } else { "no" })?;
                    fit.wrapped(ws, r, 5, &counts_toward(ind, a.metadata.role), &s.wrap)?;
                    r += 1;
                }
            }
        }
        ws.add_data_validation(1, 4, r - 1, 4, &list(&["yes", "no"], "Met")?)?;
        fit.finish(ws, true)?;
    }

    // Results.
    {
        let ws = wb.add_worksheet().set_name("Results")?;
        let mut fit = header(
            ws,
            &s,
            &[
                ("practice_id", 30.0),
                ("Practice", 26.0),
                ("Derived level", 9.0),
                ("Achieved level", 9.0),
                ("Override", 9.0),
                ("Override justification", 30.0),
                ("Result scope", 12.0),
                ("Notes", 40.0),
                ("Evidence", 30.0),
                ("File fingerprints (SHA-256)", 34.0),
                ("Evidence held by, obtained, review by", 34.0),
                ("Evidence past its review date", 24.0),
            ],
        )?;
        for (i, p) in catalogue.practices.iter().enumerate() {
            let r = i as u32 + 1;
            fit.wrapped(ws, r, 0, &p.id, &s.wrap)?;
            fit.wrapped(ws, r, 1, &p.name, &s.wrap)?;
            let g = gaps.iter().find(|g| g.id == p.id);
            if let Some(l) = g.and_then(|g| g.derived_level) {
                ws.write_number(r, 2, f64::from(l.get()))?;
            }
            if let Some(l) = g.and_then(|g| g.achieved) {
                ws.write_number(r, 3, f64::from(l.get()))?;
            }
            if let Some(res) = a.results.get(&p.id) {
                if let Some(o) = &res.level_override {
                    ws.write_number(r, 4, f64::from(o.level.get()))?;
                    fit.wrapped(ws, r, 5, &o.justification, &s.wrap)?;
                }
                ws.write_string(r, 6, res.scope.id())?;
                fit.wrapped(ws, r, 7, &res.notes, &s.wrap)?;
                let refs: Vec<&str> = res.evidence.iter().map(|e| e.reference.as_str()).collect();
                fit.wrapped(ws, r, 8, &refs.join("\n"), &s.wrap)?;
                let prints: Vec<String> = res
                    .evidence
                    .iter()
                    .filter_map(|e| e.file.as_ref())
                    .map(|f| format!("{} ({} bytes, {}): {}", f.name, f.size, f.taken_on, f.sha256))
                    .collect();
                fit.wrapped(ws, r, 9, &prints.join("\n"), &s.wrap)?;
                let dates: Vec<String> = res
                    .evidence
                    .iter()
                    .map(|e| {
                        let or = |v: &str| if v.is_empty() { "-".to_string() } else { v.to_string() };
                        format!("{}: {}, {}, {}", e.reference, or(&e.holder), or(&e.obtained), or(&e.review_by))
                    })
                    .collect();
                fit.wrapped(ws, r, 10, &dates.join("\n"), &s.wrap)?;
                let expired: Vec<String> = res
                    .evidence
                    .iter()
                    .filter(|e| smm_core::evidence::is_expired(e, today))
                    .map(|e| format!("{} (review by {})", e.reference, e.review_by))
                    .collect();
                fit.wrapped(ws, r, 11, &expired.join("\n"), &s.wrap)?;
            }
        }
        fit.finish(ws, true)?;
    }

    // Gaps, with conditional formatting and the chart.
    {
        let ws = wb.add_worksheet().set_name("Gaps")?;
        let mut fit = header(
            ws,
            &s,
            &[
                ("practice_id", 30.0),
                ("Practice", 26.0),
                ("Target", 8.0),
                ("Achieved", 9.0),
                ("Status", 22.0),
                ("Shortfall", 9.0),
                ("Excess (possible over-investment)", 14.0),
            ],
        )?;
        let n = catalogue.practices.len() as u32;
        for (i, p) in catalogue.practices.iter().enumerate() {
            let r = i as u32 + 1;
            fit.wrapped(ws, r, 0, &p.id, &s.wrap)?;
            fit.wrapped(ws, r, 1, &p.name, &s.wrap)?;
            if let Some(g) = gaps.iter().find(|g| g.id == p.id) {
                if let Some(t) = g.target {
                    ws.write_number(r, 2, f64::from(t.level.get()))?;
                }
                if let Some(l) = g.achieved {
                    ws.write_number(r, 3, f64::from(l.get()))?;
                }
                ws.write_string(r, 4, g.status.label())?;
                if g.status != GapStatus::NotApplicable {
                    ws.write_number(r, 5, f64::from(g.shortfall))?;
                    ws.write_number(r, 6, f64::from(g.excess))?;
                }
            }
        }
        let short = Format::new().set_background_color("FDBA74").set_font_color("7C2D12");
        let over = Format::new().set_background_color("E9D5FF").set_font_color("581C87");
        ws.add_conditional_format(
            1,
            5,
            n,
            5,
            &ConditionalFormatCell::new().set_rule(ConditionalFormatCellRule::GreaterThan(0)).set_format(short),
        )?;
        ws.add_conditional_format(
            1,
            6,
            n,
            6,
            &ConditionalFormatCell::new().set_rule(ConditionalFormatCellRule::GreaterThan(0)).set_format(over),
        )?;
        let mut chart = Chart::new(ChartType::Bar);
        chart.title().set_name("Target and achieved level per practice");
        chart.add_series().set_name("Target").set_categories(("Gaps", 1, 1, n, 1)).set_values(("Gaps", 1, 2, n, 2));
        chart.add_series().set_name("Achieved").set_categories(("Gaps", 1, 1, n, 1)).set_values(("Gaps", 1, 3, n, 3));
        chart.x_axis().set_min(0).set_max(4);
        chart.set_width(720).set_height(560);
        // Below the table, so that the table prints at a readable size on the page's width.
        ws.insert_chart(n + 2, 1, &chart)?;
        fit.finish(ws, true)?;
    }

    // Roadmap.
    {
        let ws = wb.add_worksheet().set_name("Roadmap")?;
        let mut fit = header(
            ws,
            &s,
            &[
                ("step_id", 30.0),
                ("Order", 7.0),
                ("Practice", 30.0),
                ("Reach level", 8.0),
                ("Domain priority", 10.0),
                ("Owner", 24.0),
                ("Due (YYYY-MM-DD)", 14.0),
                ("Status", 12.0),
                ("Actions", 60.0),
                ("Evidence still missing", 40.0),
                ("Reference (ticket or address)", 20.0),
                ("Status history", 30.0),
            ],
        )?;
        for (i, st) in steps.iter().enumerate() {
            let r = i as u32 + 1;
            let plan = a.plan.get(&st.id).cloned().unwrap_or_default();
            fit.wrapped(ws, r, 0, &st.id, &s.wrap)?;
            ws.write_number(r, 1, (i + 1) as f64)?;
            fit.wrapped(
                ws,
                r,
                2,
                catalogue.practice(&st.practice).map_or(st.practice.as_str(), |p| p.name.as_str()),
                &s.wrap,
            )?;
            ws.write_number(r, 3, f64::from(st.level.get()))?;
            ws.write_string(r, 4, st.domain_priority.id())?;
            ws.write_string(r, 5, &plan.owner)?;
            ws.write_string(r, 6, &plan.due)?;
            ws.write_string(r, 7, plan.status.id())?;
            fit.wrapped(ws, r, 8, &st.actions.join("\n"), &s.wrap)?;
            fit.wrapped(ws, r, 9, &st.unmet_indicators.join("\n"), &s.wrap)?;
            fit.wrapped(ws, r, 10, &plan.reference, &s.wrap)?;
            let history: Vec<String> = plan
                .history
                .iter()
                .map(|c| {
                    let note = if c.note.is_empty() { String::new() } else { format!(": {}", c.note) };
                    format!("{} {}{note}", c.on, c.status.id())
                })
                .collect();
            fit.wrapped(ws, r, 11, &history.join("\n"), &s.wrap)?;
        }
        let n = (steps.len() as u32).max(1);
        ws.add_data_validation(1, 7, n, 7, &list(&["planned", "in-progress", "done"], "Status")?)?;
        fit.finish(ws, true)?;
    }

    // Frameworks.
    {
        let ws = wb.add_worksheet().set_name("Frameworks")?;
        let mut fit = header(
            ws,
            &s,
            &[
                ("framework_id", 16.0),
                ("Framework", 30.0),
                ("Group", 14.0),
                ("Title", 50.0),
                ("Implied by the targets", 12.0),
                ("Covered by the achieved levels", 12.0),
                ("Mapping read", 40.0),
            ],
        )?;
        let mut r = 1;
        for (f, m) in coverage {
            for g in smm_core::mapping::coverage(f, m, &gaps, a.metadata.role).groups {
                ws.write_string(r, 0, &f.id)?;
                ws.write_string(r, 1, &f.name)?;
                ws.write_string(r, 2, format!("{}{}", "  ".repeat(g.depth), g.group))?;
                fit.wrapped(ws, r, 3, &g.title, &s.wrap)?;
                ws.write_number(r, 4, g.implied as f64)?;
                ws.write_number(r, 5, g.covered as f64)?;
                fit.wrapped(ws, r, 6, &m.name, &s.wrap)?;
                r += 1;
            }
        }
        if coverage.is_empty() {
            ws.write_string(1, 0, "No framework was chosen for this workbook.")?;
        } else {
            ws.write_string(
                r + 1,
                0,
                "SMM Navigator's indicative mappings (or the mapping chosen); SMM levels are not security levels.",
            )?;
        }
        fit.finish(ws, true)?;
    }
    wb.save_to_buffer()
}

/// One change a workbook makes to the assessment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// The sheet.
    pub sheet: &'static str,
    /// The row, as the spreadsheet numbers it (1 is the header).
    pub row: u32,
    /// The id in column A.
    pub id: String,
    /// What changes.
    pub field: &'static str,
    /// The value before (as text).
    pub old: String,
    /// The value after (as text).
    pub new: String,
}

/// What a workbook would change, and what it could not take.
#[derive(Clone, Debug, PartialEq)]
pub struct Preview {
    /// Every change, sheet by sheet, row by row.
    pub changes: Vec<Change>,
    /// What was left out, each line naming its place (`Targets!C5: ...`).
    pub left_out: Vec<String>,
    /// The assessment with every change applied (to store on confirmation).
    pub updated: Assessment,
}

fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) if f.fract() == 0.0 => format!("{f:.0}"),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) => serial_date(dt.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

/// A spreadsheet date serial (days since 1899-12-30) as `YYYY-MM-DD`; a serial
/// outside the dates a spreadsheet holds stays a number (and is then refused
/// where a date is wanted).
fn serial_date(serial: f64) -> String {
    if !(0.0..=MAX_DATE_SERIAL).contains(&serial) {
        return serial.to_string();
    }
    smm_core::document::date_from_days(serial.floor() as i64 - 25_569)
}

fn col_name(c: usize) -> char {
    (b'A' + c as u8) as char
}

/// Checks the container before the spreadsheet reader sees it: size, that it
/// is a zip at all (a CSV or an encrypted, password-protected workbook is not),
/// that its parts do not unpack to more than [`MAX_UNPACKED_BYTES`] (declared
/// sizes, before anything is unpacked), then the sheets' references
/// ([`check_references`]), all from one reading of the package's directory.
fn check_container(bytes: &[u8]) -> Result<(), String> {
    if bytes.len() > MAX_WORKBOOK_BYTES {
        return Err(format!(
            "the file is {:.1} MiB; workbooks over 10 MiB are refused",
            bytes.len() as f64 / 1048576.0
        ));
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Err("this workbook is password-protected (encrypted) or in the old .xls format: save it as an unprotected .xlsx workbook and import that".into());
    }
    if !bytes.starts_with(b"PK\x03\x04") {
        return Err(
            "this is not an XLSX workbook (it is not a zip package; a CSV or text file renamed .xlsx is refused)"
                .into(),
        );
    }
    let mut archive =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| format!("the workbook's package is damaged ({e})"))?;
    if archive.len() > 1_000 {
        return Err(format!("the workbook has {} parts; at most 1000 are read", archive.len()));
    }
    // The sizes the package's directory declares for its parts (nothing is unpacked here).
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let part = archive.by_index_raw(i).map_err(|e| format!("the workbook's package is damaged ({e})"))?;
        total = total.saturating_add(part.size());
    }
    if total > MAX_UNPACKED_BYTES {
        return Err(format!(
            "the workbook would unpack to {:.0} MiB; at most {} MiB are read (a zip bomb is refused)",
            total as f64 / 1048576.0,
            MAX_UNPACKED_BYTES / 1048576
        ));
    }
    check_references(&mut archive)
}

struct Sheet {
    name: &'static str,
    /// Rows from row 1, each from column A, at most [`MAX_ROWS`] + 1 rows and [`READ_COLUMNS`] columns.
    rows: Vec<Vec<Data>>,
    /// How many rows the sheet has (its last row with a cell), read or not.
    row_count: usize,
    formulas: BTreeMap<(usize, usize), String>,
    merged: Vec<(u32, u32, u32, u32)>,
}

impl Sheet {
    fn in_merge(&self, r: usize, c: usize) -> bool {
        self.merged.iter().any(|&(r0, c0, r1, c1)| (r0..=r1).contains(&(r as u32)) && (c0..=c1).contains(&(c as u32)))
    }
}

/// The columns read of each sheet (A to P): every column SMM Navigator writes
/// and reads lies within them.
const READ_COLUMNS: usize = 16;

/// Reads a sheet cell by cell. A dense range (`worksheet_range`) is sized by
/// the farthest cell: one cell at XFD1048576 would ask for 512 GiB (found by
/// fuzzing). Cells are streamed instead, and only those in the first
/// [`MAX_ROWS`] + 1 rows and [`READ_COLUMNS`] columns are kept, so memory is
/// bounded by what is read. `None` when the sheet is missing or unreadable.
fn load(wb: &mut Xlsx<Cursor<&[u8]>>, name: &'static str) -> Option<Sheet> {
    let mut rows: Vec<Vec<Data>> = Vec::new();
    let mut row_count = 0usize;
    {
        let mut cells = wb.worksheet_cells_reader(name).ok()?;
        while let Some(cell) = cells.next_cell().ok()? {
            let (r, c) = cell.get_position();
            let (r, c) = (r as usize, c as usize);
            row_count = row_count.max(r + 1);
            if r > MAX_ROWS || c >= READ_COLUMNS {
                continue;
            }
            if rows.len() <= r {
                rows.resize_with(r + 1, Vec::new);
            }
            let row = &mut rows[r];
            if row.len() <= c {
                row.resize(c + 1, Data::Empty);
            }
            row[c] = Data::from(cell.get_value().clone());
        }
    }
    let mut formulas = BTreeMap::new();
    {
        let mut cells = wb.worksheet_cells_reader(name).ok()?;
        while let Some(cell) = cells.next_formula().ok()? {
            let (r, c) = cell.get_position();
            let (r, c) = (r as usize, c as usize);
            if r <= MAX_ROWS && c < READ_COLUMNS && !cell.get_value().is_empty() {
                formulas.insert((r, c), cell.get_value().clone());
            }
        }
    }
    let merged = wb
        .merge_cells_by_sheet_name(name)
        .unwrap_or_default()
        .into_iter()
        .map(|d| (d.start.0, d.start.1, d.end.0, d.end.1))
        .collect();
    Some(Sheet { name, rows, row_count, formulas, merged })
}

/// A cell reference (`B7`) as (column, row) from 1, when it lies within a
/// spreadsheet's limits: at most column XFD and row 1048576.
fn parse_reference(r: &[u8]) -> Option<(u32, u32)> {
    let letters = r.iter().take_while(|b| b.is_ascii_uppercase()).count();
    let digits = &r[letters..];
    if !(1..=3).contains(&letters) || digits.is_empty() || digits.len() > 7 || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let column = r[..letters].iter().fold(0u32, |n, b| n * 26 + u32::from(b - b'A') + 1);
    let row = std::str::from_utf8(digits).ok()?.parse::<u32>().ok()?;
    (column <= 16_384 && (1..=1_048_576).contains(&row)).then_some((column, row))
}

/// A cell reference or a range (`A1:F19`) within the limits, its start before its end.
fn range_in_limits(r: &[u8]) -> bool {
    let mut parts = r.split(|&b| b == b':');
    let (Some(first), second, None) = (parts.next(), parts.next(), parts.next()) else { return false };
    match (parse_reference(first), second.map(parse_reference)) {
        (Some(_), None) => true,
        (Some((c0, r0)), Some(Some((c1, r1)))) => c0 <= c1 && r0 <= r1,
        _ => false,
    }
}

/// The elements of a sheet whose references the spreadsheet reader computes
/// with, and the attribute that holds each.
const REFERENCES: &[(&[u8], &[u8])] =
    &[(b"c", b"r"), (b"row", b"r"), (b"dimension", b"ref"), (b"mergeCell", b"ref"), (b"f", b"ref")];

/// The value of attribute `name` in a tag's head (after the element name), in
/// double or single quotes, with or without white space around `=`.
fn attribute<'a>(head: &'a [u8], name: &[u8]) -> Option<&'a [u8]> {
    let mut i = 0;
    while i < head.len() {
        // An attribute starts after white space.
        if !head[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        while i < head.len() && head[i].is_ascii_whitespace() {
            i += 1;
        }
        let start = i;
        while i < head.len() && !head[i].is_ascii_whitespace() && head[i] != b'=' {
            i += 1;
        }
        let key = &head[start..i];
        while i < head.len() && head[i].is_ascii_whitespace() {
            i += 1;
        }
        if head.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while i < head.len() && head[i].is_ascii_whitespace() {
            i += 1;
        }
        let Some(&quote) = head.get(i).filter(|q| **q == b'"' || **q == b'\'') else { continue };
        let from = i + 1;
        let to = head[from..].iter().position(|&b| b == quote).map_or(head.len(), |q| from + q);
        if key == name {
            return Some(&head[from..to]);
        }
        i = to + 1;
    }
    None
}

/// Checks every cell, row, range and merge reference in the workbook's sheets
/// before the spreadsheet reader sees them: one beyond XFD1048576, or a range
/// that ends before it starts, is refused (the reader's arithmetic overflows on
/// them; found by fuzzing).
fn check_references(archive: &mut zip::ZipArchive<Cursor<&[u8]>>) -> Result<(), String> {
    use std::io::Read;
    for i in 0..archive.len() {
        let mut part = archive.by_index(i).map_err(|e| format!("the workbook's package is damaged ({e})"))?;
        let name = part.name().map(|n| n.to_string()).unwrap_or_default();
        // The shared strings are read whole by the spreadsheet reader: their own cap, checked on the real bytes.
        if name == "xl/sharedStrings.xml" {
            let read = std::io::copy(&mut part.by_ref().take(MAX_SHARED_STRINGS_BYTES + 1), &mut std::io::sink())
                .map_err(|e| format!("the workbook's part {name} is damaged ({e})"))?;
            if read > MAX_SHARED_STRINGS_BYTES {
                return Err(format!(
                    "the workbook's part {name} unpacks to more than {} MiB",
                    MAX_SHARED_STRINGS_BYTES >> 20
                ));
            }
            continue;
        }
        if !(name.starts_with("xl/worksheets/") && name.ends_with(".xml")) {
            continue;
        }
        let mut xml = Vec::new();
        part.by_ref()
            .take(MAX_UNPACKED_BYTES + 1)
            .read_to_end(&mut xml)
            .map_err(|e| format!("the workbook's part {name} is damaged ({e})"))?;
        if xml.len() as u64 > MAX_UNPACKED_BYTES {
            return Err(format!("the workbook's part {name} unpacks to more than {} MiB", MAX_UNPACKED_BYTES >> 20));
        }
        // One pass: a tag's head ends at its `>` or at the next `<` (neither
        // stands inside a well-formed tag), so the heads never overlap and the
        // time grows with the part's length, whatever it holds.
        let mut at = 0;
        while let Some(found) = xml[at..].iter().position(|&b| b == b'<').map(|p| p + at) {
            at = found + 1;
            let tag = &xml[at..];
            let end = tag.iter().position(|&b| b == b'>' || b == b'<').unwrap_or(tag.len());
            let head = &tag[..end];
            at += end;
            let name_end = head.iter().position(|&b| b.is_ascii_whitespace() || b == b'/').unwrap_or(head.len());
            // A namespace prefix (`x:c`) names the same element.
            let local = head[..name_end].rsplit(|&b| b == b':').next().unwrap_or_default();
            let Some((element, key)) = REFERENCES.iter().find(|(e, _)| *e == local) else { continue };
            let Some(value) = attribute(&head[name_end..], key) else { continue };
            let ok = if *element == b"row" {
                parse_reference(&[b"A", value].concat()).is_some()
            } else {
                range_in_limits(value)
            };
            if !ok {
                return Err(format!(
                    "the workbook's sheet {name} has a reference beyond a spreadsheet's limits or a range that ends before it starts (`{}`); it is refused",
                    String::from_utf8_lossy(&value[..value.len().min(40)])
                ));
            }
        }
    }
    Ok(())
}

struct Reading<'a> {
    left_out: Vec<String>,
    more: usize,
    changes: Vec<Change>,
    a: &'a mut Assessment,
}

impl Reading<'_> {
    fn skip(&mut self, line: String) {
        if self.left_out.len() < MAX_LISTED {
            self.left_out.push(line);
        } else {
            self.more += 1;
        }
    }
    fn change(&mut self, sheet: &'static str, row: usize, id: &str, field: &'static str, old: String, new: String) {
        if old != new {
            self.changes.push(Change { sheet, row: row as u32 + 1, id: id.to_string(), field, old, new });
        }
    }
}

/// The text of an editable cell, or `None` (listed) when it holds a formula or
/// lies in merged cells.
fn value(read: &mut Reading<'_>, sheet: &Sheet, r: usize, c: usize) -> Option<String> {
    let at = format!("{}!{}{}", sheet.name, col_name(c), r + 1);
    if let Some(f) = sheet.formulas.get(&(r, c)) {
        read.skip(format!("{at}: a formula (={f}) where a value is expected; left out"));
        return None;
    }
    if sheet.in_merge(r, c) {
        read.skip(format!("{at}: merged cells; left out"));
        return None;
    }
    Some(sheet.rows.get(r).and_then(|row| row.get(c)).map(cell_text).unwrap_or_default().trim().to_string())
}

/// [`load`], saying so when a sheet that is there cannot be read (its XML
/// is damaged or was written to hang a reader): its changes are not guessed.
fn load_or_say(
    wb: &mut Xlsx<Cursor<&[u8]>>,
    read: &mut Reading<'_>,
    names: &[String],
    name: &'static str,
) -> Option<Sheet> {
    let sheet = load(wb, name);
    if sheet.is_none() && names.iter().any(|n| n == name) {
        read.skip(format!("{name}: the sheet could not be read (damaged); its changes were not read"));
    }
    sheet
}

/// The rows of a sheet after the header, capped at [`MAX_ROWS`] (the rest listed).
fn data_rows(read: &mut Reading<'_>, sheet: &Sheet) -> std::ops::Range<usize> {
    let last = sheet.row_count;
    if last == 0 {
        // Every exported sheet has a header row: an empty one was emptied or
        // holds no cells a spreadsheet reads (damaged), and that is said.
        read.skip(format!("{}: the sheet holds no rows; nothing in it was read", sheet.name));
        0..0
    } else if last > MAX_ROWS + 1 {
        read.skip(format!("{}: {} rows; only the first {MAX_ROWS} after the header were read", sheet.name, last - 1));
        1..MAX_ROWS + 1
    } else {
        1..last
    }
}

fn id_of(sheet: &Sheet, r: usize) -> String {
    sheet.rows.get(r).and_then(|row| row.first()).map(cell_text).unwrap_or_default().trim().to_string()
}

/// Why a workbook was not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    /// The workbook was made from another assessment: try the one it names.
    OtherAssessment {
        /// The assessment id the workbook carries.
        workbook: String,
        /// The sentence to show.
        message: String,
    },
    /// Refused for the reason given.
    Refused(String),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::OtherAssessment { message, .. } | ReadError::Refused(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for ReadError {}

/// Reads the changes a workbook SMM Navigator made would bring to `a`. Refused
/// (with the reason) when it is not such a workbook or is for another
/// assessment; otherwise every change is listed with what was left out.
///
/// `today` (`YYYY-MM-DD`) dates the status changes a workbook brings: each
/// one enters the step's history, noted as set in the workbook.
pub fn read_changes(bytes: &[u8], catalogue: &Catalogue, a: &Assessment, today: &str) -> Result<Preview, ReadError> {
    check_container(bytes).map_err(ReadError::Refused)?;
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes))
        .map_err(|e| format!("the workbook cannot be read ({e})"))
        .map_err(ReadError::Refused)?;
    let names = wb.sheet_names();
    let overview = load(&mut wb, "Overview").ok_or_else(|| {
        "this workbook was not made by SMM Navigator (it has no Overview sheet); only workbooks SMM Navigator exported can be imported".to_string()
    })
    .map_err(ReadError::Refused)?;
    let field = |k: &str| {
        overview
            .rows
            .iter()
            .find(|row| row.first().map(cell_text).as_deref() == Some(k))
            .and_then(|row| row.get(1))
            .map(cell_text)
            .unwrap_or_default()
    };
    if field("format") != WORKBOOK_FORMAT {
        return Err(ReadError::Refused(
            "this workbook was not made by SMM Navigator (Overview!B1 does not read smm-navigator/workbook)".into(),
        ));
    }
    match field("version").parse::<u32>() {
        Ok(v) if (1..=WORKBOOK_VERSION).contains(&v) => {}
        Ok(v) => {
            return Err(ReadError::Refused(format!(
                "the workbook is layout version {v}, made by a newer SMM Navigator; this app reads version 1"
            )))
        }
        Err(_) => return Err(ReadError::Refused("Overview!B2 does not hold the workbook's version".into())),
    }
    let id = field("assessment_id");
    if id != a.id {
        return Err(ReadError::OtherAssessment {
            message: format!("this workbook is of another assessment (`{id}`), not “{}” (`{}`)", a.metadata.name, a.id),
            workbook: id,
        });
    }
    let mut updated = a.clone();
    let mut read = Reading { left_out: Vec::new(), more: 0, changes: Vec::new(), a: &mut updated };
    for n in &names {
        if !SHEETS.contains(&n.as_str()) {
            read.skip(format!("{n}: a sheet SMM Navigator does not know; not read"));
        }
    }
    for wanted in ["Targets", "Priorities", "Indicators", "Results", "Roadmap"] {
        if !names.iter().any(|n| n == wanted) {
            read.skip(format!("{wanted}: the sheet is missing (renamed or deleted); its changes were not read"));
        }
    }
    if let Some(sheet) = load_or_say(&mut wb, &mut read, &names, "Targets") {
        read_targets(&mut read, &sheet, catalogue);
    }
    if let Some(sheet) = load_or_say(&mut wb, &mut read, &names, "Priorities") {
        read_priorities(&mut read, &sheet, catalogue);
    }
    if let Some(sheet) = load_or_say(&mut wb, &mut read, &names, "Indicators") {
        read_indicators(&mut read, &sheet, catalogue);
    }
    if let Some(sheet) = load_or_say(&mut wb, &mut read, &names, "Results") {
        read_results(&mut read, &sheet, catalogue);
    }
    if let Some(sheet) = load_or_say(&mut wb, &mut read, &names, "Roadmap") {
        read_roadmap(&mut read, &sheet, catalogue, today);
    }
    if read.more > 0 {
        let more = read.more;
        read.left_out.push(format!("and {more} more left out"));
    }
    let (changes, left_out) = (read.changes, read.left_out);
    let problems = smm_core::document::validate(&updated, catalogue);
    if let Some(p) = problems.first() {
        return Err(ReadError::Refused(format!("with these changes the assessment would not be valid: {p}")));
    }
    Ok(Preview { changes, left_out, updated })
}

fn read_targets(read: &mut Reading<'_>, sheet: &Sheet, catalogue: &Catalogue) {
    for r in data_rows(read, sheet) {
        let id = id_of(sheet, r);
        if id.is_empty() {
            continue;
        }
        if catalogue.practice(&id).is_none() {
            read.skip(format!("Targets!A{}: `{id}` is not a practice id; row left out", r + 1));
            continue;
        }
        let (Some(level), Some(scope), Some(na), Some(rationale)) =
            (value(read, sheet, r, 2), value(read, sheet, r, 3), value(read, sheet, r, 4), value(read, sheet, r, 5))
        else {
            continue;
        };
        let old = read.a.targets.get(&id).cloned();
        if level.is_empty() && scope.is_empty() && na.is_empty() && rationale.is_empty() {
            if old.is_some() {
                read.skip(format!(
                    "Targets!C{}: the target of `{id}` was emptied; a target is not removed from a workbook",
                    r + 1
                ));
            }
            continue;
        }
        let Some(level) = level.parse::<u8>().ok().and_then(Level::new) else {
            read.skip(format!("Targets!C{}: `{level}` is not a level 0-4; row left out", r + 1));
            continue;
        };
        let Some(scope) = Scope::ALL
            .into_iter()
            .find(|s| s.id() == scope.to_lowercase() || (scope.is_empty() && *s == Scope::General))
        else {
            read.skip(format!(
                "Targets!D{}: `{scope}` is not a scope (general, industry, system); row left out",
                r + 1
            ));
            continue;
        };
        let base = old.clone().unwrap_or_else(|| Target::new(level, scope));
        let new = Target {
            level,
            scope,
            rationale,
            not_applicable: (!na.is_empty()).then_some(NotApplicable { reason: na }),
        };
        let show = |t: &Option<Target>, f: fn(&Target) -> String| t.as_ref().map(f).unwrap_or_default();
        read.change("Targets", r, &id, "target level", show(&old, |t| t.level.to_string()), new.level.to_string());
        read.change(
            "Targets",
            r,
            &id,
            "scope",
            old.as_ref().map(|t| t.scope.id().to_string()).unwrap_or_default(),
            new.scope.id().into(),
        );
        read.change("Targets", r, &id, "rationale", base.rationale.clone(), new.rationale.clone());
        read.change(
            "Targets",
            r,
            &id,
            "not applicable",
            show(&old, |t| t.not_applicable.as_ref().map(|n| n.reason.clone()).unwrap_or_default()),
            new.not_applicable.as_ref().map(|n| n.reason.clone()).unwrap_or_default(),
        );
        if old.as_ref() != Some(&new) {
            read.a.targets.insert(id, new);
        }
    }
}

fn read_priorities(read: &mut Reading<'_>, sheet: &Sheet, catalogue: &Catalogue) {
    for r in data_rows(read, sheet) {
        let id = id_of(sheet, r);
        if id.is_empty() {
            continue;
        }
        let Some(text) = value(read, sheet, r, 3) else { continue };
        let Some(p) = Priority::ALL.into_iter().find(|p| p.id() == text.to_lowercase()) else {
            read.skip(format!("Priorities!D{}: `{text}` is not a priority (high, medium, low); row left out", r + 1));
            continue;
        };
        if catalogue.domain(&id).is_some() {
            let old = read.a.domain_priority(&id);
            read.change("Priorities", r, &id, "priority", old.id().into(), p.id().into());
            if old != p {
                read.a.priorities.domains.insert(id, p);
            }
        } else if catalogue.subdomain(&id).is_some() {
            let old = read.a.subdomain_priority(&id);
            read.change("Priorities", r, &id, "priority", old.id().into(), p.id().into());
            if old != p {
                read.a.priorities.subdomains.insert(id, p);
            }
        } else {
            read.skip(format!("Priorities!A{}: `{id}` is not a domain or subdomain id; row left out", r + 1));
        }
    }
}

/// Whether an indicator counts toward the level for the assessment's role, in words.
fn counts_toward(ind: &Indicator, role: Role) -> String {
    if ind.applies_to(role) {
        "yes".to_string()
    } else {
        format!("no: for {} only; extra evidence", ind.roles_label())
    }
}

fn read_indicators(read: &mut Reading<'_>, sheet: &Sheet, catalogue: &Catalogue) {
    for r in data_rows(read, sheet) {
        let id = id_of(sheet, r);
        if id.is_empty() {
            continue;
        }
        let Some(found) = catalogue.indicator(&id) else {
            read.skip(format!("Indicators!A{}: `{id}` is not an indicator id; row left out", r + 1));
            continue;
        };
        let practice = found.practice.id.clone();
        let Some(text) = value(read, sheet, r, 4) else { continue };
        let met = match text.to_lowercase().as_str() {
            "yes" | "y" | "true" | "1" | "met" => true,
            "no" | "n" | "false" | "0" | "" | "not met" => false,
            other => {
                read.skip(format!("Indicators!E{}: `{other}` is not yes or no; row left out", r + 1));
                continue;
            }
        };
        let was = read.a.results.get(&practice).is_some_and(|x| x.is_met(&id));
        if was == met {
            continue;
        }
        read.change(
            "Indicators",
            r,
            &id,
            "met",
            if was { "yes" } else { "no" }.into(),
            if met { "yes" } else { "no" }.into(),
        );
        let result = read.a.results.entry(practice.clone()).or_default();
        result.indicators_met.retain(|x| *x != id);
        if met {
            result.indicators_met.push(id);
        }
        // Keep the catalogue's order, as the page does.
        if let Some(p) = catalogue.practice(&practice) {
            let order: Vec<String> = p.indicators().map(|(_, i)| i.id.clone()).collect();
            result.indicators_met.sort_by_key(|x| order.iter().position(|o| o == x).unwrap_or(usize::MAX));
        }
    }
}

fn read_results(read: &mut Reading<'_>, sheet: &Sheet, catalogue: &Catalogue) {
    for r in data_rows(read, sheet) {
        let id = id_of(sheet, r);
        if id.is_empty() {
            continue;
        }
        if catalogue.practice(&id).is_none() {
            read.skip(format!("Results!A{}: `{id}` is not a practice id; row left out", r + 1));
            continue;
        }
        let Some(notes) = value(read, sheet, r, 7) else { continue };
        let old = read.a.results.get(&id).map(|x| x.notes.clone()).unwrap_or_default();
        if old == notes {
            continue;
        }
        read.change("Results", r, &id, "notes", old, notes.clone());
        read.a.results.entry(id).or_default().notes = notes;
    }
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && s.chars().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// The note a status change read from a workbook carries in the step's history.
pub const WORKBOOK_STATUS_NOTE: &str = "set in the workbook";

fn read_roadmap(read: &mut Reading<'_>, sheet: &Sheet, catalogue: &Catalogue, today: &str) {
    for r in data_rows(read, sheet) {
        let id = id_of(sheet, r);
        if id.is_empty() {
            continue;
        }
        let known = id
            .split_once('@')
            .is_some_and(|(p, l)| catalogue.practice(p).is_some() && matches!(l, "1" | "2" | "3" | "4"));
        if !known {
            read.skip(format!("Roadmap!A{}: `{id}` is not a roadmap step id; row left out", r + 1));
            continue;
        }
        let (Some(owner), Some(due), Some(status)) =
            (value(read, sheet, r, 5), value(read, sheet, r, 6), value(read, sheet, r, 7))
        else {
            continue;
        };
        if !due.is_empty() && !is_date(&due) {
            read.skip(format!("Roadmap!G{}: `{due}` is not a date YYYY-MM-DD; row left out", r + 1));
            continue;
        }
        let Some(status) = StepStatus::ALL
            .into_iter()
            .find(|s| s.id() == status.to_lowercase() || (status.is_empty() && *s == StepStatus::Planned))
        else {
            read.skip(format!(
                "Roadmap!H{}: `{status}` is not a status (planned, in-progress, done); row left out",
                r + 1
            ));
            continue;
        };
        let old = read.a.plan.get(&id).cloned().unwrap_or_default();
        // A workbook from before version 6 has no Reference column: the reference stays.
        let reference = if sheet.rows.first().is_some_and(|h| h.len() > 10) {
            let Some(reference) = value(read, sheet, r, 10) else { continue };
            reference
        } else {
            old.reference.clone()
        };
        read.change("Roadmap", r, &id, "owner", old.owner.clone(), owner.clone());
        read.change("Roadmap", r, &id, "due", old.due.clone(), due.clone());
        read.change("Roadmap", r, &id, "status", old.status.id().into(), status.id().into());
        read.change("Roadmap", r, &id, "reference", old.reference.clone(), reference.clone());
        let new = smm_core::StepPlan { owner, due, reference, ..old.clone() };
        if new != old || status != old.status {
            read.a.plan.insert(id.clone(), new);
            smm_core::plan::set_step_status(read.a, &id, status, today, WORKBOOK_STATUS_NOTE);
        }
    }
}

/// The workbook of a portfolio: the share on target per assessment, the gap
/// of each practice in each assessment (shortfall orange, over-investment
/// purple, as in the assessment's workbook), the distribution per practice,
/// and how each figure is computed. Read-only: nothing in it is imported.
pub fn write_portfolio(catalogue: &Catalogue, p: &smm_core::portfolio::Portfolio) -> Result<Vec<u8>, String> {
    portfolio_book(catalogue, p).map_err(|e| format!("the workbook could not be made: {e}"))
}

fn portfolio_book(catalogue: &Catalogue, p: &smm_core::portfolio::Portfolio) -> XResult<Vec<u8>> {
    let s = styles();
    let mut wb = Workbook::new();
    wb.set_properties(
        &rust_xlsxwriter::DocProperties::new()
            .set_title("SMM portfolio")
            .set_creation_datetime(&rust_xlsxwriter::ExcelDateTime::from_ymd(2000, 1, 1)?),
    );
    {
        let ws = wb.add_worksheet().set_name("Assessments")?;
        let mut fit = header(
            ws,
            &s,
            &[
                ("assessment_id", 24.0),
                ("Assessment", 34.0),
                ("Role", 16.0),
                ("Tags", 24.0),
                ("On target", 9.0),
                ("With a target", 9.0),
                ("Share on target (%)", 10.0),
                ("Total shortfall", 10.0),
                ("Total excess (possible over-investment)", 14.0),
            ],
        )?;
        for (i, r) in p.rows.iter().enumerate() {
            let row = i as u32 + 1;
            fit.wrapped(ws, row, 0, &r.id, &s.wrap)?;
            fit.wrapped(ws, row, 1, &r.name, &s.wrap)?;
            ws.write_string(row, 2, r.role.name())?;
            fit.wrapped(ws, row, 3, &r.tags.join(", "), &s.wrap)?;
            ws.write_number(row, 4, f64::from(r.on_target))?;
            ws.write_number(row, 5, f64::from(r.with_target))?;
            if let Some(share) = r.share_on_target {
                ws.write_number(row, 6, f64::from(share))?;
            }
            ws.write_number(row, 7, f64::from(r.total_shortfall))?;
            ws.write_number(row, 8, f64::from(r.total_excess))?;
        }
        fit.finish(ws, true)?;
    }
    {
        let ws = wb.add_worksheet().set_name("Gaps")?;
        let mut names: Vec<(&str, f64)> = vec![("Practice", 30.0)];
        names.extend(p.rows.iter().map(|r| (r.name.as_str(), 12.0)));
        let mut fit = header(ws, &s, &names)?;
        for (i, practice) in catalogue.practices.iter().enumerate() {
            let row = i as u32 + 1;
            fit.wrapped(ws, row, 0, &practice.name, &s.wrap)?;
            for (j, r) in p.rows.iter().enumerate() {
                let col = j as u16 + 1;
                match r.cells.get(i) {
                    Some(c) if c.gap.is_some() => {
                        ws.write_number(row, col, f64::from(c.gap.unwrap_or(0)))?;
                    }
                    Some(c) => {
                        ws.write_string(row, col, smm_core::portfolio::cell_text(c))?;
                    }
                    None => {}
                }
            }
        }
        let (last_row, last_col) = (catalogue.practices.len() as u32, p.rows.len().max(1) as u16);
        let short = Format::new().set_background_color("FDBA74").set_font_color("7C2D12");
        let over = Format::new().set_background_color("E9D5FF").set_font_color("581C87");
        ws.add_conditional_format(
            1,
            1,
            last_row,
            last_col,
            &ConditionalFormatCell::new().set_rule(ConditionalFormatCellRule::LessThan(0)).set_format(short),
        )?;
        ws.add_conditional_format(
            1,
            1,
            last_row,
            last_col,
            &ConditionalFormatCell::new().set_rule(ConditionalFormatCellRule::GreaterThan(0)).set_format(over),
        )?;
        fit.finish(ws, true)?;
    }
    {
        let ws = wb.add_worksheet().set_name("Practices")?;
        let mut fit = header(
            ws,
            &s,
            &[
                ("practice_id", 30.0),
                ("Practice", 30.0),
                ("Achieved 0", 8.0),
                ("Achieved 1", 8.0),
                ("Achieved 2", 8.0),
                ("Achieved 3", 8.0),
                ("Achieved 4", 8.0),
                ("Target 0", 8.0),
                ("Target 1", 8.0),
                ("Target 2", 8.0),
                ("Target 3", 8.0),
                ("Target 4", 8.0),
                ("Below target", 8.0),
                ("Above target", 8.0),
                ("Total shortfall", 9.0),
                ("Weakest (rank)", 9.0),
            ],
        )?;
        for (i, sp) in p.practices.iter().enumerate() {
            let row = i as u32 + 1;
            fit.wrapped(ws, row, 0, &sp.practice, &s.wrap)?;
            fit.wrapped(ws, row, 1, catalogue.practice(&sp.practice).map_or("", |x| x.name.as_str()), &s.wrap)?;
            for l in 0..5 {
                ws.write_number(row, 2 + l as u16, f64::from(sp.achieved[l]))?;
                ws.write_number(row, 7 + l as u16, f64::from(sp.targets[l]))?;
            }
            ws.write_number(row, 12, f64::from(sp.below))?;
            ws.write_number(row, 13, f64::from(sp.above))?;
            ws.write_number(row, 14, f64::from(sp.total_shortfall))?;
            if let Some(rank) = p.weakest.iter().position(|w| *w == sp.practice) {
                ws.write_number(row, 15, (rank + 1) as f64)?;
            }
        }
        fit.finish(ws, true)?;
    }
    {
        let ws = wb.add_worksheet().set_name("Formulas")?;
        let mut fit = header(ws, &s, &[("Figure", 24.0), ("How it is computed (SMM Navigator's own)", 90.0)])?;
        for (i, (label, formula)) in p.formulas.iter().enumerate() {
            ws.write_string_with_format(i as u32 + 1, 0, *label, &s.bold)?;
            fit.wrapped(ws, i as u32 + 1, 1, formula, &s.wrap)?;
        }
        fit.finish(ws, true)?;
    }
    wb.save_to_buffer()
}

/// Applies a preview: the assessment as the workbook has it.
pub fn apply(preview: Preview) -> Assessment {
    preview.updated
}

#[cfg(test)]
mod tests {
    #[test]
    fn date_serials_outside_a_spreadsheets_dates_stay_numbers() {
        // Found in review: ±1e300 overflowed the date conversion.
        assert_eq!(serial_date(46_000.0), "2025-12-09");
        assert_eq!(serial_date(MAX_DATE_SERIAL), "9999-12-31");
        for bad in [1e300, -1e300, -1.0, MAX_DATE_SERIAL + 1.0, f64::NAN, f64::INFINITY] {
            assert!(!serial_date(bad).contains('-') || bad < 0.0, "{bad}: {}", serial_date(bad));
        }
    }

    use super::*;

    #[test]
    fn serial_dates_read_as_iso_dates() {
        assert_eq!(serial_date(45658.0), "2025-01-01");
        assert_eq!(serial_date(25569.0), "1970-01-01");
    }

    #[test]
    fn containers_that_are_not_workbooks_are_refused_unread() {
        assert!(check_container(b"practice_id,level\nthreat-modeling,3\n")
            .unwrap_err()
            .contains("not an XLSX workbook"));
        let mut cfb = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        cfb.extend([0u8; 100]);
        assert!(check_container(&cfb).unwrap_err().contains("password-protected"));
        assert!(check_container(b"PK\x03\x04garbage").unwrap_err().contains("damaged"));
    }
}
