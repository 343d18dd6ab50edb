//! Area levels across many communities: what a network of towns reads from its members' exports
//! (`docs/spec/scoring.md` § Summary across communities). Each file counts as one community.
//!
//! The statistics are the workshop's (`workshop::Counts::stats`, equal to `scoring::item_stats`
//! over the same values), taken over the communities that gave the area a scored level. Files are
//! added one at a time, so any number of them is summarised without keeping them.

use crate::content::N_AREAS;
use crate::model::{Answer, Assessment};
use crate::scoring::ItemStats;
use crate::workshop::Counts;

/// One area over the files added.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AreaSummary {
    /// How many files gave each scored level 0–4 (the area in scope).
    pub levels: Counts,
    /// In scope, answered "not applicable".
    pub na: u32,
    /// In scope, answered "we don't know".
    pub unknown: u32,
    /// In scope, no answer.
    pub unanswered: u32,
    /// Not assessed this time, whatever level it holds.
    pub out_of_scope: u32,
}

impl AreaSummary {
    /// How many communities gave a scored level.
    pub fn scored(&self) -> u32 {
        self.levels.total()
    }

    /// Median, quartiles and range over the scored levels; `None` over zero communities.
    pub fn stats(&self) -> Option<ItemStats> {
        self.levels.stats()
    }
}

/// The areas of every file added, in the content's order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub files: u32,
    pub areas: [AreaSummary; N_AREAS],
}

impl Summary {
    pub fn of<'a>(assessments: impl IntoIterator<Item = &'a Assessment>) -> Summary {
        let mut s = Summary::default();
        for a in assessments {
            s.add(a);
        }
        s
    }

    /// Counts one more file. Quick and full files count alike: both ask every area's level.
    pub fn add(&mut self, a: &Assessment) {
        self.files = self.files.saturating_add(1);
        for (s, area) in self.areas.iter_mut().zip(&a.areas) {
            let slot = if !area.in_scope {
                &mut s.out_of_scope
            } else {
                match area.level {
                    None => &mut s.unanswered,
                    Some(Answer::Na) => &mut s.na,
                    Some(Answer::Unknown) => &mut s.unknown,
                    Some(Answer::Level(l)) => &mut s.levels.0[usize::from(l.get())],
                }
            };
            *slot = slot.saturating_add(1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::model::{Level, Mode};
    use crate::scoring::item_stats;

    fn with_governance(level: Option<Answer>, in_scope: bool) -> Assessment {
        let mut a = Assessment::new(
            "3b0c6c1e-8f0a-4a8e-9d61-2f0f4b1a7c55".into(),
            "2026-11-28T20:15:00Z".into(),
            Lang::Fr,
            Mode::Quick,
            "X".into(),
        );
        a.areas[0].level = level;
        a.areas[0].in_scope = in_scope;
        a
    }

    fn lvl(v: u8) -> Option<Answer> {
        Some(Answer::Level(Level::new(v).unwrap()))
    }

    #[test]
    fn nothing_added_has_no_statistics() {
        let s = Summary::default();
        assert_eq!(s.files, 0);
        assert!(s
            .areas
            .iter()
            .all(|a| a.stats().is_none() && a.scored() == 0));
    }

    #[test]
    fn each_answer_is_counted_once_in_its_own_column() {
        let files = [
            with_governance(lvl(4), true),
            with_governance(lvl(1), true),
            with_governance(lvl(3), true),
            with_governance(lvl(2), true),
            with_governance(Some(Answer::Na), true),
            with_governance(Some(Answer::Unknown), true),
            with_governance(None, true),
            // Out of scope wins over the level it still holds.
            with_governance(lvl(0), false),
        ];
        let s = Summary::of(&files);
        assert_eq!(s.files, 8);
        let g = s.areas[0];
        assert_eq!(g.levels, Counts([0, 1, 1, 1, 1]));
        assert_eq!(
            (g.na, g.unknown, g.unanswered, g.out_of_scope),
            (1, 1, 1, 1)
        );
        assert_eq!(g.scored(), 4);
        // The worked example of scoring.md § Workshop statistics: 4, 1, 3, 2.
        let st = g.stats().unwrap();
        assert_eq!((st.median, st.q1, st.q3), (2.5, 1.5, 3.5));
        assert_eq!(Some(st), item_stats(&[4, 1, 3, 2]));
        // Every other area is in scope and unanswered in all eight files.
        assert_eq!(s.areas[1].unanswered, 8);
        assert!(s.areas[1].stats().is_none());
    }
}
