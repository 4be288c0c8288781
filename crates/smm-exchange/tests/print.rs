//! The workbook prints and reads as people use it (issue 27, item 6): every
//! sheet in landscape, all its columns on one page width, the header row
//! repeated on each page, gridlines, a footer with the sheet's name and page
//! number; and every row whose wrapped text needs more than one line is as tall
//! as its text, so that no text runs over the row below. The pages themselves
//! are looked at after `scripts/workbook-pages.sh` (LibreOffice to PDF).

use std::io::Read;

use calamine::{Reader, Xlsx};
use smm_core::Catalogue;
use smm_exchange::xlsx::{self, lines_needed, SHEETS};

const EXAMPLES: [&str; 3] = [
    include_str!("../../../examples/bottling-line-asset-owner.smm.json"),
    include_str!("../../../examples/home-camera-product-supplier.smm.json"),
    include_str!("../../../examples/remote-ot-service-provider.smm.json"),
];

fn part(book: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(book)).unwrap();
    let mut text = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut text).unwrap();
    text
}

/// The `ht` of each row with a height of its own, by row number (1-based).
fn row_heights(sheet_xml: &str) -> std::collections::BTreeMap<u32, f64> {
    let mut out = std::collections::BTreeMap::new();
    for row in sheet_xml.split("<row ").skip(1) {
        let head = &row[..row.find('>').unwrap()];
        let attr = |name: &str| {
            head.split_whitespace()
                .find_map(|a| a.strip_prefix(&format!("{name}=\"")).map(|v| v.trim_end_matches(['"', '/']).to_string()))
        };
        if let (Some(r), Some(ht)) = (attr("r"), attr("ht")) {
            out.insert(r.parse().unwrap(), ht.parse().unwrap());
        }
    }
    out
}

#[test]
fn lines_are_counted_as_a_spreadsheet_wraps_words() {
    assert_eq!(lines_needed("", 10.0), 1);
    assert_eq!(lines_needed("short", 10.0), 1);
    // "aaaa bbbb" fits 9 of 10; "cccc" goes on a second line.
    assert_eq!(lines_needed("aaaa bbbb cccc", 10.0), 2);
    // Exactly full: 10 characters.
    assert_eq!(lines_needed("aaaa bbbbb", 10.0), 1);
    // Each line break starts a line, an empty paragraph too.
    assert_eq!(lines_needed("a\nb\n\nc", 10.0), 4);
    // A 64-character fingerprint in a 20-wide column: 4 lines (20, 20, 20, 4).
    assert_eq!(lines_needed(&"f".repeat(64), 20.0), 4);
    // After a long word, the next word goes on with the rest of its last line.
    assert_eq!(lines_needed(&format!("{} ab", "x".repeat(25)), 20.0), 2);
    // A column narrower than one character still takes one character a line.
    assert_eq!(lines_needed("abc", 0.5), 3);
}

#[test]
fn every_sheet_prints_landscape_on_one_page_width_with_its_header_footer_and_gridlines() {
    let cat = Catalogue::builtin();
    for text in EXAMPLES {
        let a = smm_core::parse_assessment(text.as_bytes(), cat).unwrap();
        let book = xlsx::write_workbook(cat, &a, &[], "2026-12-06T00:00:00Z").unwrap();
        let workbook = part(&book, "xl/workbook.xml");
        for (i, name) in SHEETS.iter().enumerate() {
            let sheet = part(&book, &format!("xl/worksheets/sheet{}.xml", i + 1));
            assert!(sheet.contains(r#"<pageSetUpPr fitToPage="1"/>"#), "{name}: fit to page");
            assert!(sheet.contains(r#"orientation="landscape""#), "{name}: landscape");
            assert!(!sheet.contains("fitToWidth=") || sheet.contains(r#"fitToWidth="1""#), "{name}: one page wide");
            assert!(sheet.contains(r#"fitToHeight="0""#), "{name}: as many pages down as needed");
            assert!(sheet.contains(r#"<printOptions gridLines="1"/>"#), "{name}: gridlines");
            assert!(sheet.contains("<oddFooter>&amp;L&amp;A&amp;RPage &amp;P of &amp;N</oddFooter>"), "{name}: footer");
            let titles =
                format!(r#"<definedName name="_xlnm.Print_Titles" localSheetId="{i}">{name}!$1:$1</definedName>"#);
            assert_eq!(workbook.contains(&titles), *name != "Overview", "{name}: header row repeated on every page");
        }
    }
}

#[test]
fn every_row_of_wrapped_text_is_as_tall_as_its_text() {
    let cat = Catalogue::builtin();
    // (sheet, wrapped column, its width), as the workbook sets them.
    let wrapped: [(&str, usize, f64); 5] = [
        ("Indicators", 3, 80.0),
        ("Targets", 5, 70.0),
        ("Results", 7, 40.0),
        ("Roadmap", 8, 60.0),
        ("Overview", 1, 90.0),
    ];
    for text in EXAMPLES {
        let a = smm_core::parse_assessment(text.as_bytes(), cat).unwrap();
        let book = xlsx::write_workbook(cat, &a, &[], "2026-12-06T00:00:00Z").unwrap();
        let mut xl: Xlsx<_> = Xlsx::new(std::io::Cursor::new(book.clone())).unwrap();
        let mut tall = 0;
        for (sheet, col, width) in wrapped {
            let i = SHEETS.iter().position(|s| *s == sheet).unwrap();
            let heights = row_heights(&part(&book, &format!("xl/worksheets/sheet{}.xml", i + 1)));
            let range = xl.worksheet_range(sheet).unwrap();
            for (r, row) in range.rows().enumerate() {
                let cell = row.get(col).map(|d| d.to_string()).unwrap_or_default();
                let lines = lines_needed(&cell, width);
                let height = heights.get(&(r as u32 + 1)).copied().unwrap_or(15.0);
                assert!(
                    height >= f64::from(lines) * 15.0 || height >= 409.0,
                    "{}: {sheet} row {} needs {lines} lines, is {height} pt",
                    a.id,
                    r + 1
                );
                // A text longer than its column is never left at one line's height.
                if cell.chars().count() as f64 > width {
                    assert!(
                        height >= 30.0,
                        "{}: {sheet} row {}: {} characters in a {width}-wide column at {height} pt",
                        a.id,
                        r + 1,
                        cell.chars().count()
                    );
                    tall += 1;
                }
            }
        }
        assert!(tall > 50, "{}: only {tall} rows of long text: the check looked at nothing", a.id);
    }
}
