//! The workbook reads back as no change at all, for every example; the OSCAL
//! document has a finding per practice with a target and the statuses the gap
//! analysis gives.

use smm_core::Catalogue;
use smm_exchange::{oscal, xlsx};

const EXAMPLES: [&str; 2] = [
    include_str!("../../../examples/bottling-line-asset-owner.smm.json"),
    include_str!("../../../examples/home-camera-product-supplier.smm.json"),
];

#[test]
fn an_unedited_workbook_changes_nothing() {
    let cat = Catalogue::builtin();
    for text in EXAMPLES {
        let a = smm_core::parse_assessment(text.as_bytes(), cat).unwrap();
        let book = xlsx::write_workbook(cat, &a, &[], "2026-12-02T00:00:00Z").unwrap();
        let p = xlsx::read_changes(&book, cat, &a, "2026-12-06").unwrap();
        assert_eq!(p.changes, vec![], "{}", a.id);
        assert_eq!(p.left_out, Vec::<String>::new(), "{}", a.id);
        assert_eq!(p.updated, a);
        // The same assessment always gives the same bytes.
        assert_eq!(book, xlsx::write_workbook(cat, &a, &[], "2026-12-02T00:00:00Z").unwrap());
    }
}

#[test]
fn a_workbook_of_another_assessment_is_refused() {
    let cat = Catalogue::builtin();
    let a = smm_core::parse_assessment(EXAMPLES[0].as_bytes(), cat).unwrap();
    let b = smm_core::parse_assessment(EXAMPLES[1].as_bytes(), cat).unwrap();
    let book = xlsx::write_workbook(cat, &a, &[], "now").unwrap();
    let e = xlsx::read_changes(&book, cat, &b, "2026-12-06").unwrap_err();
    assert!(matches!(&e, xlsx::ReadError::OtherAssessment { workbook, .. } if *workbook == a.id), "{e}");
    assert!(e.to_string().contains("of another assessment"), "{e}");
}

#[test]
fn oscal_findings_follow_the_gap_analysis() {
    let cat = Catalogue::builtin();
    let a = smm_core::parse_assessment(EXAMPLES[0].as_bytes(), cat).unwrap();
    let doc = oscal::assessment_results(cat, &a, "2026-12-02T00:00:00Z");
    let result = &doc["assessment-results"]["results"][0];
    let findings = result["findings"].as_array().unwrap();
    let gaps = smm_core::engine::gap_analysis(cat, &a);
    let judged: Vec<_> = gaps
        .iter()
        .filter(|g| {
            g.target.is_some()
                && !matches!(g.status, smm_core::GapStatus::NotApplicable | smm_core::GapStatus::NotAssessed)
        })
        .collect();
    assert_eq!(findings.len(), judged.len());
    for (f, g) in findings.iter().zip(&judged) {
        let want = if g.shortfall == 0 && !g.scope_shortfall { "satisfied" } else { "not-satisfied" };
        assert_eq!(f["target"]["status"]["state"], want, "{}", g.id);
        assert_eq!(f["target"]["target-id"], format!("smm-{}_obj", g.id));
        assert_eq!(f.get("related-risks").is_some(), want == "not-satisfied");
    }
    assert_eq!(doc, oscal::assessment_results(cat, &a, "2026-12-02T00:00:00Z"), "stable");
    assert_eq!(doc["assessment-results"]["metadata"]["oscal-version"], "1.1.2");
}

#[test]
fn oscal_markdown_fields_carry_notes_and_references_as_escaped_text() {
    let cat = Catalogue::builtin();
    let mut a = smm_core::parse_assessment(EXAMPLES[0].as_bytes(), cat).unwrap();
    let hostile = "- a list\n# a heading\n<img src=x onerror=alert(1)> [link](javascript:alert(1)) `code` | cell";
    let r = a.results.get_mut("threat-modeling").unwrap();
    r.notes = hostile.into();
    r.evidence.push(smm_core::Evidence { reference: hostile.into(), ..Default::default() });
    let doc = oscal::assessment_results(cat, &a, "2026-12-02T00:00:00Z");
    let obs = doc["assessment-results"]["results"][0]["observations"].as_array().unwrap();
    let tm = obs.iter().find(|o| o["props"][0]["value"] == "threat-modeling").unwrap();
    let expected = "\\- a list\n\\# a heading\n&lt;img src=x onerror=alert(1)&gt; \\[link\\](javascript:alert(1)) \\`code\\` \\| cell";
    assert_eq!(tm["remarks"], expected);
    let refs: Vec<&str> =
        tm["relevant-evidence"].as_array().unwrap().iter().filter_map(|e| e["description"].as_str()).collect();
    assert!(refs.contains(&expected), "{refs:?}");
}

