//! Hash routes (`#/practices/threat-modeling`): deep links that work on any
//! static host and inside an embedding page, with no server help.
//!
//! Each route belongs to one of the two apps: the reader (`index.html`: home,
//! explorer, practice pages) or the workbench (`workbench.html`: assessments and
//! everything under them). A link within the running app is a hash; a link to
//! the other app names its page, so it is an ordinary page load.

use std::sync::atomic::{AtomicU8, Ordering};

/// One of the three apps, each its own page and bundle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Bundle {
    /// Home, explorer, practice pages and the embeds: catalogue data only.
    Reader = 0,
    /// The assessments and everything under them.
    Workbench = 1,
    /// Working with other people and tools: answering an interview (the
    /// interviewee), the consensus of the answers, and the spreadsheet and
    /// OSCAL exchange (the owner); few visits need it.
    Exchange = 2,
    /// The views of an assessment few visits need: frameworks,
    /// trustworthiness, the report and the history.
    Review = 3,
}

static RUNNING: AtomicU8 = AtomicU8::new(0);

impl Bundle {
    /// The page of this app, relative to the folder the app is served from.
    pub fn page(self) -> &'static str {
        match self {
            Bundle::Reader => "./",
            Bundle::Workbench => "workbench.html",
            Bundle::Exchange => "exchange.html",
            Bundle::Review => "review.html",
        }
    }

    /// Records which app this page runs (called once at start).
    pub fn set_running(self) {
        RUNNING.store(self as u8, Ordering::Relaxed);
    }

    /// The app this page runs.
    pub fn running() -> Bundle {
        match RUNNING.load(Ordering::Relaxed) {
            1 => Bundle::Workbench,
            2 => Bundle::Exchange,
            3 => Bundle::Review,
            _ => Bundle::Reader,
        }
    }
}

/// A page of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// `#/`: what the SMM is and how to use the app.
    Home,
    /// `#/practices`: the practice explorer.
    Practices,
    /// `#/practices/<id>`: one practice with its four levels.
    Practice(String),
    /// `#/assessments`: the list of assessments kept in this browser.
    Assessments,
    /// `#/assessments/<id>[/<section>[/<practice>]]`: one assessment.
    Assessment(String, Section),
    /// `#/portfolio`: many assessments at a glance (the review page).
    Portfolio,
    /// `#/answer/<interview id>`: answering an interview received as a file;
    /// `#/answer` (id empty): the interviews being answered here, and a file picker.
    Answer(String),
    /// Any other `#/...` path.
    NotFound(String),
}

/// A section of an assessment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Section {
    /// Metadata and progress.
    Overview,
    /// Priorities and targets, optionally opened at one practice.
    Targets(Option<String>),
    /// The indicator checklists, optionally opened at one practice.
    Assess(Option<String>),
    /// Gap table and charts.
    Results,
    /// Roadmap steps with their plans.
    Roadmap,
    /// The printable report.
    Report,
    /// The board page: one printed page for management.
    Board,
    /// Snapshots, trend and comparison.
    History,
    /// The frameworks view: requirements of 62443, CSF 2.0, ISO/IEC 27001 (or a loaded one) implied by the targets.
    Requirements,
    /// The trustworthiness view and software lifecycle checklist.
    Trust,
    /// Interviews: questionnaires out, answers back, and the consensus.
    Interviews,
    /// The spreadsheet workbook (out and back) and OSCAL assessment results.
    Exchange,
    /// Where the assessment stands against a benchmark of its peers.
    Peers,
}

impl Section {
    /// The path segment(s) of this section.
    fn path(&self) -> String {
        match self {
            Section::Overview => String::new(),
            Section::Targets(None) => "/targets".into(),
            Section::Targets(Some(p)) => format!("/targets/{p}"),
            Section::Assess(None) => "/assess".into(),
            Section::Assess(Some(p)) => format!("/assess/{p}"),
            Section::Results => "/results".into(),
            Section::Roadmap => "/roadmap".into(),
            Section::Report => "/report".into(),
            Section::Board => "/board".into(),
            Section::History => "/history".into(),
            Section::Requirements => "/requirements".into(),
            Section::Trust => "/trustworthiness".into(),
            Section::Interviews => "/interviews".into(),
            Section::Exchange => "/exchange".into(),
            Section::Peers => "/peers".into(),
        }
    }

