//! Application state: the assessments kept in this browser, and the operations
//! on them. Every change is saved at once through [`crate::shared::storage`], and the
//! outcome is published in [`AppState::save`] for the "saved" indicator.

use leptos::prelude::*;
use smm_core::history::Snapshots;
use smm_core::{Assessment, Catalogue, Role};

use crate::shared::clock::{clock, new_id, today};
use crate::shared::storage::{self, BrokenEntry, StorageError};

/// The outcome of the last save.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveState {
    /// Nothing changed since the page loaded.
    Idle,
    /// Saved at this local time (HH:MM:SS).
    Saved(String),
    /// The last change could not be saved; what is stored is the state before it.
    Failed(String),
}

/// The shipped framework catalogues and their indicative mappings.
#[derive(Clone, Debug, PartialEq)]
pub struct Builtin {
    /// ISA/IEC 62443, NIST CSF 2.0, ISO/IEC 27001:2022 Annex A.
    pub frameworks: Vec<smm_core::framework::Framework>,
    /// One indicative mapping per framework.
    pub mappings: Vec<smm_core::mapping::Mapping>,
    /// The files as fetched, (framework, mapping) per framework: handed to the
    /// on-demand worker as they are, with no serialiser in this bundle.
    pub texts: Vec<(String, String)>,
}

/// Fetches one of the app's own files as text (same origin, cached by the service worker).
async fn fetch_text(path: &str) -> Result<String, String> {
    use wasm_bindgen::JsCast;
    let failed = |e: wasm_bindgen::JsValue| format!("{path} could not be read ({e:?})");
    let response: web_sys::Response =
        wasm_bindgen_futures::JsFuture::from(window().fetch_with_str(path)).await.map_err(failed)?.unchecked_into();
    if !response.ok() {
        return Err(format!("{path} could not be read (status {})", response.status()));
    }
    let text = wasm_bindgen_futures::JsFuture::from(response.text().map_err(failed)?).await.map_err(failed)?;
    text.as_string().ok_or_else(|| format!("{path} is not text"))
}

/// Fetches and checks the shipped frameworks and mappings, with the same strict
/// parsers as a user's files.
async fn fetch_builtin() -> Result<Builtin, String> {
    let mut out = Builtin { frameworks: Vec::new(), mappings: Vec::new(), texts: Vec::new() };
    for (id, framework, mapping) in smm_core::framework::BUILTIN_FILES {
        let framework_text = fetch_text(framework).await?;
        let f =
            smm_core::framework::parse_framework(framework_text.as_bytes()).map_err(|e| format!("{framework}: {e}"))?;
        if f.id != id {
            return Err(format!("{framework} holds the framework `{}`, not `{id}`", f.id));
        }
        let mapping_text = fetch_text(mapping).await?;
        let m = smm_core::mapping::parse_mapping(mapping_text.as_bytes(), Catalogue::builtin(), &f)
            .map_err(|e| format!("{mapping}: {e}"))?;
        out.frameworks.push(f);
        out.mappings.push(m);
        out.texts.push((framework_text, mapping_text));
    }
    Ok(out)
}

/// A deleted assessment kept in memory so that the deletion can be undone.
#[derive(Clone, Debug, PartialEq)]
pub struct Deleted {
    /// The assessment.
    pub assessment: Assessment,
    /// Its snapshots.
    pub snapshots: Snapshots,
}

