//! The software lifecycle checklist as CSV.

use crate::base::table::csv_row;
use crate::model::trust::*;

/// The checklist as CSV (UTF-8 with BOM, RFC 4180 quoting, CRLF).
pub fn checklist_csv(catalogue: &TrustCatalogue, t: &Trustworthiness) -> String {
    let mut s = String::from("\u{FEFF}");
    csv_row(&mut s, &["item", "phase", "topic", "question", "answer", "notes"]);
    for item in &catalogue.items {
        let a = t.checklist.get(&item.id);
        csv_row(
            &mut s,
            &[
                &item.id,
                &item.phase,
                item.topic.as_deref().unwrap_or(""),
                &item.question,
                a.map_or("", |a| a.answer.name()),
                a.map_or("", |a| a.notes.as_str()),
            ],
        );
    }
    s
}
