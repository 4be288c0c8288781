//! SMM Navigator, the web app: a thin Leptos layer over `smm-core`, split by
//! audience into four pages and a worker, each its own binary and bundle
//! (ARCHITECTURE.md has the map):
//!
//! - [`reader`] (`src/bin/reader.rs`, `index.html`, `embed.js`): home, practice
//!   explorer, practice pages and the documentation embeds; catalogue data only.
//! - [`workbench`] (`src/bin/workbench.rs`, `workbench.html`): the assessments
//!   and the four steps of the SMM process (targets, assess, results, roadmap).
//! - [`review`] (`src/bin/review.rs`, `review.html`): the views of an
//!   assessment few visits need (frameworks, trustworthiness, report,
//!   history); it reuses the workbench's state, storage, outbox and charts.
//! - [`exchange`] (`src/bin/exchange.rs`, `exchange.html`): answering an
//!   interview, the consensus of the answers, the workbook and OSCAL; it reuses
//!   the workbench's state, storage, transfer and outbox modules.
//! - [`shared`]: what every page uses (routes, storage, the download
//!   primitive, the clock, the page frame).
//! - [`worker`] (`src/bin/worker.rs`, `worker_loader.js`): the on-demand worker
//!   for code few visits need, started by the workbench when first asked.
//!
//! Each binary reaches only its own app's code, so the linker leaves the other
//! apps' code and data out of its bundle (an e2e test checks what each page
//! fetches). Files come in through the core's one way in
//! ([`smm_core::read_any`]) and go out through one way out
//! ([`workbench::outbox`]). All domain logic (catalogue, scoring, reading and
//! writing files) lives in `smm-core`; the components here only lay out what it
//! computes. One public component per file.

pub mod exchange;
pub mod reader;
pub mod review;
pub mod shared;
pub mod workbench;
pub mod worker;

/// The attribute that marks the element an app mounts into.
pub const MOUNT_ATTRIBUTE: &str = "data-smm-app";