    /// The app that shows this section: the workbench the four steps and the
    /// overview, the review page what few visits need, the exchange page the
    /// interviews and the spreadsheet and OSCAL page. Exhaustive, so that a new
    /// section does not compile until it has a page.
    pub fn bundle(&self) -> Bundle {
        match self {
            Section::Overview | Section::Targets(_) | Section::Assess(_) | Section::Results | Section::Roadmap => {
                Bundle::Workbench
            }
            Section::Requirements
            | Section::Trust
            | Section::Report
            | Section::Board
            | Section::History
            | Section::Peers => Bundle::Review,
            Section::Interviews | Section::Exchange => Bundle::Exchange,
        }
    }

    /// True when `self` and `other` are the same section, whatever practice is open.
    pub fn same_kind(&self, other: &Section) -> bool {
        std::mem::discriminant(self) == std::mem::discriminant(other)
    }
}

impl Route {
    /// The route of a location hash. Hashes that do not start with `#/` (an
    /// in-page anchor such as the skip link's `#smm-main`) are not routes: `None`.
    pub fn from_hash(hash: &str) -> Option<Route> {
        let hash = hash.strip_prefix('#').unwrap_or(hash);
        if hash.is_empty() {
            return Some(Route::Home);
        }
        let path = hash.strip_prefix('/')?;
        let path = path.split(['?', '#']).next().unwrap_or("").trim_end_matches('/');
        let parts: Vec<&str> = path.split('/').collect();
        Some(match parts.as_slice() {
            [""] => Route::Home,
            ["practices"] => Route::Practices,
            ["practices", id] => Route::Practice((*id).to_string()),
            ["assessments"] => Route::Assessments,
            ["portfolio"] => Route::Portfolio,
            ["answer"] => Route::Answer(String::new()),
            ["answer", id] => Route::Answer((*id).to_string()),
            ["assessments", id] => Route::Assessment((*id).to_string(), Section::Overview),
            ["assessments", id, rest @ ..] => match rest {
                ["targets"] => Route::Assessment((*id).to_string(), Section::Targets(None)),
                ["targets", p] => Route::Assessment((*id).to_string(), Section::Targets(Some((*p).to_string()))),
                ["assess"] => Route::Assessment((*id).to_string(), Section::Assess(None)),
                ["assess", p] => Route::Assessment((*id).to_string(), Section::Assess(Some((*p).to_string()))),
                ["results"] => Route::Assessment((*id).to_string(), Section::Results),
                ["roadmap"] => Route::Assessment((*id).to_string(), Section::Roadmap),
                ["report"] => Route::Assessment((*id).to_string(), Section::Report),
                ["board"] => Route::Assessment((*id).to_string(), Section::Board),
                ["history"] => Route::Assessment((*id).to_string(), Section::History),
                ["requirements"] => Route::Assessment((*id).to_string(), Section::Requirements),
                ["trustworthiness"] => Route::Assessment((*id).to_string(), Section::Trust),
                ["interviews"] => Route::Assessment((*id).to_string(), Section::Interviews),
                ["exchange"] => Route::Assessment((*id).to_string(), Section::Exchange),
                ["peers"] => Route::Assessment((*id).to_string(), Section::Peers),
                _ => Route::NotFound(path.to_string()),
            },
            _ => Route::NotFound(path.to_string()),
        })
    }

    /// The app that shows this route.
    pub fn bundle(&self) -> Bundle {
        match self {
            Route::Answer(_) => Bundle::Exchange,
            Route::Assessment(_, section) => section.bundle(),
            Route::Assessments => Bundle::Workbench,
            Route::Portfolio => Bundle::Review,
            Route::NotFound(path) if path.starts_with("assessments/") => Bundle::Workbench,
            _ => Bundle::Reader,
        }
    }

    /// The `href` of this route from the running app: a hash when the running
    /// app shows it, else the other app's page followed by the hash.
    pub fn href(&self) -> String {
        self.href_from(Bundle::running())
    }

    /// The `href` of this route from a page of app `here`.
    pub fn href_from(&self, here: Bundle) -> String {
        let hash = self.hash();
        match self.bundle() {
            b if b == here => hash,
            b => format!("{}{hash}", b.page()),
        }
    }

    /// The location hash of this route, `#/...`.
    pub fn hash(&self) -> String {
        match self {
            Route::Home => "#/".to_string(),
            Route::Practices => "#/practices".to_string(),
            Route::Practice(id) => format!("#/practices/{id}"),
            Route::Assessments => "#/assessments".to_string(),
            Route::Portfolio => "#/portfolio".to_string(),
            Route::Assessment(id, section) => format!("#/assessments/{id}{}", section.path()),
            Route::Answer(id) if id.is_empty() => "#/answer".to_string(),
            Route::Answer(id) => format!("#/answer/{id}"),
            Route::NotFound(path) => format!("#/{path}"),
        }
    }

