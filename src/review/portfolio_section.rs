//! The portfolio (`review.html#/portfolio`): many assessments at a glance,
//! the stored ones and files opened only for this view (never stored, so that
//! a portfolio of hundreds does not fill the browser's storage). The figures
//! are the core's (`smm_core::portfolio`); each row is made once per source,
//! and a filter change only regroups the rows. The two large pieces, the share
//! table and the gap table, are drawn once per set of assessments; a filter
//! marks or hides their rows and columns. The heatmap past 40 assessments is a
//! few dozen SVG elements (smm-charts), drawn again per filter. Issue 28's
//! budget: a filter change with 200 assessments redrawn within 100 ms.

use std::collections::HashSet;

use leptos::prelude::*;
use smm_core::portfolio::{cell_text, portfolio_row, Portfolio, PortfolioFilter, PortfolioRow, PORTFOLIO_FORMULAS};
use smm_core::{Assessment, Catalogue, Incoming, Role};

use crate::shared::download::file_stem;
use crate::workbench::charts;
use crate::workbench::outbox::{self, Notice, Outgoing};
use crate::workbench::state::AppState;

/// The portfolio page.
#[component]
pub fn PortfolioSection() -> impl IntoView {
    let state = AppState::expect();
    let cat = Catalogue::builtin();
    // Files opened for this view only: kept in the page, never stored.
    let opened = RwSignal::new(Vec::<Assessment>::new());
    let left_out = RwSignal::new(Vec::<String>::new());
    let excluded = RwSignal::new(HashSet::<String>::new());
    let role = RwSignal::new(None::<Role>);
    let profile = RwSignal::new(String::new());
    let tag = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    // One row per assessment (stored ones first), made once per source change.
    let rows = Memo::new(move |_| {
        let stored: Vec<PortfolioRow> = state
            .assessments
            .with(|v| v.iter().map(|a| portfolio_row(a, &smm_core::engine::gap_analysis(cat, a))).collect());
        let files: Vec<PortfolioRow> =
            opened.with(|v| v.iter().map(|a| portfolio_row(a, &smm_core::engine::gap_analysis(cat, a))).collect());
        stored.into_iter().map(|r| (true, r)).chain(files.into_iter().map(|r| (false, r))).collect::<Vec<_>>()
    });
    let filter = move || PortfolioFilter {
        role: role.get(),
        profile: Some(profile.get()).filter(|p| !p.is_empty()),
        tag: Some(tag.get()).filter(|t| !t.is_empty()),
    };
    let portfolio = Memo::new(move |_| {
        let f = filter();
        let ex = excluded.get();
        let shown: Vec<PortfolioRow> = rows.with(|rows| {
            rows.iter().filter(|(_, r)| !ex.contains(&r.id) && f.admits_row(r)).map(|(_, r)| r.clone()).collect()
        });
        Portfolio::from_rows(cat, shown)
    });
    // The ids shown: the share table marks the others without being drawn again.
    let shown =
        Memo::new(move |_| portfolio.with(|p| p.rows.iter().map(|r| r.id.clone()).collect::<HashSet<String>>()));
    // The gap table: every assessment's column, drawn once per set of
    // assessments; a filter hides the columns it leaves out.
    let gaps = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let Some(div) = gaps.get() else { return };
        rows.with(|r| shown.with(|s| hide_columns(&div, r.iter().map(|(_, r)| r.id.as_str()), s)));
    });
    // The share table, written once per set of assessments like the gap
    // table; a filter or an include box marks its rows.
    let share = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let Some(div) = share.get() else { return };
        rows.with(|r| shown.with(|s| excluded.with(|e| mark_share_rows(&div, r.len(), s, e))));
    });
    let include = move |ev: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(id) = input.get_attribute("data-id") else { return };
        let on = input.checked();
        excluded.update(|e| {
            if on {
                e.remove(&id);
            } else {
                e.insert(id);
            }
        });
    };
    let choices = move |pick: fn(&PortfolioRow) -> Vec<String>| {
        let mut all: Vec<String> = rows.with(|rows| rows.iter().flat_map(|(_, r)| pick(r)).collect());
        all.sort();
        all.dedup();
        all
    };
    let open_files = move |ev: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(list) = input.files() else { return };
        let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
        input.set_value("");
        message.set(Some(format!("Reading {} file(s)…", files.len())));
        leptos::task::spawn_local(async move {
            let (mut taken, mut refused) = (Vec::new(), Vec::new());
            let mut reads = crate::workbench::transfer::FileReads::new(files);
            while let Some((f, bytes)) = reads.next().await {
                let name = f.name();
                let bytes = match bytes {
                    Ok(b) => b,
                    Err(e) => {
                        refused.push(format!("{name}: {e}"));
                        continue;
                    }
                };
                // The one way in: only assessments and backups make a portfolio.
                match smm_core::read_any(&bytes, Catalogue::builtin()) {
                    Ok(Incoming::Assessment(a)) => taken.push(a.assessment),
                    Ok(Incoming::Bundle { assessments, .. }) => {
                        taken.extend(assessments.into_iter().map(|r| r.assessment))
                    }
                    Ok(Incoming::Encrypted) => refused.push(format!(
                        "{name}: encrypted; import it on the assessments page with its passphrase to include it"
                    )),
                    Ok(
                        other @ (Incoming::Profile(_)
                        | Incoming::Framework(_)
                        | Incoming::Mapping(_)
                        | Incoming::Interview(_)
                        | Incoming::Answers(_)
                        | Incoming::Benchmark(_)
                        | Incoming::Workbook),
                    ) => refused.push(format!("{name}: this is {}, not an assessment", other.kind_name())),
                    Err(e) => refused.push(format!("{name}: {}", e.lines().join("; "))),
                }
            }
            let n = taken.len();
            opened.update(|v| {
                for a in taken {
                    v.retain(|x| x.id != a.id);
                    v.push(a);
                }
            });
            message.set(Some(format!(
                "Opened {n} assessment(s) for this view (not stored){}.",
                if refused.is_empty() { String::new() } else { format!("; {} file(s) left out", refused.len()) }
            )));
            left_out.set(refused);
        });
    };
    let export_csv = move |_| {
        let csv = portfolio.with(|p| p.to_csv(cat));
        let out = Outgoing::csv("smm-portfolio.csv".into(), csv, "The portfolio was exported as a CSV file.");
        let shown = outbox::send(state, out, Notice::Inline(message));
        message.set(Some(shown.summary));
    };
    let export_xlsx = move |_| {
        let f = filter();
        let ex = excluded.get_untracked();
        let mut files: Vec<String> = state
            .assessments
            .with_untracked(|v| v.iter().filter(|a| !ex.contains(&a.id)).map(smm_core::assessment_to_json).collect());
        files.extend(opened.with_untracked(|v| {
            v.iter().filter(|a| !ex.contains(&a.id)).map(smm_core::assessment_to_json).collect::<Vec<_>>()
        }));
        let input = format!("[{}]", files.join(","));
        let params = serde_json::json!({"role": f.role.map(Role::id), "profile": f.profile, "tag": f.tag}).to_string();
        let waiting = "Making the portfolio workbook…";
        let m = outbox::in_background(state, Notice::Inline(message), waiting, async move {
            match crate::workbench::on_demand::run(
                crate::workbench::on_demand::PORTFOLIO_XLSX,
                input.as_bytes(),
                &params,
            )
            .await
            {
                Err(e) => crate::workbench::transfer_state::TransferMessage::failed(
                    format!("No workbook was made: {e}."),
                    vec![],
                ),
                Ok(book) => outbox::send(
                    state,
                    Outgoing::new(
                        format!("{}.xlsx", file_stem("smm-portfolio")),
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        book,
                        "Exported the portfolio workbook.",
                    ),
                    Notice::Inline(message),
                ),
            }
        });
        message.set(Some(m.summary));
    };
    view! {
        <section class="page portfolio">
            <h1 tabindex="-1">"Portfolio"</h1>
            <p class="lead">
                "Many assessments at a glance: where each falls short of its targets and where it goes beyond them. "
                "The assessments stored in this browser are included; open more files for this view only: they are read here and not stored."
            </p>
            <div class="portfolio-controls no-print">
                <label class="file-pick">
                    "Open assessment or backup files for this view…"
                    <input type="file" multiple accept=".json,application/json" on:change=open_files />
                </label>
                <label>"Role"
                    <select on:change=move |ev| role.set(Role::from_id(&event_target_value(&ev)))>
                        <option value="">"All roles"</option>
                        {Role::ALL.into_iter().map(|r| view! { <option value=r.id()>{r.name()}</option> }).collect_view()}
                    </select>
                </label>
                <label>"Profile"
                    <select on:change=move |ev| profile.set(event_target_value(&ev))>
                        <option value="">"Any profile"</option>
                        {move || choices(|r| r.profiles.clone()).into_iter().map(|p| view! { <option value=p.clone()>{p.clone()}</option> }).collect_view()}
                    </select>
                </label>
                <label>"Tag"
                    <select on:change=move |ev| tag.set(event_target_value(&ev))>
                        <option value="">"Any tag"</option>
                        {move || choices(|r| r.tags.clone()).into_iter().map(|t| view! { <option value=t.clone()>{t.clone()}</option> }).collect_view()}
                    </select>
                </label>
                <button type="button" on:click=export_csv>"Export as CSV"</button>
                <button type="button" on:click=export_xlsx>"Export as a workbook (XLSX)"</button>
            </div>
            <p role="status" class="inline-status">{move || message.get()}</p>
            {move || {
                let out = left_out.get();
                (!out.is_empty()).then(|| view! {
                    <ul class="left-out">{out.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                })
            }}
            <h2>"Share on target per assessment"</h2>
            // Up to hundreds of rows: written as one piece of HTML (every text
            // escaped); the include boxes report to one listener.
            <div class="table-scroll" tabindex="0" role="region" aria-label="Share on target per assessment, as a table"
                node_ref=share on:change=include
                inner_html=move || rows.with(|r| share_table_html(r, &shown.get_untracked(), &excluded.get_untracked()))></div>
            {move || portfolio.with(|p| portfolio_figures(p, cat))}
            <h2>"Gap per practice and assessment, as a table"</h2>
            // Up to thousands of cells: written as one piece of HTML (every text
            // escaped), which the browser lays out in one go.
            <div class="table-scroll deferred" tabindex="0" role="region" aria-label="Gap per practice and assessment, as a table"
                node_ref=gaps inner_html=move || rows.with(|r| gap_table_html(r.iter().map(|(_, r)| r), cat))></div>
            {move || portfolio.with(|p| spread_table(p, cat))}
            <h2>"How the figures are computed"</h2>
            <dl class="formula-list">
                {PORTFOLIO_FORMULAS.iter().map(|(label, f)| view! { <dt>{*label}</dt><dd>{*f}"."</dd> }).collect_view()}
            </dl>
        </section>
    }
}