/// The workbook of the first example with part `part` rewritten by `edit`.
fn with_part(part: &str, edit: impl Fn(String) -> String) -> (Vec<u8>, smm_core::Assessment) {
    use std::io::{Read, Write};
    let cat = Catalogue::builtin();
    let a = smm_core::parse_assessment(EXAMPLES[0].as_bytes(), cat).unwrap();
    let book = xlsx::write_workbook(cat, &a, &[], "2026-12-02T00:00:00Z").unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&book[..])).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let name = entry.name().unwrap().to_string();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).unwrap();
        if name == part {
            data = edit(String::from_utf8(data).unwrap()).into_bytes();
        }
        out.start_file(name.as_str(), zip::write::SimpleFileOptions::default()).unwrap();
        out.write_all(&data).unwrap();
    }
    (out.finish().unwrap().into_inner(), a)
}

/// The workbook of the first example with `extra` cells added to the Targets sheet.
fn with_cells(extra: &str) -> (Vec<u8>, smm_core::Assessment) {
    with_part("xl/worksheets/sheet2.xml", |xml| xml.replace("</sheetData>", &format!("{extra}</sheetData>")))
}

#[test]
fn a_far_cell_does_not_make_the_reader_allocate_the_whole_grid() {
    // Found by fuzzing: one cell at XFD1048576 asked for a 512 GiB range.
    let (book, a) = with_cells(r#"<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>"#);
    let p = xlsx::read_changes(&book, Catalogue::builtin(), &a, "2026-12-06").unwrap();
    assert_eq!(p.changes, vec![]);
    assert!(p.left_out.iter().any(|l| l.contains("Targets: 1048575 rows")), "{:?}", p.left_out);
}

#[test]
fn a_reference_beyond_a_spreadsheets_limits_is_refused() {
    // Found by fuzzing: the reader's column arithmetic overflows on such references.
    for r in ["ZZZZ1", "XFE1", "A1048577", "A0", "A99999999999"] {
        let (book, a) = with_cells(&format!(r#"<row r="2"><c r="{r}" t="inlineStr"><is><t>x</t></is></c></row>"#));
        let e = xlsx::read_changes(&book, Catalogue::builtin(), &a, "2026-12-06").unwrap_err().to_string();
        assert!(e.contains("beyond a spreadsheet's limits"), "{r}: {e}");
    }
    // Found by fuzzing too: a range that ends before it starts underflows the
    // reader's dimension arithmetic, wherever the range is and however prefixed.
    for extra in [
        r#"<dimension ref="B5:A1"/>"#,
        r#"<x:mergeCell ref="C3:C1"/>"#,
        r#"<row r="2"><c r="A2"><f t="shared" ref="A9:A2" si="0">1</f></c></row>"#,
        r#"<row r="0"/>"#,
    ] {
        let (book, a) = with_cells(extra);
        let e = xlsx::read_changes(&book, Catalogue::builtin(), &a, "2026-12-06").unwrap_err().to_string();
        assert!(e.contains("ends before it starts"), "{extra}: {e}");
    }
}

#[test]
fn reversed_ranges_are_refused_however_the_attribute_is_quoted_or_spaced() {
    // Found in review: single quotes reached the spreadsheet reader, which panicked.
    for extra in [
        r#"<dimension ref='B5:A1'/>"#,
        r#"<mergeCell ref = "C3:C1"/>"#,
        r#"<x:mergeCell  ref= 'C3:C1' />"#,
        r#"<row r='2'><c r='A2'><f t='shared' ref='A9:A2' si='0'>1</f></c></row>"#,
    ] {
        let (book, a) = with_cells(extra);
        let e = xlsx::read_changes(&book, Catalogue::builtin(), &a, "2026-12-06").unwrap_err().to_string();
        assert!(e.contains("ends before it starts"), "{extra}: {e}");
    }
}

#[test]
fn the_reference_check_takes_time_in_proportion_to_the_part() {
    // Found in review: a worksheet of repeated `<` kept the check busy for minutes
    // (each `<` scanned to the end of the part). The growth from n to 8n must stay
    // well under the 64 times of a quadratic path.
    let time = |n: usize| {
        let (book, a) = with_cells(&"<".repeat(n));
        let started = std::time::Instant::now();
        let _ = xlsx::read_changes(&book, Catalogue::builtin(), &a, "2026-12-06");
        started.elapsed().as_secs_f64()
    };
    let (small, large) = (time(256 * 1024), time(2 * 1024 * 1024));
    println!("reference check over repeated `<`: 256 KiB {small:.3} s, 2 MiB {large:.3} s, ratio {:.1}", large / small);
    assert!(large / small.max(1e-3) < 16.0, "256 KiB {small:.3} s, 2 MiB {large:.3} s");
    assert!(large < 10.0, "2 MiB of `<` took {large:.1} s");
}

#[test]
fn shared_strings_have_a_cap_of_their_own() {
    let cap = xlsx::MAX_SHARED_STRINGS_BYTES as usize;
    let pad = |n: usize| move |xml: String| xml.replace("</sst>", &format!("<!--{}--></sst>", "x".repeat(n)));
    let (book, a) = with_part("xl/sharedStrings.xml", pad(cap));
    let e = xlsx::read_changes(&book, Catalogue::builtin(), &a, "2026-12-06").unwrap_err().to_string();
    assert!(e.contains("sharedStrings.xml unpacks to more than 16 MiB"), "{e}");
    // Within the cap the workbook reads as before.
    let (book, a) = with_part("xl/sharedStrings.xml", pad(1024));
    assert!(xlsx::read_changes(&book, Catalogue::builtin(), &a, "2026-12-06").is_ok());
}

#[test]
fn a_status_changed_in_the_workbook_enters_the_steps_history_and_the_reference_reads_back() {
    let cat = Catalogue::builtin();
    // patch-management@2 is the only step in progress; OT-142 its reference.
    let (book, a) = with_part("xl/sharedStrings.xml", |xml| {
        assert_eq!(xml.matches("<t>in-progress</t>").count(), 1, "one status cell in progress");
        xml.replace("<t>in-progress</t>", "<t>done</t>").replace("<t>OT-142</t>", "<t>OT-150</t>")
    });
    let p = xlsx::read_changes(&book, cat, &a, "2026-12-06").unwrap();
    let fields: Vec<(&str, &str, &str)> = p.changes.iter().map(|c| (c.id.as_str(), c.field, c.new.as_str())).collect();
    assert_eq!(
        fields,
        [("patch-management@2", "status", "done"), ("patch-management@2", "reference", "OT-150")],
        "{:?}",
        p.changes
    );
    let step = &p.updated.plan["patch-management@2"];
    assert_eq!((step.status, step.reference.as_str()), (smm_core::StepStatus::Done, "OT-150"));
    let before = &a.plan["patch-management@2"].history;
    assert_eq!(&step.history[..before.len()], &before[..], "the earlier history is kept");
    let last = step.history.last().unwrap();
    assert_eq!(
        (last.on.as_str(), last.status, last.note.as_str()),
        ("2026-12-06", smm_core::StepStatus::Done, xlsx::WORKBOOK_STATUS_NOTE)
    );
    // Exported again, the workbook shows the whole history and reads back as no change.
    let again = xlsx::write_workbook(cat, &p.updated, &[], "2026-12-06T00:00:00Z").unwrap();
    let q = xlsx::read_changes(&again, cat, &p.updated, "2026-12-07").unwrap();
    assert_eq!(q.changes, vec![]);
    assert_eq!(q.updated, p.updated);
}