/// Shared state, provided as context by the app.
#[derive(Clone, Copy)]
pub struct AppState {
    /// Every readable stored assessment.
    pub assessments: RwSignal<Vec<Assessment>>,
    /// Stored entries that could not be read (left untouched).
    pub broken: RwSignal<Vec<BrokenEntry>>,
    /// The outcome of the last save.
    pub save: RwSignal<SaveState>,
    /// The last deleted assessment, for undo.
    pub deleted: RwSignal<Option<Deleted>>,
    /// The outcome of the last export or import.
    pub transfer: RwSignal<Option<crate::workbench::transfer_state::TransferMessage>>,
    /// An import waiting for the user's choice.
    pub pending_import: RwSignal<Option<crate::workbench::transfer_state::PendingImport>>,
    /// Profiles loaded by the user (the shipped ones come from smm-core).
    pub user_profiles: RwSignal<Vec<smm_core::profile::Profile>>,
    /// The shipped framework catalogues and their indicative mappings, fetched
    /// from the app's folder when first needed ([`AppState::load_builtin`]):
    /// `None` until then, an error message when they could not be read.
    pub builtin: RwSignal<Option<Result<Builtin, String>>>,
    /// Framework catalogues loaded by the user.
    pub user_frameworks: RwSignal<Vec<smm_core::framework::Framework>>,
    /// Mappings loaded by the user (the shipped ones come from smm-core).
    pub user_mappings: RwSignal<Vec<smm_core::mapping::Mapping>>,
    /// The passphrase exports are encrypted with, when the user chose one. Kept
    /// in memory for this page only, never stored.
    pub seal: RwSignal<crate::workbench::transfer_state::Encryption>,
    /// An encrypted file waiting for its passphrase.
    pub pending_unseal: RwSignal<Option<crate::workbench::transfer_state::Sealed>>,
    /// A workbook read back, waiting for its changes to be confirmed.
    pub pending_workbook: RwSignal<Option<crate::workbench::transfer_state::WorkbookReview>>,
    /// The shipped profiles, fetched from the app's folder when an assessment
    /// uses one or the profile picker opens ([`AppState::load_profiles`]).
    pub shipped_profiles: RwSignal<Option<Result<Vec<smm_core::profile::Profile>, String>>>,
}

impl AppState {
    /// Loads what is stored.
    pub fn load() -> AppState {
        let (assessments, mut broken, save) = match storage::load_all(Catalogue::builtin()) {
            Ok(l) => (l.assessments, l.broken, SaveState::Idle),
            Err(e) => (Vec::new(), Vec::new(), SaveState::Failed(e.to_string())),
        };
        let (user_frameworks, unread) = storage::load_frameworks();
        broken.extend(unread);
        let (user_profiles, unread) = storage::load_profiles(Catalogue::builtin());
        broken.extend(unread);
        AppState {
            assessments: RwSignal::new(assessments),
            broken: RwSignal::new(broken),
            save: RwSignal::new(save),
            deleted: RwSignal::new(None),
            transfer: RwSignal::new(None),
            pending_import: RwSignal::new(None),
            user_profiles: RwSignal::new(user_profiles),
            builtin: RwSignal::new(None),
            user_frameworks: RwSignal::new(user_frameworks),
            // Read once the shipped frameworks are here (a mapping names its framework).
            user_mappings: RwSignal::new(Vec::new()),
            seal: RwSignal::new(crate::workbench::transfer_state::Encryption::Off),
            pending_unseal: RwSignal::new(None),
            pending_workbook: RwSignal::new(None),
            shipped_profiles: RwSignal::new(None),
        }
    }

    /// Shows here what another tab of the app stores (its `storage` events), for
    /// as long as the calling component lives.
    pub fn follow_other_tabs(self) {
        let listener = window_event_listener(leptos::ev::storage, move |e| match e.key() {
            Some(key) => {
                if let Some(id) = storage::assessment_id_of_key(&key) {
                    self.reload(id);
                }
            }
            None => self.reload_all(),
        });
        on_cleanup(move || listener.remove());
    }

    /// The state from context.
    pub fn expect() -> AppState {
        expect_context::<AppState>()
    }

    fn record(&self, result: Result<(), StorageError>) -> bool {
        match result {
            Ok(()) => {
                self.save.set(SaveState::Saved(clock()));
                true
            }
            Err(e) => {
                self.save.set(SaveState::Failed(e.to_string()));
                false
            }
        }
    }

    /// A copy of the assessment with this id.
    pub fn get(&self, id: &str) -> Option<Assessment> {
        self.assessments.with(|v| v.iter().find(|a| a.id == id).cloned())
    }

