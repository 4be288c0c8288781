//! The Word report (DOCX) of an assessment, and its board page as a Word
//! document: WordprocessingML written here, packed with `zip`.
//!
//! Built only with Word's own built-in styles (Title, Subtitle, Heading 1-3,
//! Caption, Table Grid, List Bullet), so that an organisation restyles the
//! document by attaching its template. Tables repeat their header row on every
//! page (`w:tblHeader`) and keep each row on one page; every image has its
//! alternative text and a caption, and carries no text that is not also in the
//! table after it.
//!
//! Why not a crate: `docx-rs` 0.4.22, the maintained writer, has neither the
//! repeated header row of a table nor the alternative text of an image, both
//! required here; the subset of the format this report needs is small and is
//! checked by python-docx and LibreOffice in the test suite.

use std::fmt::Write as _;
use std::io::Write as _;

use smm_core::engine::{GapStatus, ROLLUP_FORMULAS};
use smm_core::framework::Framework;
use smm_core::mapping::Mapping;
use smm_core::report::BoardPage;
use smm_core::{Assessment, Catalogue, Report};

/// The framework coverage sections to include: (framework, mapping) pairs.
pub type Coverage<'a> = &'a [(&'a Framework, &'a Mapping)];

/// EMU (English metric units) per pixel at 96 dots per inch.
const EMU_PER_PX: u64 = 9525;
/// The text width of the page: A4 less 2 cm margins, in EMU (17 cm).
const TEXT_WIDTH_EMU: u64 = 6_120_000;

/// A PNG image of the document.
struct Image {
    bytes: Vec<u8>,
    width_px: u32,
    height_px: u32,
}

/// The body of a document being written, with its images and counters.
#[derive(Default)]
struct Doc {
    body: String,
    images: Vec<Image>,
    figures: u32,
    tables: u32,
}

/// Text as XML character data: escaped, and without the characters XML 1.0 refuses.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || matches!(c, '\u{FFFE}' | '\u{FFFF}') => {}
            c => out.push(c),
        }
    }
    out
}

