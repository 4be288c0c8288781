//! Hash routes (`#/practices/threat-modeling`): deep links that work on any
//! static host and inside an embedding page, with no server help.

/// A page of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// `#/`: what the SMM is and how to use the app.
    Home,
    /// `#/practices`: the practice explorer.
    Practices,
    /// `#/practices/<id>`: one practice with its four levels.
    Practice(String),
    /// Any other `#/...` path.
    NotFound(String),
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
            _ => Route::NotFound(path.to_string()),
        })
    }

    /// The `href` of this route.
    pub fn href(&self) -> String {
        match self {
            Route::Home => "#/".to_string(),
            Route::Practices => "#/practices".to_string(),
            Route::Practice(id) => format!("#/practices/{id}"),
            Route::NotFound(path) => format!("#/{path}"),
        }
    }

    /// True when a link to `self` should be marked as the current section for `current`.
    pub fn is_section_of(&self, current: &Route) -> bool {
        matches!(
            (self, current),
            (Route::Home, Route::Home) | (Route::Practices, Route::Practices | Route::Practice(_))
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
        ] {
            assert_eq!(Route::from_hash(hash), Some(route.clone()), "{hash}");
            assert_eq!(Route::from_hash(&route.href()), Some(route));
        }
        assert_eq!(Route::from_hash("#smm-main"), None);
    }
}
