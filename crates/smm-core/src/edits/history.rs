//! Taking a snapshot of an assessment.

use crate::model::assessment::Assessment;
use crate::model::history::{Snapshot, Snapshots};

impl Snapshots {
    /// Adds a snapshot of `assessment` taken at `taken_at`; its id is `s<n>`, n one more than the largest so far.
    pub fn take(&mut self, assessment: &Assessment, taken_at: &str, label: &str) -> &Snapshot {
        let next = self
            .snapshots
            .iter()
            .filter_map(|s| s.id.strip_prefix('s').and_then(|n| n.parse::<u32>().ok()))
            .max()
            .map_or(1, |n| n + 1);
        self.snapshots.push(Snapshot {
            id: format!("s{next}"),
            taken_at: taken_at.into(),
            label: label.into(),
            assessment: assessment.clone(),
        });
        &self.snapshots[self.snapshots.len() - 1]
    }
}