/// Runs for `text`, a line break for each new line.
fn runs(text: &str, bold: bool) -> String {
    let props = if bold { "<w:rPr><w:b/></w:rPr>" } else { "" };
    text.split('\n')
        .enumerate()
        .map(|(i, line)| {
            let br = if i > 0 { "<w:br/>" } else { "" };
            format!(r#"<w:r>{props}{br}<w:t xml:space="preserve">{}</w:t></w:r>"#, esc(line.trim_end_matches('\r')))
        })
        .collect()
}

impl Doc {
    fn para(&mut self, style: &str, text: &str) {
        let style =
            if style.is_empty() { String::new() } else { format!(r#"<w:pPr><w:pStyle w:val="{style}"/></w:pPr>"#) };
        let _ = write!(self.body, "<w:p>{style}{}</w:p>", runs(text, false));
    }

    fn title(&mut self, text: &str) {
        self.para("Title", text);
    }

    fn h(&mut self, level: u8, text: &str) {
        self.para(&format!("Heading{level}"), text);
    }

    fn text(&mut self, text: &str) {
        self.para("", text);
    }

    /// A paragraph that starts with `lead` in bold.
    fn lead(&mut self, lead: &str, text: &str) {
        let _ = write!(self.body, "<w:p>{}{}</w:p>", runs(lead, true), runs(text, false));
    }

    fn bullet(&mut self, text: &str) {
        self.para("ListBullet", text);
    }

    fn page_break(&mut self) {
        self.body.push_str(r#"<w:p><w:r><w:br w:type="page"/></w:r></w:p>"#);
    }

    /// A caption "Figure N: text" or "Table N: text", numbered by a SEQ field
    /// that Word renumbers and a table of figures lists.
    fn caption(&mut self, kind: &str, text: &str) {
        let n = if kind == "Figure" {
            self.figures += 1;
            self.figures
        } else {
            self.tables += 1;
            self.tables
        };
        // A table's caption goes above it and stays with it.
        let keep = if kind == "Table" { "<w:keepNext/>" } else { "" };
        let _ = write!(
            self.body,
            r#"<w:p><w:pPr><w:pStyle w:val="Caption"/>{keep}</w:pPr><w:r><w:t xml:space="preserve">{kind} </w:t></w:r><w:fldSimple w:instr=" SEQ {kind} \* ARABIC "><w:r><w:t>{n}</w:t></w:r></w:fldSimple><w:r><w:t xml:space="preserve">: {}</w:t></w:r></w:p>"#,
            esc(text)
        );
    }

    /// A table with a caption above it, a header row repeated on each page,
    /// and rows that do not split across pages. `widths` are relative.
    fn table(&mut self, caption: &str, header: &[&str], rows: &[Vec<String>], widths: &[u32]) {
        self.caption("Table", caption);
        let total: u32 = widths.iter().sum::<u32>().max(1);
        // Twentieths of a point, over the 17 cm text width (9638 twips).
        let cols: Vec<u32> = widths.iter().map(|w| w * 9638 / total).collect();
        let _ = write!(
            self.body,
            r#"<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="5000" w:type="pct"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>"#
        );
        for c in &cols {
            let _ = write!(self.body, r#"<w:gridCol w:w="{c}"/>"#);
        }
        self.body.push_str("</w:tblGrid>");
        let row = |body: &mut String, cells: &mut dyn Iterator<Item = &str>, head: bool| {
            let props =
                if head { "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" } else { "<w:trPr><w:cantSplit/></w:trPr>" };
            body.push_str("<w:tr>");
            body.push_str(props);
            for (i, text) in cells.enumerate() {
                let w = cols.get(i).copied().unwrap_or(1000);
                let _ = write!(
                    body,
                    r#"<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr><w:p>{}</w:p></w:tc>"#,
                    runs(text, head)
                );
            }
            body.push_str("</w:tr>");
        };
        row(&mut self.body, &mut header.iter().copied(), true);
        for r in rows {
            row(&mut self.body, &mut r.iter().map(String::as_str), false);
        }
        self.body.push_str("</w:tbl><w:p/>");
    }

    /// An image at most `max_width` EMU wide (or its own width if smaller),
    /// with its alternative text, then its caption.
    fn image(&mut self, png: (Vec<u8>, u32, u32), max_width: u64, alt: &str, caption: &str) {
        let (bytes, w, h) = png;
        self.images.push(Image { bytes, width_px: w, height_px: h });
        let n = self.images.len();
        let natural = u64::from(w) * EMU_PER_PX;
        let cx = natural.min(max_width);
        let cy = u64::from(h) * EMU_PER_PX * cx / natural.max(1);
        let _ = write!(
            self.body,
            r#"<w:p><w:pPr><w:keepNext/></w:pPr><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="{n}" name="Chart {n}" descr="{alt}"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="{n}" name="chart{n}.png" descr="{alt}"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rIdImage{n}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"#,
            alt = esc(alt)
        );
        self.caption("Figure", caption);
    }

    /// The package: content types, relationships, styles, the document, images, properties.
    /// `margin_tb` is the top and bottom page margin in twentieths of a point.
    fn pack(self, title: &str, date: &str, margin_tb: u32) -> Result<Vec<u8>, String> {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        let mut put = |name: &str, bytes: &[u8]| -> Result<(), String> {
            zip.start_file(name, opts).map_err(|e| e.to_string())?;
            zip.write_all(bytes).map_err(|e| e.to_string())
        };
        put("[Content_Types].xml", CONTENT_TYPES.as_bytes())?;
        put("_rels/.rels", ROOT_RELS.as_bytes())?;
        let mut rels = String::from(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>"#,
        );
        for n in 1..=self.images.len() {
            let _ = write!(
                rels,
                r#"<Relationship Id="rIdImage{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/chart{n}.png"/>"#
            );
        }
        rels.push_str("</Relationships>");
        put("word/_rels/document.xml.rels", rels.as_bytes())?;
        put("word/styles.xml", STYLES.as_bytes())?;
        put("word/settings.xml", SETTINGS.as_bytes())?;
        let document = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>{}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="{margin_tb}" w:right="1134" w:bottom="{margin_tb}" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>"#,
            self.body
        );
        put("word/document.xml", document.as_bytes())?;
        for (i, img) in self.images.iter().enumerate() {
            let _ = (img.width_px, img.height_px);
            put(&format!("word/media/chart{}.png", i + 1), &img.bytes)?;
        }
        let date = if smm_core::document::is_iso_date_prefix(date) { &date[..10] } else { "2000-01-01" };
        let core = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:creator>SMM Navigator</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">{date}T00:00:00Z</dcterms:created></cp:coreProperties>"#,
            esc(title)
        );
        put("docProps/core.xml", core.as_bytes())?;
        put("docProps/app.xml", APP.as_bytes())?;
        zip.finish().map(std::io::Cursor::into_inner).map_err(|e| e.to_string())
    }
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>"#;

const SETTINGS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>"#;

const APP: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>SMM Navigator</Application></Properties>"#;

/// Word's built-in styles, by their built-in ids and names, with plain
/// settings: attaching an organisation's template restyles all of them.
const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/><w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="240"/></w:pPr><w:rPr><w:sz w:val="52"/><w:szCs w:val="52"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:rPr><w:color w:val="4F5863"/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:color w:val="0B5CAD"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="200" w:after="60"/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/><w:sz w:val="22"/><w:szCs w:val="22"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:before="60" w:after="200"/></w:pPr><w:rPr><w:i/><w:color w:val="4F5863"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="60"/><w:ind w:left="360" w:hanging="360"/></w:pPr></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style><w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="A0A8B0"/><w:left w:val="single" w:sz="4" w:space="0" w:color="A0A8B0"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="A0A8B0"/><w:right w:val="single" w:sz="4" w:space="0" w:color="A0A8B0"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="A0A8B0"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="A0A8B0"/></w:tblBorders><w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="80" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="DCE6F2"/></w:tcPr></w:tblStylePr></w:style></w:styles>"#;

fn opt(l: Option<smm_core::Level>) -> String {
    l.map_or("-".into(), |l| l.to_string())
}

fn practice_name(catalogue: &Catalogue, id: &str) -> String {
    catalogue.practice(id).map_or_else(|| id.to_string(), |p| p.name.clone())
}

/// The key figures, with how each is computed.
fn key_figures(doc: &mut Doc, report: &Report) {
    let o = &report.rollups.overall;
    let formula = |field: &str| ROLLUP_FORMULAS.iter().find(|f| f.field == field).map_or("", |f| f.formula).to_string();
    doc.table(
        "Key figures (SMM Navigator's own roll-ups; the SMM scores each practice on its own)",
        &["Figure", "Value", "How it is computed"],
        &[
            vec![
                "On or above target".into(),
                format!("{} of {}", o.on_or_above_target, o.with_target),
                formula("on_or_above_target"),
            ],
            vec!["Total shortfall".into(), format!("{} level(s)", o.total_shortfall), formula("total_shortfall")],
            vec![
                "Above target (possible over-investment)".into(),
                format!("{} practice(s), {} level(s)", o.above_target, o.total_excess),
                formula("above_target"),
            ],
            vec!["Not assessed".into(), o.not_assessed.to_string(), formula("not_assessed")],
            vec!["Not applicable".into(), o.not_applicable.to_string(), formula("not_applicable")],
        ],
        &[3, 2, 6],
    );
}

fn gap_rows(catalogue: &Catalogue, report: &Report) -> Vec<Vec<String>> {
    report
        .practices
        .iter()
        .map(|g| {
            let achieved = match (g.achieved, &g.level_override) {
                (None, _) => "-".to_string(),
                (Some(a), Some(_)) => format!("{a} (override; derived {})", opt(g.derived_level)),
                (Some(a), None) => a.to_string(),
            };
            let mut status = g.status.label().to_string();
            if g.scope_shortfall {
                status.push_str(", scope below target");
            }
            vec![
                practice_name(catalogue, &g.id),
                g.target.map_or("-".into(), |t| format!("{} ({})", t.level, t.scope.id())),
                achieved,
                status,
                if g.status == GapStatus::NotApplicable { "-".into() } else { g.shortfall.to_string() },
                if g.status == GapStatus::NotApplicable { "-".into() } else { g.excess.to_string() },
            ]
        })
        .collect()
}

fn chart<E: std::fmt::Display>(r: Result<(Vec<u8>, u32, u32), E>) -> Result<(Vec<u8>, u32, u32), String> {
    r.map_err(|e| format!("a chart could not be drawn: {e}"))
}

/// The Word report of `a` on `today` (`YYYY-MM-DD`): the content of the
/// printed report, with the framework coverage of `coverage`.
pub fn report_docx(
    catalogue: &Catalogue,
    a: &Assessment,
    coverage: Coverage<'_>,
    today: &str,
) -> Result<Vec<u8>, String> {
    let report = Report::new(catalogue, a, today);
    let m = &a.metadata;
    let mut doc = Doc::default();

    // Title page.
    doc.title(&m.name);
    doc.para("Subtitle", "IoT Security Maturity Model assessment report");
    let mut meta: Vec<Vec<String>> = [
        ("Organisation", m.organisation.clone()),
        ("System under assessment", m.system.clone()),
        ("Role", m.role.name().to_string()),
        ("Assessor", m.assessor.clone()),
        ("Assessed on", m.assessed_on.clone()),
        ("Last changed", m.updated.clone()),
        ("Tags", m.tags.join(", ")),
        ("Report as of", report.as_of.clone()),
    ]
    .into_iter()
    .filter(|(_, v)| !v.is_empty())
    .map(|(k, v)| vec![k.to_string(), v])
    .collect();
    meta.push(vec!["Sign-off".into(), report.signoff.sentence()]);
    doc.table("About this assessment", &["Field", "Value"], &meta, &[1, 3]);
    doc.text(
        "Made by SMM Navigator from the assessment file; nothing was sent anywhere to make it. \
         SMM comprehensiveness levels describe the maturity of a practice; they are not the security levels of ISA/IEC 62443.",
    );
    doc.page_break();

    // Summary.
    let o = &report.rollups.overall;
    doc.h(1, "Summary");
    doc.text(&format!(
        "{} of {} practices with a target are on or above it. The total shortfall is {} level(s). {} practice(s) are above target, a possible over-investment to review. {} practice(s) are not assessed and {} are not applicable.",
        o.on_or_above_target, o.with_target, o.total_shortfall, o.above_target, o.not_assessed, o.not_applicable
    ));
    doc.text("A higher level is not better in itself: each target is the level that fits the need.");
    key_figures(&mut doc, &report);

    // Target versus achieved.
    doc.h(1, "Target versus achieved");
    doc.image(
        chart(smm_charts::png::gap_chart_png(catalogue, &report))?,
        TEXT_WIDTH_EMU,
        "Bar chart of the target and achieved level of each practice, grouped by domain; the gap table below gives the same figures.",
        "Target and achieved level per practice. Blue: achieved; orange: shortfall; purple: above target; black mark: target. The gap analysis table below gives the same figures.",
    );
    doc.table(
        "Gap analysis per practice",
        &["Practice", "Target (scope)", "Achieved", "Status", "Shortfall", "Excess"],
        &gap_rows(catalogue, &report),
        &[10, 4, 4, 6, 3, 3],
    );
    let overrides: Vec<Vec<String>> = report
        .practices
        .iter()
        .filter_map(|g| g.level_override.as_ref().map(|o| (g, o)))
        .map(|(g, o)| {
            vec![practice_name(catalogue, &g.id), o.level.to_string(), opt(g.derived_level), o.justification.clone()]
        })
        .collect();
    if !overrides.is_empty() {
        doc.h(2, "Overrides");
        doc.table(
            "Levels recorded by the assessor instead of the derived level",
            &["Practice", "Recorded", "Derived", "Justification"],
            &overrides,
            &[3, 1, 1, 6],
        );
    }

    // Roll-ups.
    doc.h(1, "Summary by domain");
    doc.image(
        chart(smm_charts::png::domain_chart_png(catalogue, &report))?,
        TEXT_WIDTH_EMU,
        "Stacked bars of the practice statuses in each domain; the roll-up table below gives the same counts.",
        "Practices per status in each domain. The next table gives the same counts.",
    );
    domain_table(&mut doc, catalogue, &report);
    let mut rolls = vec![rollup_row("All practices", &report.rollups.overall)];
    rolls.extend(report.rollups.domains.iter().map(|d| rollup_row(&d.name, &d.rollup)));
    rolls.extend(report.rollups.subdomains.iter().map(|d| rollup_row(&format!("  {}", d.name), &d.rollup)));
    doc.table(
        "Roll-ups per domain and subdomain (SMM Navigator's own)",
        &["Group", "On or above target", "Total shortfall", "Above target", "Not assessed", "Not applicable"],
        &rolls,
        &[4, 2, 2, 2, 2, 2],
    );
    doc.h(2, "How the roll-ups are computed");
    for f in ROLLUP_FORMULAS {
        doc.lead(&format!("{}: ", f.label), f.formula);
    }

    // Roadmap and progress.
    doc.h(1, "Roadmap");
    if report.roadmap.is_empty() {
        doc.text("No practice is below its target.");
    }
    for (n, s) in report.roadmap.iter().enumerate() {
        doc.h(
            3,
            &format!(
                "{}. {}: reach level {} ({})",
                n + 1,
                practice_name(catalogue, &s.practice),
                s.level,
                s.level.name()
            ),
        );
        let plan = a.plan.get(&s.id).cloned().unwrap_or_default();
        let line = smm_core::report::plan_sentence(&plan, report.progress.overdue.contains(&s.id));
        doc.text(&line);
        for act in &s.actions {
            doc.bullet(&format!("•\tAction: {act}"));
        }
        for id in &s.unmet_indicators {
            let text = catalogue.indicator(id).map_or("", |r| r.indicator.text.as_str());
            doc.bullet(&format!("•\tEvidence still missing ({id}): {text}"));
        }
        for c in &plan.history {
            doc.bullet(&format!("•\tStatus change: {}", smm_core::report::status_change_words(c)));
        }
    }
    doc.h(2, "Progress against the plan");
    let g = &report.progress;
    doc.table(
        &format!(
            "Roadmap steps as of {}{}",
            report.as_of,
            g.percent_reached().map_or(String::new(), |p| format!(": {p}% reached"))
        ),
        &["Steps", "Reached", "Marked done", "In progress", "Planned", "Overdue", "Dropped"],
        &[vec![
            g.steps.to_string(),
            g.reached.to_string(),
            g.marked_done.to_string(),
            g.in_progress.to_string(),
            g.planned.to_string(),
            g.overdue.len().to_string(),
            g.dropped.to_string(),
        ]],
        &[1, 1, 1, 1, 1, 1, 1],
    );
    doc.text(report.progress_formula);

    // Framework coverage.
    for (f, mapping) in coverage {
        let cov = smm_core::mapping::coverage(f, mapping, &report.practices, m.role);
        let covered = cov.requirements.iter().filter(|r| r.covered).count();
        doc.h(1, &format!("{} coverage", f.name));
        doc.text(&format!(
            "{covered} of {} requirements implied by the targets are covered by the achieved levels ({}). This mapping is indicative: SMM Navigator's own reading, not part of either standard.",
            cov.requirements.len(),
            mapping.name
        ));
        if let Some(c) = &f.caution {
            doc.text(c);
        }
        let rows: Vec<Vec<String>> = cov
            .groups
            .iter()
            .filter(|g| g.in_report_summary())
            .map(|g| {
                vec![
                    format!("{}{} {}", if g.depth > 0 { "  " } else { "" }, g.group, g.title),
                    g.implied.to_string(),
                    g.covered.to_string(),
                    (g.implied - g.covered).to_string(),
                ]
            })
            .collect();
        doc.table(
            &format!("Implied and covered {} requirements per group", f.name),
            &["Group", "Implied", "Covered", "Open"],
            &rows,
            &[6, 1, 1, 1],
        );
    }

    // Trustworthiness.
    let t = &report.trustworthiness;
    doc.h(1, "Trustworthiness");
    let o8 = |v: Option<u8>| v.map_or("-".to_string(), |v| v.to_string());
    let rows: Vec<Vec<String>> = t
        .characteristics
        .iter()
        .map(|c| {
            let from = if c.current_from_smm { " (from the SMM results)" } else { "" };
            vec![c.name.clone(), o8(c.minimum), o8(c.target), format!("{}{from}", o8(c.current))]
        })
        .collect();
    doc.table(
        "Trustworthiness characteristics: minimum, target and current rating (0-4)",
        &["Characteristic", "Minimum", "Target", "Current"],
        &rows,
        &[3, 1, 1, 2],
    );
    doc.text(t.security_formula);
    for tr in &t.tradeoffs {
        doc.bullet(&format!("•\tTrade-off ({}): {}", tr.affects.join(", "), tr.description));
    }

    // Evidence.
    if !report.evidence.is_empty() {
        doc.h(1, "Evidence");
        let rows: Vec<Vec<String>> = report
            .evidence
            .iter()
            .map(|e| {
                vec![
                    practice_name(catalogue, &e.practice),
                    e.reference.clone(),
                    e.holder.clone(),
                    e.obtained.clone(),
                    if e.expired { format!("{} (past its date)", e.review_by) } else { e.review_by.clone() },
                    e.file.as_ref().map_or(String::new(), |f| {
                        format!("{}, {} bytes, {}: {}", f.name, f.size, f.taken_on, f.sha256)
                    }),
                ]
            })
            .collect();
        doc.table(
            "Evidence references",
            &["Practice", "Reference", "Held by", "Obtained", "Review by", "File fingerprint (SHA-256)"],
            &rows,
            &[3, 3, 2, 2, 2, 4],
        );
        if !report.stale_indicators.is_empty() {
            let ids: Vec<&str> = report.stale_indicators.iter().map(|s| s.indicator.as_str()).collect();
            doc.text(&format!(
                "Met indicators whose evidence has all passed its review date, still counted and to be looked at again: {}.",
                ids.join(", ")
            ));
        }
    }

    // Interviews.
    if !report.interviews.is_empty() {
        doc.h(1, "Interviews");
        let rows: Vec<Vec<String>> = report
            .interviews
            .iter()
            .map(|r| {
                vec![
                    practice_name(catalogue, &r.practice),
                    r.answers.to_string(),
                    r.spread.to_string(),
                    r.disputed_indicators.to_string(),
                    r.resolution.as_ref().map_or("no".into(), |x| format!("{} {}", x.resolved_on, x.note)),
                ]
            })
            .collect();
        doc.table(
            "Interview answers per practice",
            &["Practice", "Answers", "Spread", "In dispute", "Resolved"],
            &rows,
            &[4, 1, 1, 1, 4],
        );
        doc.text(smm_core::interview::SPREAD_FORMULA);
    }

    // Sign-off.
    doc.h(1, "Sign-off");
    doc.text(&report.signoff.sentence());
    for c in &report.signoff.changes {
        doc.bullet(&format!("•\t{}: {}", c.label, c.what));
    }
    doc.text(smm_core::signoff::SIGNOFF_MEANING);
    if !a.signoffs.is_empty() {
        let rows: Vec<Vec<String>> = a
            .signoffs
            .iter()
            .rev()
            .enumerate()
            .map(|(i, s)| {
                vec![
                    format!("{}{}", s.signed_on, if i > 0 { " (superseded)" } else { "" }),
                    s.name.clone(),
                    s.role.clone(),
                    if s.scope.is_empty() { s.statement.clone() } else { format!("{}: {}", s.scope, s.statement) },
                    s.sha256.clone(),
                ]
            })
            .collect();
        doc.table(
            "Sign-offs, newest first",
            &["Date", "Name", "Role", "Scope and statement", "SHA-256 of the signed content"],
            &rows,
            &[2, 2, 2, 4, 4],
        );
    }
    doc.pack(&m.name, &report.as_of, 1134)
}

/// The counts the per-domain chart draws, as a table.
fn domain_table(doc: &mut Doc, catalogue: &Catalogue, report: &Report) {
    let counts = smm_charts::domain_counts(catalogue, report);
    let mut header = vec!["Domain"];
    if let Some(first) = counts.first() {
        header.extend(first.parts.iter().map(|(label, _, _)| *label));
    }
    let rows: Vec<Vec<String>> = counts
        .iter()
        .map(|d| std::iter::once(d.name.clone()).chain(d.parts.iter().map(|(_, n, _)| n.to_string())).collect())
        .collect();
    let widths: Vec<u32> = std::iter::once(3).chain(std::iter::repeat_n(1, header.len() - 1)).collect();
    doc.table("Practices per status in each domain (the figures of the chart)", &header, &rows, &widths);
}

fn rollup_row(name: &str, r: &smm_core::Rollup) -> Vec<String> {
    vec![
        name.to_string(),
        format!("{} of {}", r.on_or_above_target, r.with_target),
        r.total_shortfall.to_string(),
        r.above_target.to_string(),
        r.not_assessed.to_string(),
        r.not_applicable.to_string(),
    ]
}

/// The board page of `a` on `today` as a Word document: one page for management.
pub fn board_docx(catalogue: &Catalogue, a: &Assessment, today: &str) -> Result<Vec<u8>, String> {
    let report = Report::new(catalogue, a, today);
    let page = BoardPage::new(catalogue, a, &report);
    let mut doc = Doc::default();
    doc.title(&page.title);
    doc.para("Subtitle", &page.context);
    doc.text(&page.summary);
    let f = &page.figures;
    doc.table(
        "Key figures",
        &["On or above target", "Total shortfall", "Above target", "Not assessed"],
        &[vec![
            format!("{} of {}", f.on_or_above_target, f.with_target),
            format!("{} level(s)", f.total_shortfall),
            format!("{} ({} level(s))", f.above_target, f.total_excess),
            f.not_assessed.to_string(),
        ]],
        &[1, 1, 1, 1],
    );
    let gaps: Vec<Vec<String>> = page
        .gaps
        .iter()
        .map(|g| {
            let steps: Vec<String> = g
                .steps
                .iter()
                .map(|s| {
                    let owner = if s.owner.trim().is_empty() { "no owner yet" } else { s.owner.trim() };
                    let due = if s.due.is_empty() { String::new() } else { format!(", due {}", s.due) };
                    format!("level {}: {owner}{due}, {}", s.level, s.status.name().to_lowercase())
                })
                .collect();
            vec![
                g.name.clone(),
                g.target.to_string(),
                opt(g.achieved),
                format!("{}{}", g.shortfall, if g.scope_shortfall { " (and scope)" } else { "" }),
                steps.join("\n"),
            ]
        })
        .collect();
    doc.table(
        &format!("The {} largest gaps of {} and their planned steps", page.gaps.len(), page.gaps_in_all),
        &["Practice", "Target", "Achieved", "Shortfall", "Planned steps"],
        &gaps,
        &[8, 2, 3, 3, 11],
    );
    if !page.over_investment.is_empty() {
        let rows: Vec<Vec<String>> = page
            .over_investment
            .iter()
            .map(|e| vec![e.name.clone(), e.target.to_string(), e.achieved.to_string(), format!("+{}", e.excess)])
            .collect();
        doc.table(
            "Above target: over-investment to review",
            &["Practice", "Target", "Achieved", "Above by"],
            &rows,
            &[4, 1, 1, 1],
        );
    }
    doc.image(
        chart(smm_charts::png::domain_chart_png(catalogue, &report))?,
        // Narrower than the text: the board page fits one A4 page.
        TEXT_WIDTH_EMU * 2 / 3,
        "Stacked bars of the practice statuses in each domain; the table below gives the same counts.",
        "Practices per status in each domain. The next table gives the same counts.",
    );
    domain_table(&mut doc, catalogue, &report);
    doc.para("Caption", page.rule);
    // 1.5 cm at the top and bottom: the board page is one A4 page.
    doc.pack(&page.title, &report.as_of, 851)
}