/// The share on target of every assessment, with a box to include it: every
/// assessment given, [`mark_share_rows`] marks the rows the filters leave out.
fn share_table_html(rows: &[(bool, PortfolioRow)], shown: &HashSet<String>, excluded: &HashSet<String>) -> String {
    use std::fmt::Write as _;
    let mut s = format!(
        r#"<table class="data portfolio-share"><caption>{}</caption><colgroup><col class="c-include"><col class="c-name"><col class="c-role"><col class="c-tags"><col class="c-figure"><col class="c-figure"><col class="c-figure"><col class="c-figure"></colgroup><thead><tr><th scope="col">Included</th><th scope="col">Assessment</th><th scope="col">Role</th><th scope="col">Tags</th><th scope="col">On target</th><th scope="col">Share</th><th scope="col">Shortfall</th><th scope="col">Above target</th></tr></thead><tbody>"#,
        share_caption(shown.len(), rows.len())
    );
    for (stored, r) in rows {
        let id = html(&r.id);
        let _ = write!(
            s,
            r#"<tr data-id="{id}"{}><td><input type="checkbox" data-id="{id}" aria-label="Include {}"{}></td><th scope="row">{}{}</th><td>{}</td><td>{}</td><td>{} of {}</td><td>{}</td><td>{}</td><td>{}</td></tr>"#,
            if shown.contains(&r.id) { "" } else { r#" class="filtered-out""# },
            html(&r.name),
            if excluded.contains(&r.id) { "" } else { " checked" },
            html(&r.name),
            if *stored { "" } else { " (opened for this view)" },
            html(r.role.name()),
            html(&r.tags.join(", ")),
            r.on_target,
            r.with_target,
            r.share_on_target.map_or("-".to_string(), |s| format!("{s}%")),
            r.total_shortfall,
            r.total_excess,
        );
    }
    s.push_str("</tbody></table>");
    s
}

fn share_caption(shown: usize, total: usize) -> String {
    format!("{shown} of {total} assessments shown")
}

/// The table written into `div` (by `inner_html`), once it is there.
fn written_table(div: &web_sys::HtmlDivElement) -> Option<web_sys::HtmlTableElement> {
    use wasm_bindgen::JsCast;
    div.first_element_child()?.dyn_into().ok()
}

/// Marks the share table's rows the filters leave out, ticks the include
/// boxes, and says how many are shown; only what changes is touched.
fn mark_share_rows(div: &web_sys::HtmlDivElement, total: usize, shown: &HashSet<String>, excluded: &HashSet<String>) {
    use wasm_bindgen::JsCast;
    let Some(table) = written_table(div) else { return };
    if let Some(caption) = table.caption() {
        let text = share_caption(shown.len(), total);
        if caption.text_content().as_deref() != Some(text.as_str()) {
            caption.set_text_content(Some(&text));
        }
    }
    let Some(body) = table.t_bodies().item(0) else { return };
    let trs = body.children();
    for k in 0..trs.length() {
        let Some(tr) = trs.item(k) else { continue };
        let Some(id) = tr.get_attribute("data-id") else { continue };
        let out = !shown.contains(&id);
        if tr.class_list().contains("filtered-out") != out {
            let _ = tr.class_list().toggle_with_force("filtered-out", out);
        }
        if let Some(input) =
            tr.query_selector("input").ok().flatten().and_then(|i| i.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            let on = !excluded.contains(&id);
            if input.checked() != on {
                input.set_checked(on);
            }
        }
    }
}

/// The figures of the assessments shown: the weakest practices and the
/// heatmap (its table is drawn once per set of assessments, in the page).
fn portfolio_figures(p: &Portfolio, cat: &'static Catalogue) -> AnyView {
    let name = |id: &str| cat.practice(id).map_or(id.to_string(), |x| x.name.clone());
    let practices: Vec<String> = cat.practices.iter().map(|x| x.name.clone()).collect();
    let columns: Vec<String> = p.rows.iter().map(|r| r.name.clone()).collect();
    let cells: Vec<Vec<String>> = p.rows.iter().map(|r| r.cells.iter().map(cell_text).collect()).collect();
    let svg = charts::portfolio_heatmap_svg(&practices, &columns, &cells);
    view! {
        <h2>"Weakest practices across the portfolio"</h2>
        {if p.weakest.is_empty() {
            view! { <p>"No practice is below its target in the assessments shown."</p> }.into_any()
        } else {
            view! { <ol class="weakest">{p.weakest.iter().map(|id| {
                let s = p.practices.iter().find(|x| x.practice == *id);
                view! { <li>{format!("{}: {} level(s) of shortfall in all, {} assessment(s) below target",
                    name(id), s.map_or(0, |s| s.total_shortfall), s.map_or(0, |s| s.below))}</li> }
            }).collect_view()}</ol> }.into_any()
        }}
        <h2>"Gap per practice and assessment"</h2>
        <figure class="chart portfolio-heatmap deferred">
            <div class="chart-svg chart-scroll" role="img" tabindex="0"
                aria-label="Heatmap of the gap of each practice in each assessment: orange below target, purple above, green on target. The table below gives the same figures."
                inner_html=svg></div>
            <figcaption>"Achieved level minus target: orange shortfall (darker for two levels or more), purple over-investment to review, green on target; – not assessed, · no target, n/a not applicable. Past 40 assessments the chart shows the colours only, in the order of the table, which gives every figure."</figcaption>
        </figure>
    }
    .into_any()
}

/// How many assessments achieve and target each level, per practice.
fn spread_table(p: &Portfolio, cat: &'static Catalogue) -> AnyView {
    let name = |id: &str| cat.practice(id).map_or(id.to_string(), |x| x.name.clone());
    view! {
        <h2>"Achieved levels against targets, per practice"</h2>
        <div class="table-scroll" tabindex="0" role="region" aria-label="Achieved levels against targets, per practice, as a table">
        <table class="data portfolio-spread">
            <caption>"How many assessments achieve and target each level (0 to 4)"</caption>
            <thead><tr><th scope="col">"Practice"</th><th scope="col">"Achieved 0 / 1 / 2 / 3 / 4"</th><th scope="col">"Targets 0 / 1 / 2 / 3 / 4"</th><th scope="col">"Below target"</th><th scope="col">"Above target"</th></tr></thead>
            <tbody>{p.practices.iter().map(|s| {
                let join = |c: &[u32; 5]| c.iter().map(u32::to_string).collect::<Vec<_>>().join(" / ");
                view! { <tr><th scope="row">{name(&s.practice)}</th><td>{join(&s.achieved)}</td><td>{join(&s.targets)}</td><td>{s.below}</td><td>{s.above}</td></tr> }
            }).collect_view()}</tbody>
        </table>
        </div>
    }
    .into_any()
}

/// Hides the gap table's columns of the assessments not shown, and shows the
/// others: `ids` are the columns' assessments in order. Only the columns that
/// change are touched (a head cell's `hidden` says a column's state).
fn hide_columns<'a>(div: &web_sys::HtmlDivElement, ids: impl Iterator<Item = &'a str>, shown: &HashSet<String>) {
    use wasm_bindgen::JsCast;
    let Some(table) = written_table(div) else { return };
    let trs = table.rows();
    // Each row's cells, the head's first.
    let rows: Vec<web_sys::HtmlCollection> = (0..trs.length())
        .filter_map(|k| trs.item(k).and_then(|r| r.dyn_into::<web_sys::HtmlTableRowElement>().ok()))
        .map(|r| r.cells())
        .collect();
    let Some(head) = rows.first() else { return };
    for (j, id) in ids.enumerate() {
        let hide = !shown.contains(id);
        let col = j as u32 + 1;
        if head.item(col).is_some_and(|c| c.has_attribute("hidden") == hide) {
            continue;
        }
        for cell in rows.iter().filter_map(|cells| cells.item(col)) {
            let _ = cell.toggle_attribute_with_force("hidden", hide);
        }
    }
}

