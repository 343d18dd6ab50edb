//! Comparison of an assessment with an earlier one of the same community: the Check step of PDCA.

use crate::content::{N_AREAS, N_CLAUSES, N_PURPOSES};
use crate::model::Assessment;
use crate::scoring::{self, Scores};

/// Change from the earlier assessment to this one; `None` where either side is not scored.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub areas: [Option<i8>; N_AREAS],
    pub purposes: [Option<f64>; N_PURPOSES],
    pub overall: Option<f64>,
    /// Change in the share of requirements met (0–1, partly counting half), overall and per
    /// clause. `None` where either side has no requirement scored: against a migrated v1
    /// assessment that answered none (v1 asked only the climate question), no change rather than
    /// a change from zero.
    pub requirements: RequirementsChange,
    pub earlier: Scores,
}

/// Change in the share of requirements met, overall and per clause in `CLAUSES` order.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct RequirementsChange {
    pub overall: Option<f64>,
    pub clauses: [Option<f64>; N_CLAUSES],
}

fn diff(now: Option<f64>, before: Option<f64>) -> Option<f64> {
    Some(now? - before?)
}

pub fn compare(now: &Assessment, earlier: &Assessment) -> Comparison {
    let (a, b) = (scoring::compute(now), scoring::compute(earlier));
    Comparison {
        areas: std::array::from_fn(|i| Some(a.areas[i]?.level as i8 - b.areas[i]?.level as i8)),
        purposes: std::array::from_fn(|p| diff(a.purposes[p], b.purposes[p])),
        overall: diff(a.overall, b.overall),
        requirements: RequirementsChange {
            overall: diff(
                a.requirements.overall.share(),
                b.requirements.overall.share(),
            ),
            clauses: std::array::from_fn(|c| {
                diff(
                    a.requirements.clauses[c].share(),
                    b.requirements.clauses[c].share(),
                )
            }),
        },
        earlier: b,
    }
}

/// Two names for the same community, whatever the case, spaces or accents typed.
pub fn same_community(a: &Assessment, b: &Assessment) -> bool {
    // Accents folded and ASCII lowercase: `to_lowercase` would ship Unicode case tables.
    fn key(s: &str) -> String {
        let folded: String = s.chars().flat_map(crate::files::fold_accent).collect();
        folded
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_ascii_lowercase()
    }
    a.id != b.id && key(&a.community.name) == key(&b.community.name)
}

/// Other assessments of the same community, most recent first: what the profile can compare with.
pub fn candidates<'a>(
    now: &Assessment,
    all: impl IntoIterator<Item = &'a Assessment>,
) -> Vec<&'a Assessment> {
    let mut list: Vec<&Assessment> = all.into_iter().filter(|b| same_community(now, b)).collect();
    crate::model::sort_small_by(&mut list, |x, y| y.updated.cmp(&x.updated));
    list
}