    /// Applies `change` to the assessment `id`, stamps it as updated today and
    /// saves it. When the save fails, the change is undone in memory too, so
    /// that the page shows what is stored.
    pub fn update(&self, id: &str, change: impl FnOnce(&mut Assessment)) {
        let Some(old) = self.get(id) else { return };
        let mut a = old.clone();
        change(&mut a);
        if a == old {
            return;
        }
        a.metadata.updated = today();
        // Never store what the file parser would refuse on the next load.
        if let Some(p) = smm_core::document::validate(&a, Catalogue::builtin()).first() {
            self.save.set(SaveState::Failed(p.message.clone()));
            return;
        }
        match storage::save_assessment_checked(&a) {
            Ok(()) => {
                self.save.set(SaveState::Saved(clock()));
                self.put(a);
            }
            Err(storage::SaveError::Storage(e)) => self.save.set(SaveState::Failed(e.to_string())),
            Err(storage::SaveError::Conflict) => {
                self.save.set(SaveState::Failed(
                    "this assessment was changed in another tab or window; your last change was not applied, \
                     and the other version is shown now"
                        .into(),
                ));
                self.reload(id);
            }
        }
    }

    /// Replaces (or adds) an assessment in memory.
    fn put(&self, a: Assessment) {
        self.assessments.update(|v| match v.iter_mut().find(|x| x.id == a.id) {
            Some(slot) => *slot = a,
            None => v.push(a),
        });
    }

    /// Re-reads assessment `id` from storage (after another tab changed it).
    pub fn reload(&self, id: &str) {
        match storage::load_assessment(id, Catalogue::builtin()) {
            Some(a) if self.get(id).as_ref() != Some(&a) => self.put(a),
            Some(_) => {}
            None if storage::raw(&storage::assessment_key(id)).is_none() => {
                self.assessments.update(|v| v.retain(|x| x.id != id));
            }
            None => {}
        }
    }

    /// Re-reads every assessment from storage (after another tab cleared or changed many).
    pub fn reload_all(&self) {
        if let Ok(l) = storage::load_all(Catalogue::builtin()) {
            self.assessments.set(l.assessments);
            // The broken assessments as read now; the unread loaded files stay listed.
            let assessment_key = storage::assessment_key("");
            self.broken.update(|b| {
                b.retain(|e| !e.key.starts_with(&assessment_key));
                b.extend(l.broken);
            });
        }
    }

    /// Stores an imported assessment (and its snapshots) as it is, replacing one with the same id.
    pub fn store_imported(&self, a: Assessment, snapshots: Option<Snapshots>) -> bool {
        let ok = self.record(storage::save_assessment(&a))
            && snapshots.as_ref().is_none_or(|s| self.record(storage::save_snapshots(s)));
        if ok {
            self.put(a);
        }
        ok
    }

    /// A fresh id for an imported copy.
    pub fn fresh_id(&self) -> String {
        new_id()
    }

    /// Creates and saves a new assessment; returns its id.
    pub fn create(&self, name: &str, role: Role) -> Option<String> {
        let mut a = Assessment::new(new_id(), name, role);
        a.metadata.created = today();
        a.metadata.updated = today();
        self.insert(a)
    }

    fn insert(&self, a: Assessment) -> Option<String> {
        let id = a.id.clone();
        if self.record(storage::save_assessment(&a)) {
            self.assessments.update(|v| v.push(a));
            Some(id)
        } else {
            None
        }
    }

    /// Saves a copy of assessment `id` under a new id; returns the new id.
    pub fn duplicate(&self, id: &str) -> Option<String> {
        let mut a = self.get(id)?;
        a.id = new_id();
        a.metadata.name = format!("{} (copy)", a.metadata.name);
        a.metadata.created = today();
        a.metadata.updated = today();
        self.insert(a)
    }

    /// Deletes assessment `id` and its snapshots, keeping both in memory for [`AppState::undo_delete`].
    pub fn delete(&self, id: &str) {
        let Some(a) = self.get(id) else { return };
        let snapshots = storage::load_snapshots(id);
        if self.record(storage::delete_assessment(id)) {
            self.assessments.update(|v| v.retain(|x| x.id != id));
            self.deleted.set(Some(Deleted { assessment: a, snapshots }));
        }
    }

    /// Restores the last deleted assessment.
    pub fn undo_delete(&self) {
        let Some(d) = self.deleted.get_untracked() else { return };
        let ok = self.record(storage::save_assessment(&d.assessment))
            && (d.snapshots.snapshots.is_empty() || self.record(storage::save_snapshots(&d.snapshots)));
        if ok {
            self.assessments.update(|v| v.push(d.assessment));
            self.deleted.set(None);
        }
    }