    /// True when a link to `self` should be marked as the current section for `current`.
    pub fn is_section_of(&self, current: &Route) -> bool {
        matches!(
            (self, current),
            (Route::Home, Route::Home)
                | (Route::Practices, Route::Practices | Route::Practice(_))
                | (Route::Assessments, Route::Assessments | Route::Assessment(..))
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_map_to_routes_and_back() {
        for (hash, route) in [
            ("", Route::Home),
            ("#", Route::Home),
            ("#/", Route::Home),
            ("#/practices", Route::Practices),
            ("#/practices/", Route::Practices),
            ("#/practices/threat-modeling", Route::Practice("threat-modeling".into())),
            ("#/nowhere/else", Route::NotFound("nowhere/else".into())),
            ("#/assessments", Route::Assessments),
            ("#/assessments/a1", Route::Assessment("a1".into(), Section::Overview)),
            ("#/assessments/a1/targets", Route::Assessment("a1".into(), Section::Targets(None))),
            (
                "#/assessments/a1/targets/access-control",
                Route::Assessment("a1".into(), Section::Targets(Some("access-control".into()))),
            ),
            (
                "#/assessments/a1/assess/access-control",
                Route::Assessment("a1".into(), Section::Assess(Some("access-control".into()))),
            ),
            ("#/assessments/a1/results", Route::Assessment("a1".into(), Section::Results)),
            ("#/assessments/a1/roadmap", Route::Assessment("a1".into(), Section::Roadmap)),
            ("#/assessments/a1/report", Route::Assessment("a1".into(), Section::Report)),
            ("#/assessments/a1/board", Route::Assessment("a1".into(), Section::Board)),
            ("#/assessments/a1/history", Route::Assessment("a1".into(), Section::History)),
            ("#/assessments/a1/interviews", Route::Assessment("a1".into(), Section::Interviews)),
            ("#/answer/iv-1", Route::Answer("iv-1".into())),
            ("#/assessments/a1/bogus", Route::NotFound("assessments/a1/bogus".into())),
        ] {
            assert_eq!(Route::from_hash(hash), Some(route.clone()), "{hash}");
            assert_eq!(Route::from_hash(&route.hash()), Some(route));
        }
        assert_eq!(Route::from_hash("#smm-main"), None);
    }

    #[test]
    fn links_to_the_other_app_name_its_page() {
        let practice = Route::Practice("threat-modeling".into());
        let results = Route::Assessment("a1".into(), Section::Results);
        assert_eq!(practice.bundle(), Bundle::Reader);
        assert_eq!(results.bundle(), Bundle::Workbench);
        assert_eq!(Route::Assessments.bundle(), Bundle::Workbench);
        assert_eq!(Route::NotFound("assessments/a1/bogus".into()).bundle(), Bundle::Workbench);
        assert_eq!(Route::NotFound("nowhere".into()).bundle(), Bundle::Reader);
        assert_eq!(practice.href_from(Bundle::Reader), "#/practices/threat-modeling");
        assert_eq!(practice.href_from(Bundle::Workbench), "./#/practices/threat-modeling");
        assert_eq!(results.href_from(Bundle::Workbench), "#/assessments/a1/results");
        assert_eq!(results.href_from(Bundle::Reader), "workbench.html#/assessments/a1/results");
        assert_eq!(Route::Home.href_from(Bundle::Workbench), "./#/");
        let interviews = Route::Assessment("a1".into(), Section::Interviews);
        assert_eq!(interviews.href_from(Bundle::Workbench), "exchange.html#/assessments/a1/interviews");
        assert_eq!(results.href_from(Bundle::Exchange), "workbench.html#/assessments/a1/results");
        assert_eq!(Route::Answer("iv-1".into()).href_from(Bundle::Reader), "exchange.html#/answer/iv-1");
        let report = Route::Assessment("a1".into(), Section::Report);
        assert_eq!(report.bundle(), Bundle::Review);
        assert_eq!(report.href_from(Bundle::Workbench), "review.html#/assessments/a1/report");
        assert_eq!(results.href_from(Bundle::Review), "workbench.html#/assessments/a1/results");
        for s in [Section::Requirements, Section::Trust, Section::History, Section::Board] {
            assert_eq!(Route::Assessment("a1".into(), s).bundle(), Bundle::Review);
        }
    }
}
