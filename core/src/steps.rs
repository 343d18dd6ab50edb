//! The guided path through an assessment: which steps a mode asks, in which order, and what each
//! step counts as answered.

use crate::content::{Pdca, AREAS, N_AREAS, PHASES, PURPOSES};
use crate::i18n::{fill, Lang};
use crate::model::{Assessment, Mode};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Community,
    Scope,
    Purposes,
    /// An area of action, by index into `AREAS`.
    Area(usize),
    /// The management-system clauses of one PDCA phase.
    Phase(Pdca),
    Review,
    /// The maturity profile: charts, priorities, action plan, report to print.
    Profile,
}

impl Step {
    /// The step's title, as the stepper, the step's heading and the review's links show it.
    pub fn title(self, lang: Lang) -> String {
        let ui = lang.ui();
        match self {
            Step::Community => ui.step_community.into(),
            Step::Scope => ui.step_scope.into(),
            Step::Purposes => ui.step_purposes.into(),
            Step::Area(a) => AREAS[a].title.get(lang).into(),
            Step::Phase(p) => fill(ui.step_phase, &[p.info().title.get(lang)]),
            Step::Review => ui.step_review.into(),
            Step::Profile => ui.step_profile.into(),
        }
    }

    /// A stable name for the step, to remember where the user was.
    pub fn id(self) -> String {
        match self {
            Step::Community => "community".into(),
            Step::Scope => "scope".into(),
            Step::Purposes => "purposes".into(),
            Step::Area(a) => format!("area:{}", AREAS[a].id),
            Step::Phase(p) => format!("phase:{}", p.info().id),
            Step::Review => "review".into(),
            Step::Profile => "profile".into(),
        }
    }

    pub fn from_id(s: &str) -> Option<Step> {
        match s {
            "community" => Some(Step::Community),
            "scope" => Some(Step::Scope),
            "purposes" => Some(Step::Purposes),
            "review" => Some(Step::Review),
            "profile" => Some(Step::Profile),
            _ => {
                if let Some(area) = s.strip_prefix("area:") {
                    crate::content::area_index(area).map(Step::Area)
                } else {
                    let phase = s.strip_prefix("phase:")?;
                    Pdca::ALL
                        .into_iter()
                        .find(|p| p.info().id == phase)
                        .map(Step::Phase)
                }
            }
        }
    }
}

/// The steps an assessment asks, in order. Quick mode (a workshop of about 15 minutes) asks only
/// the purpose priorities and the area levels; full mode asks everything. Out-of-scope areas have
/// no step of their own.
pub fn steps(a: &Assessment) -> Vec<Step> {
    let areas = (0..N_AREAS)
        .filter(|&i| a.areas[i].in_scope)
        .map(Step::Area);
    match a.mode {
        Mode::Quick => std::iter::once(Step::Purposes)
            .chain(areas)
            .chain([Step::Review, Step::Profile])
            .collect(),
        Mode::Full => [Step::Community, Step::Scope, Step::Purposes]
            .into_iter()
            .chain(areas)
            .chain(Pdca::ALL.map(Step::Phase))
            .chain([Step::Review, Step::Profile])
            .collect(),
    }
}

/// (answered, asked) among the items a step asks that count towards completion.
pub fn step_progress(a: &Assessment, step: Step) -> (usize, usize) {
    match step {
        Step::Purposes => (
            a.purposes.iter().filter(|p| p.priority.is_some()).count(),
            PURPOSES.len(),
        ),
        Step::Area(i) => (usize::from(a.areas[i].level.is_some()), 1),
        Step::Phase(p) => {
            let clauses = PHASES[p as usize].clauses;
            let answered = clauses
                .iter()
                .filter(|&&c| a.clauses[c].level.is_some())
                .count();
            (answered, clauses.len())
        }
        Step::Community | Step::Scope | Step::Review | Step::Profile => (0, 0),
    }
}

/// The step to show: the one asked for if this mode has it, else the first.
pub fn valid_step(a: &Assessment, wanted: Option<Step>) -> Step {
    let all = steps(a);
    wanted.filter(|s| all.contains(s)).unwrap_or(all[0])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blank(mode: Mode) -> Assessment {
        Assessment::new("x".into(), "t".into(), Lang::Fr, mode, "n".into())
    }

    #[test]
    fn quick_mode_asks_priorities_and_area_levels_only() {
        let s = steps(&blank(Mode::Quick));
        assert_eq!(s.len(), 15);
        assert_eq!(s[0], Step::Purposes);
        assert_eq!(s[1], Step::Area(0));
        assert_eq!(s[13], Step::Review);
        assert_eq!(s[14], Step::Profile);
    }

    #[test]
    fn full_mode_asks_everything_and_skips_out_of_scope_areas() {
        let mut a = blank(Mode::Full);
        assert_eq!(steps(&a).len(), 3 + 12 + 4 + 2);
        a.areas[3].in_scope = false;
        let s = steps(&a);
        assert_eq!(s.len(), 20);
        assert!(!s.contains(&Step::Area(3)));
        assert_eq!(valid_step(&a, Some(Step::Area(3))), Step::Community);
        assert_eq!(valid_step(&a, Some(Step::Area(4))), Step::Area(4));
    }

    #[test]
    fn step_ids_round_trip() {
        for step in steps(&blank(Mode::Full)) {
            assert_eq!(Step::from_id(&step.id()), Some(step), "{}", step.id());
        }
        assert_eq!(Step::from_id("area:nowhere"), None);
        assert_eq!(Step::from_id("phase:"), None);
    }
}