    /// Removes a profile, framework catalogue or mapping the user loaded (by its
    /// storage key) from storage and from this page.
    pub fn remove_loaded(&self, key: &str) {
        if self.record(storage::remove(key)) {
            self.user_profiles.update(|v| v.retain(|p| storage::profile_key(&p.id) != key));
            self.user_frameworks.update(|v| v.retain(|f| storage::framework_key(&f.id) != key));
            self.user_mappings.update(|v| v.retain(|m| storage::mapping_key(&m.id) != key));
        }
    }

    /// Re-reads the list of broken entries after one was removed.
    pub fn forget_broken(&self, key: &str) {
        if self.record(storage::remove(key)) {
            self.broken.update(|b| b.retain(|e| e.key != key));
        }
    }

    /// Every profile available: shipped first (once fetched), then the user's
    /// (a user profile with a shipped id is not listed twice). Tracked.
    pub fn profiles(&self) -> Vec<smm_core::profile::Profile> {
        let mut all: Vec<_> = self.shipped();
        for p in self.user_profiles.get() {
            if !all.iter().any(|x| x.id == p.id) {
                all.push(p);
            }
        }
        all
    }

    /// The shipped profiles fetched so far (tracked): none until
    /// [`AppState::load_profiles`] has finished.
    fn shipped(&self) -> Vec<smm_core::profile::Profile> {
        self.shipped_profiles.with(|p| p.as_ref().and_then(|r| r.as_ref().ok()).cloned().unwrap_or_default())
    }

    /// Fetches the shipped profiles once, with the same strict parser as a
    /// user's file; later calls return at once.
    pub async fn profiles_ready(&self) -> Result<(), String> {
        if let Some(done) = self.shipped_profiles.get_untracked() {
            return done.map(|_| ());
        }
        let mut list = Vec::new();
        let mut failure = None;
        for (id, file) in smm_core::profile::BUILTIN_PROFILE_FILES {
            match fetch_text(file).await.and_then(|t| {
                smm_core::profile::parse_profile(t.as_bytes(), Catalogue::builtin()).map_err(|e| format!("{file}: {e}"))
            }) {
                Ok(p) if p.id == id => list.push(p),
                Ok(p) => failure = Some(format!("{file} holds the profile `{}`, not `{id}`", p.id)),
                Err(e) => failure = Some(e),
            }
        }
        let result = match failure {
            Some(e) => Err(e),
            None => Ok(list),
        };
        let outcome = result.as_ref().map(|_| ()).map_err(Clone::clone);
        self.shipped_profiles.set(Some(result));
        outcome
    }

    /// Starts [`AppState::profiles_ready`] in the background.
    pub fn load_profiles(&self) {
        if self.shipped_profiles.get_untracked().is_none() {
            let state = *self;
            leptos::task::spawn_local(async move {
                let _ = state.profiles_ready().await;
            });
        }
    }

    /// Fetches the shipped frameworks and mappings once (then the user's stored
    /// mappings, which name their framework); later calls return at once.
    pub async fn builtin_ready(&self) -> Result<(), String> {
        if let Some(done) = self.builtin.get_untracked() {
            return done.map(|_| ());
        }
        let result = fetch_builtin().await;
        if let Ok(b) = &result {
            let all = all_frameworks(&b.frameworks, &self.user_frameworks.get_untracked());
            let (mappings, unread) = storage::load_mappings(Catalogue::builtin(), || all);
            self.user_mappings.set(mappings);
            if !unread.is_empty() {
                self.broken.update(|b| b.extend(unread));
            }
        }
        let outcome = result.as_ref().map(|_| ()).map_err(Clone::clone);
        self.builtin.set(Some(result));
        outcome
    }

    /// Starts [`AppState::builtin_ready`] in the background (the frameworks view and the report call it).
    pub fn load_builtin(&self) {
        if self.builtin.get_untracked().is_none() {
            let state = *self;
            leptos::task::spawn_local(async move {
                let _ = state.builtin_ready().await;
            });
        }
    }

    /// The shipped frameworks, once fetched (tracked).
    fn builtin_frameworks(&self) -> Vec<smm_core::framework::Framework> {
        self.builtin
            .with(|b| b.as_ref().and_then(|r| r.as_ref().ok()).map(|b| b.frameworks.clone()).unwrap_or_default())
    }

