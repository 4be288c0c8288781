//! The spreadsheet workbook of an assessment, out and back, and its OSCAL
//! assessment results: made and read in the on-demand worker.

use leptos::prelude::*;

use super::workbook_review_panel::WorkbookReviewPanel;
use crate::workbench::seal_choice::SealChoice;
use crate::workbench::state::Current;
use crate::workbench::transfer::{export_oscal, export_workbook, import_picked};
use crate::workbench::transfer_notice::TransferNotice;

/// Export as a workbook or as OSCAL; import an edited workbook with a preview
/// of every change.
#[component]
pub fn ExchangeSection() -> impl IntoView {
    let c = Current::expect();
    view! {
        <section class="page exchange">
            <h1 tabindex="-1">"Spreadsheet and OSCAL"</h1>
            <p class="lead">
                "Take the assessment where your work already lives: a workbook that opens in Excel and LibreOffice, "
                "edited there and read back here with every change shown first; and OSCAL assessment results for "
                "compliance tools. Files are made in this page; nothing is uploaded."
            </p>
            <section class="card" aria-labelledby="xlsx-out">
                <h2 id="xlsx-out">"Export"</h2>
                <button type="button" on:click=move |_| c.state.transfer.set(Some(export_workbook(c.state, &c.id.get_value())))>"Export as a workbook (XLSX)"</button>
                " "
                <button type="button" on:click=move |_| c.state.transfer.set(Some(export_oscal(c.state, &c.id.get_value())))>"Export as OSCAL assessment results"</button>
                <p class="muted">
                    "The workbook has an overview with the roll-up formulas, the targets, priorities, every indicator, the results, "
                    "the gap table with a chart, the roadmap and the framework coverage. You can change the target levels, scopes, "
                    "rationales and not-applicable reasons, the priorities, which indicators are met, the notes, and the roadmap's "
                    "owners, due dates and statuses. Keep the ids in column A and the sheet names."
                </p>
                <SealChoice />
            </section>
            <section class="card" aria-labelledby="xlsx-in">
                <h2 id="xlsx-in">"Import an edited workbook"</h2>
                <label class="file-pick">
                    "Choose the workbook"
                    <input type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                        on:change=move |ev| import_picked(c.state, &ev) />
                </label>
                <WorkbookReviewPanel />
                <TransferNotice />
            </section>
        </section>
    }
}
