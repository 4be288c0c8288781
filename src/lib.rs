//! SMM Navigator, the web app: a thin Leptos layer over `smm-core`, split by
//! audience into three apps, each its own binary, page and bundle:
//!
//! - [`reader`] (`src/bin/reader.rs`, `index.html`, `embed.js`): home, practice
//!   explorer, practice pages and the documentation embeds; catalogue data only.
//! - [`workbench`] (`src/bin/workbench.rs`, `workbench.html`): the assessments
//!   and everything under them.
//! - [`interviews`] (`src/bin/interviews.rs`, `exchange.html`): answering an
//!   interview, and the consensus of the answers; it reuses the workbench's
//!   state, storage and transfer modules.
//! - [`shared`]: what both use (routes, storage, downloads, the page frame).
//! - [`worker`] (`src/bin/worker.rs`, `worker_loader.js`): the on-demand worker
//!   for code few visits need, started by the workbench when first asked.
//!
//! Each binary reaches only its own app's code, so the linker leaves the other
//! app's code and data out of its bundle (an e2e test checks what each page fetches).
//! All domain logic (catalogue, scoring) lives in `smm-core`; the components
//! here only lay out what it computes. One public component per file.

pub mod exchange;
pub mod reader;
pub mod shared;
pub mod workbench;
pub mod worker;

/// The attribute that marks the element an app mounts into.
pub const MOUNT_ATTRIBUTE: &str = "data-smm-app";