    /// True when `id` is the id of a shipped framework.
    pub fn is_builtin_framework(&self, id: &str) -> bool {
        smm_core::framework::BUILTIN_FILES.iter().any(|(builtin, _, _)| *builtin == id)
    }

    /// Every framework available: the shipped ones first (once fetched), then
    /// the user's (one with a shipped id is not listed twice).
    pub fn frameworks(&self) -> Vec<smm_core::framework::Framework> {
        all_frameworks(&self.builtin_frameworks(), &self.user_frameworks.get())
    }

    /// Every mapping available for framework `framework`: the shipped indicative one first, then the user's.
    pub fn mappings_for(&self, framework: &str) -> Vec<smm_core::mapping::Mapping> {
        let mut all: Vec<_> = self.builtin.with(|b| {
            b.as_ref()
                .and_then(|r| r.as_ref().ok())
                .map(|b| b.mappings.iter().filter(|m| m.framework == framework).cloned().collect())
                .unwrap_or_default()
        });
        let shipped: Vec<String> = all.iter().map(|m| m.id.clone()).collect();
        all.extend(
            self.user_mappings.get().into_iter().filter(|m| m.framework == framework && !shipped.contains(&m.id)),
        );
        all
    }

    /// Saves snapshots, recording the outcome.
    pub fn save_snapshots(&self, s: &Snapshots) -> bool {
        self.record(storage::save_snapshots(s))
    }
}

/// The assessment open on the current page, with its report, shared with the
/// section components through context.
#[derive(Clone, Copy)]
pub struct Current {
    /// The shared state.
    pub state: AppState,
    /// The assessment's id.
    pub id: StoredValue<String>,
    /// The assessment (None once deleted).
    pub assessment: Memo<Option<Assessment>>,
    /// The engine's report on it.
    pub report: Memo<Option<smm_core::Report>>,
}

impl Current {
    /// Tracks assessment `id` of `state`.
    pub fn new(state: AppState, id: String) -> Current {
        let id = StoredValue::new(id);
        let assessment =
            Memo::new(move |_| state.assessments.with(|v| v.iter().find(|a| a.id == id.get_value()).cloned()));
        let report = Memo::new(move |_| {
            assessment.with(|a| {
                a.as_ref().map(|a| smm_core::Report::new(Catalogue::builtin(), a, &crate::shared::clock::today()))
            })
        });
        Current { state, id, assessment, report }
    }

    /// The current [`Current`] from context.
    pub fn expect() -> Current {
        expect_context::<Current>()
    }

    /// Changes the assessment and saves it.
    pub fn edit(&self, change: impl FnOnce(&mut Assessment)) {
        self.state.update(&self.id.get_value(), change);
    }

    /// Reads from the assessment (tracked).
    pub fn with<R>(&self, f: impl FnOnce(&Assessment) -> R) -> Option<R> {
        self.assessment.with(|a| a.as_ref().map(f))
    }

    /// The profiles this assessment uses that are available here (tracked).
    pub fn profiles_used(&self) -> Vec<smm_core::profile::Profile> {
        // Copies only the profiles in use (this runs on every change of the checklist).
        let ids = self.with(|a| a.profiles.clone()).unwrap_or_default();
        if ids.iter().any(|id| smm_core::profile::Profile::is_builtin_id(id)) {
            self.state.load_profiles();
        }
        let builtin = self.state.shipped();
        let mut used: Vec<_> = builtin.iter().filter(|p| ids.contains(&p.id)).cloned().collect();
        self.state.user_profiles.with(|v| {
            used.extend(v.iter().filter(|p| ids.contains(&p.id) && !builtin.iter().any(|b| b.id == p.id)).cloned())
        });
        used
    }

    /// The route of a section of this assessment.
    pub fn href(&self, section: crate::shared::route::Section) -> String {
        crate::shared::route::Route::Assessment(self.id.get_value(), section).href()
    }
}

/// The shipped frameworks and then `user`'s (one with a shipped id is not listed twice).
fn all_frameworks(
    shipped: &[smm_core::framework::Framework],
    user: &[smm_core::framework::Framework],
) -> Vec<smm_core::framework::Framework> {
    let mut all: Vec<_> = shipped.to_vec();
    for f in user {
        if !all.iter().any(|x| x.id == f.id) {
            all.push(f.clone());
        }
    }
    all
}
