//! Reading an SMM catalogue file (`smm-navigator/catalogue`).

use crate::model::catalogue::Catalogue;

/// Why a catalogue file could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatalogueError {
    /// One line per problem found.
    pub problems: Vec<String>,
}

impl std::fmt::Display for CatalogueError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the catalogue is not valid: {}", self.problems.join("; "))
    }
}

impl std::error::Error for CatalogueError {}

impl Catalogue {
    /// Parses and checks a catalogue file. Structural errors name the line and
    /// column; broken invariants name the practice, level or indicator.
    pub fn from_json(text: &str) -> Result<Catalogue, CatalogueError> {
        let catalogue: Catalogue = serde_json::from_str(text).map_err(|e| CatalogueError {
            problems: vec![format!("the catalogue does not have the expected structure: {e}")],
        })?;
        let problems = catalogue.problems();
        if problems.is_empty() {
            Ok(catalogue)
        } else {
            Err(CatalogueError { problems })
        }
    }
}