/// Text as HTML character data.
fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The heatmap's table: practices down, assessments across, each cell the gap
/// as words; every assessment given, the filters hide columns ([`hide_columns`]).
fn gap_table_html<'a>(rows: impl Iterator<Item = &'a PortfolioRow> + Clone, cat: &Catalogue) -> String {
    use std::fmt::Write as _;
    let mut s = String::from(
        r#"<table class="data portfolio-gaps"><caption>Achieved minus target, per practice (rows) and assessment (columns); the columns follow the filters and the choice of assessments above</caption><thead><tr><th scope="col">Practice</th>"#,
    );
    for r in rows.clone() {
        let _ = write!(s, r#"<th scope="col" data-id="{}">{}</th>"#, html(&r.id), html(&r.name));
    }
    s.push_str("</tr></thead><tbody>");
    for (i, x) in cat.practices.iter().enumerate() {
        let _ = write!(s, r#"<tr data-practice="{}"><th scope="row">{}</th>"#, html(&x.id), html(&x.name));
        for r in rows.clone() {
            let _ = write!(s, "<td>{}</td>", html(&r.cells.get(i).map(cell_text).unwrap_or_default()));
        }
        s.push_str("</tr>");
    }
    s.push_str("</tbody></table>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gap_table_escapes_what_it_writes() {
        let cat = Catalogue::builtin();
        let mut a =
            smm_core::Assessment::new("x1", "<img src=x onerror=alert(1)> & \"Co\"", smm_core::Role::AssetOwner);
        a.metadata.tags = vec!["'t'".into()];
        let row = portfolio_row(&a, &smm_core::engine::gap_analysis(cat, &a));
        let html = gap_table_html([&row].into_iter(), cat);
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Co&quot;"), "{html}");
        assert!(!html.contains("<img"));
        assert_eq!(html.matches("<tr").count(), 1 + cat.practices.len());
    }

    #[test]
    fn the_share_table_escapes_marks_and_ticks_what_it_writes() {
        let cat = Catalogue::builtin();
        let mut a = smm_core::Assessment::new("x\"1", "<b>Plant</b> & 'Co'", smm_core::Role::AssetOwner);
        a.metadata.tags = vec!["<i>t</i>".into()];
        let b = smm_core::Assessment::new("x2", "Second", smm_core::Role::ProductSupplier);
        let rows: Vec<(bool, PortfolioRow)> = [(true, &a), (false, &b)]
            .into_iter()
            .map(|(stored, a)| (stored, portfolio_row(a, &smm_core::engine::gap_analysis(cat, a))))
            .collect();
        let shown: HashSet<String> = ["x\"1".to_string()].into();
        let excluded: HashSet<String> = ["x2".to_string()].into();
        let html = share_table_html(&rows, &shown, &excluded);
        assert!(!html.contains("<b>") && !html.contains("<i>"), "{html}");
        assert!(html.contains(r#"<tr data-id="x&quot;1"><td><input type="checkbox" data-id="x&quot;1" aria-label="Include &lt;b&gt;Plant&lt;/b&gt; &amp; &#39;Co&#39;" checked>"#), "{html}");
        assert!(html.contains(r#"<tr data-id="x2" class="filtered-out"><td><input type="checkbox" data-id="x2" aria-label="Include Second">"#), "{html}");
        assert!(html.contains("Second (opened for this view)"));
        assert!(html.contains("<caption>1 of 2 assessments shown</caption>"));
        assert_eq!(html.matches("<tr").count(), 3);
    }
}
