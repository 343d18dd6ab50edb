//! Every score of the product, as `docs/spec/scoring.md` defines them. One definition, used
//! natively and in the browser. Scores are never stored as truth: they are recomputed from the
//! answers.

use crate::content::{Pdca, AREAS, CLAUSES, N_AREAS, N_CLAUSES, N_PURPOSES, REQUIREMENTS};
use crate::model::{Answer, Assessment, Met, Mode, Priority};

/// Scores of one assessment. `None` means "not computable", never zero.
#[derive(Clone, Debug, PartialEq)]
pub struct Scores {
    /// Answered items over items asked, in scope: 0 to 1.
    pub completion: f64,
    pub answered: usize,
    pub asked: usize,
    /// Mean of the scored in-scope area levels, 0 to 4.
    pub overall: Option<f64>,
    /// Per area, in content order: the scored level and its gap, for scored in-scope areas.
    pub areas: [Option<AreaScore>; N_AREAS],
    /// Per purpose, in content order: the contribution-weighted mean of area levels.
    pub purposes: [Option<f64>; N_PURPOSES],
    pub management: Management,
    /// The requirements checklist (full mode only; all `None` and zero in quick mode).
    pub requirements: Requirements,
    /// Suggested priority areas (indices into `AREAS`), highest rank first.
    pub priorities: Vec<usize>,
}

/// How many requirements got each answer, and how many of them name a document.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MetCounts {
    pub yes: usize,
    pub partly: usize,
    pub no: usize,
    pub na: usize,
    pub unknown: usize,
    /// Requirements asked: answered or not.
    pub asked: usize,
    /// `yes` answers whose evidence names a document (not blank once trimmed).
    pub yes_documented: usize,
    /// `partly` answers whose evidence names a document.
    pub partly_documented: usize,
    /// `na` answers that give no reason (their evidence is blank).
    pub na_unexplained: usize,
}

impl MetCounts {
    pub fn answered(&self) -> usize {
        self.yes + self.partly + self.no + self.na + self.unknown
    }

    /// **Declared readiness**: the share of requirements met, partly counting half, over those
    /// scored (`yes`, `partly`, `no`); `None` when none is scored.
    pub fn share(&self) -> Option<f64> {
        let scored = self.yes + self.partly + self.no;
        (scored > 0).then(|| (2 * self.yes + self.partly) as f64 / (2 * scored) as f64)
    }

    /// **Demonstrated readiness**: `yes` and half of `partly` that name a document, over every
    /// requirement asked. `na`, `unknown` and unanswered count as not demonstrated. `None` when
    /// nothing is asked.
    pub fn demonstrated(&self) -> Option<f64> {
        (self.asked > 0).then(|| {
            (2 * self.yes_documented + self.partly_documented) as f64 / (2 * self.asked) as f64
        })
    }

    /// Requirements shown by a document: `yes` or `partly` with one named.
    pub fn documented(&self) -> usize {
        self.yes_documented + self.partly_documented
    }

    /// `yes` answers that name no document.
    pub fn yes_undocumented(&self) -> usize {
        self.yes - self.yes_documented
    }

    /// Fewer than 80 % of the requirements asked are answered: a share is provisional.
    pub fn provisional(&self) -> bool {
        5 * self.answered() < 4 * self.asked
    }

    fn add(&mut self, met: Option<Met>, evidence: &str) {
        let named = !evidence.trim().is_empty();
        self.asked += 1;
        match met {
            Some(Met::Yes) => {
                self.yes += 1;
                self.yes_documented += usize::from(named);
            }
            Some(Met::Partly) => {
                self.partly += 1;
                self.partly_documented += usize::from(named);
            }
            Some(Met::No) => self.no += 1,
            Some(Met::Na) => {
                self.na += 1;
                self.na_unexplained += usize::from(!named);
            }
            Some(Met::Unknown) => self.unknown += 1,
            None => {}
        }
    }

    fn sum(&mut self, o: &MetCounts) {
        self.yes += o.yes;
        self.partly += o.partly;
        self.no += o.no;
        self.na += o.na;
        self.unknown += o.unknown;
        self.asked += o.asked;
        self.yes_documented += o.yes_documented;
        self.partly_documented += o.partly_documented;
        self.na_unexplained += o.na_unexplained;
    }
}

/// The checklist's scores: per clause and per PDCA phase the counts behind declared and
/// demonstrated readiness; overall the counts of every requirement (the declared share is the
/// mean of every scored requirement, not of the clauses).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Requirements {
    pub overall: MetCounts,
    pub clauses: [MetCounts; N_CLAUSES],
    /// Plan, Do, Check, Act.
    pub phases: [MetCounts; 4],
    /// Requirements answered `no` or `partly` (indices into `REQUIREMENTS`), in the standard's
    /// order.
    pub unmet: Vec<usize>,
    /// Requirements answered `na` (« Sans objet »), in the standard's order: exclusions a
    /// declaration of conformity does not accept, each to justify.
    pub excluded: Vec<usize>,
}

impl Requirements {
    /// The headline: the mean of the four phases' demonstrated readiness, so that Plan (14 of
    /// the 27 requirements) cannot outweigh Check and Act. `None` in quick mode, and when no
    /// requirement names a document at all (a share link and a workshop's consensus carry none):
    /// then only the declared share is given, never a demonstrated 0 %.
    pub fn demonstrated(&self) -> Option<f64> {
        if !self.has_documents() {
            return None;
        }
        let phases: Vec<f64> = self
            .phases
            .iter()
            .filter_map(|p| p.demonstrated())
            .collect();
        (!phases.is_empty()).then(|| phases.iter().sum::<f64>() / phases.len() as f64)
    }

    /// Whether any requirement names a document or a reason.
    pub fn has_documents(&self) -> bool {
        self.overall.documented() > 0 || self.overall.na > self.overall.na_unexplained
    }
}

/// The checklist's counts and unmet requirements.
pub fn requirements(assessment: &Assessment) -> Requirements {
    let mut r = Requirements::default();
    if assessment.mode != Mode::Full {
        return r;
    }
    for (i, (req, ans)) in REQUIREMENTS
        .iter()
        .zip(&assessment.requirements)
        .enumerate()
    {
        r.clauses[req.clause].add(ans.met, &ans.evidence);
        match ans.met {
            Some(Met::No | Met::Partly) => r.unmet.push(i),
            Some(Met::Na) => r.excluded.push(i),
            _ => {}
        }
    }
    for (c, counts) in CLAUSES.iter().zip(&r.clauses) {
        r.overall.sum(counts);
        r.phases[c.phase as usize].sum(counts);
    }
    r
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AreaScore {
    pub level: u8,
    /// The target someone set; none is ever assumed.
    pub target: Option<u8>,
    /// `max(target − level, 0)`, only against a target someone set.
    pub gap: Option<u8>,
}

impl AreaScore {
    /// How many levels the area's suggested priority counts: the gap to the target set, else
    /// the next level (1 below level 4): the phased approach of ISO 37111.
    pub fn step(&self) -> u8 {
        self.gap.unwrap_or(u8::from(self.level < 4))
    }

    /// The level to aim at: the target set, else the next level (none at 4).
    pub fn aim(&self) -> Option<u8> {
        self.target.or((self.level < 4).then_some(self.level + 1))
    }
}

/// Management-system maturity. The overall is the mean of the scored clauses, not of the phases.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Management {
    pub overall: Option<f64>,
    /// Plan, Do, Check, Act, in that order.
    pub phases: [Option<f64>; 4],
}

impl Management {
    pub fn phase(&self, p: Pdca) -> Option<f64> {
        self.phases[p as usize]
    }
}

/// The contribution of area `a` to purpose `p`: the user's answer, else the default matrix.
pub fn contribution(assessment: &Assessment, a: usize, p: usize) -> u8 {
    assessment.areas[a].contributions[p]
        .map(|c| c.get())
        .unwrap_or(AREAS[a].contributions[p])
}

fn mean(values: impl Iterator<Item = u8>) -> Option<f64> {
    let (sum, n) = values.fold((0u32, 0u32), |(s, n), v| (s + u32::from(v), n + 1));
    (n > 0).then(|| f64::from(sum) / f64::from(n))
}

fn scored_level(answer: Option<Answer>) -> Option<u8> {
    answer.and_then(Answer::scored).map(|l| l.get())
}

/// The suggested priority rank of an area as an exact fraction (numerator, denominator), so that
/// ties are real ties and not rounding noise:
/// `gap × (Σₚ c·w(p) / Σₚ c) × own weight / 2`, the middle factor being 1 when Σₚ c = 0.
fn rank(assessment: &Assessment, a: usize, gap: u8) -> (u64, u64) {
    let (weighted, total) = (0..N_PURPOSES).fold((0u64, 0u64), |(w, t), p| {
        let c = u64::from(contribution(assessment, a, p));
        let weight = assessment.purposes[p]
            .priority
            .unwrap_or(Priority::Medium)
            .weight();
        (w + c * u64::from(weight), t + c)
    });
    let (weighted, total) = if total == 0 {
        (1, 1)
    } else {
        (weighted, total)
    };
    let own = u64::from(assessment.areas[a].priority.map_or(2, Priority::weight));
    (u64::from(gap) * weighted * own, total * 2)
}

pub fn compute(assessment: &Assessment) -> Scores {
    let in_scope = |a: usize| assessment.areas[a].in_scope;
    let full = assessment.mode == Mode::Full;

    let mut asked = assessment.purposes.len();
    let mut answered = assessment
        .purposes
        .iter()
        .filter(|p| p.priority.is_some())
        .count();
    for area in assessment.areas.iter().filter(|a| a.in_scope) {
        asked += 1;
        answered += usize::from(area.level.is_some());
    }
    if full {
        // Full mode asks the clauses, the checklist and who holds each area in scope.
        asked += assessment.clauses.len() + assessment.requirements.len();
        answered += assessment
            .clauses
            .iter()
            .filter(|c| c.level.is_some())
            .count();
        answered += assessment
            .requirements
            .iter()
            .filter(|r| r.met.is_some())
            .count();
        for area in assessment.areas.iter().filter(|a| a.in_scope) {
            asked += 1;
            answered += usize::from(area.holder.is_some());
        }
    }

    let levels: [Option<u8>; N_AREAS] = std::array::from_fn(|a| {
        in_scope(a)
            .then(|| scored_level(assessment.areas[a].level))
            .flatten()
    });
    let areas: [Option<AreaScore>; N_AREAS] = std::array::from_fn(|a| {
        levels[a].map(|level| {
            let target = assessment.areas[a].target.map(|t| t.get());
            AreaScore {
                level,
                target,
                gap: target.map(|t| t.saturating_sub(level)),
            }
        })
    });

    let purposes = std::array::from_fn(|p| {
        let (num, den) = (0..N_AREAS).fold((0u32, 0u32), |(n, d), a| match levels[a] {
            Some(l) => {
                let c = u32::from(contribution(assessment, a, p));
                (n + c * u32::from(l), d + c)
            }
            None => (n, d),
        });
        (den > 0).then(|| f64::from(num) / f64::from(den))
    });

    let management = if full {
        let clause_levels: Vec<(Pdca, u8)> = CLAUSES
            .iter()
            .zip(&assessment.clauses)
            .filter_map(|(c, ans)| scored_level(ans.level).map(|l| (c.phase, l)))
            .collect();
        Management {
            overall: mean(clause_levels.iter().map(|(_, l)| *l)),
            phases: Pdca::ALL.map(|ph| {
                mean(
                    clause_levels
                        .iter()
                        .filter(|(p, _)| *p == ph)
                        .map(|(_, l)| *l),
                )
            }),
        }
    } else {
        Management::default()
    };

    // (area, (step, level), rank as a fraction)
    type Ranked = (usize, (u8, u8), (u64, u64));
    let mut ranked: Vec<Ranked> = areas
        .iter()
        .enumerate()
        .filter_map(|(a, s)| {
            s.filter(|s| s.step() > 0)
                .map(|s| (a, (s.step(), s.level), rank(assessment, a, s.step())))
        })
        .collect();
    crate::model::sort_small_by(
        &mut ranked,
        |(a1, (g1, l1), (n1, d1)), (a2, (g2, l2), (n2, d2))| {
            // n1/d1 vs n2/d2 without division; then the larger step, then the lower level,
            // then the standard's order.
            (n2 * d1)
                .cmp(&(n1 * d2))
                .then(g2.cmp(g1))
                .then(l1.cmp(l2))
                .then(a1.cmp(a2))
        },
    );

    Scores {
        completion: answered as f64 / asked as f64,
        answered,
        asked,
        overall: mean(levels.iter().flatten().copied()),
        areas,
        purposes,
        management,
        requirements: requirements(assessment),
        priorities: ranked.into_iter().map(|(a, _, _)| a).collect(),
    }
}

/// Items answered "don't know", as (section, index) pairs: things to find out. In full mode this
/// includes requirements and areas whose holder is not known.
pub fn unknowns(assessment: &Assessment) -> Vec<(Section, usize)> {
    let full = assessment.mode == Mode::Full;
    let areas = assessment
        .areas
        .iter()
        .enumerate()
        .filter(|(_, a)| a.in_scope && a.level == Some(Answer::Unknown))
        .map(|(i, _)| (Section::Area, i));
    let clauses = assessment
        .clauses
        .iter()
        .enumerate()
        .filter(|(_, c)| full && c.level == Some(Answer::Unknown))
        .map(|(i, _)| (Section::Clause, i));
    let holders = assessment
        .areas
        .iter()
        .enumerate()
        .filter(|(_, a)| full && a.in_scope && a.holder == Some(crate::model::Holder::Unknown))
        .map(|(i, _)| (Section::Holder, i));
    let requirements = assessment
        .requirements
        .iter()
        .enumerate()
        .filter(|(_, r)| full && r.met == Some(Met::Unknown))
        .map(|(i, _)| (Section::Requirement, i));
    areas
        .chain(holders)
        .chain(clauses)
        .chain(requirements)
        .collect()
}

/// What a thing to find out is about (`unknowns`): an area, a clause, a requirement or a holder.
pub use crate::model::Section;

/// Statistics of one item over a workshop's participants.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ItemStats {
    /// How many participants gave a scored value.
    pub count: usize,
    /// The mean of the two middle values for an even count, so it may be x.5.
    pub median: f64,
    pub min: u8,
    pub max: u8,
    /// First and third quartiles: medians of the lower and upper halves (the middle value left
    /// out for an odd count; a single value is its own quartiles).
    pub q1: f64,
    pub q3: f64,
    /// True when participants are 2 or more levels apart: the item to discuss. For a requirement
    /// (see [`ItemStats::of_requirement`]): when both `yes` and `no` were given.
    pub disagreement: bool,
    /// The median rounded half down: the prudent side.
    pub consensus: u8,
}

impl ItemStats {
    /// The statistics of `count` values with these extremes, quartiles and median; what follows
    /// from them (disagreement, consensus) is decided here only.
    pub fn new(count: usize, (min, max): (u8, u8), (q1, median, q3): (f64, f64, f64)) -> Self {
        ItemStats {
            count,
            median,
            min,
            max,
            q1,
            q3,
            disagreement: max - min >= 2,
            // Half down: 2.5 → 2. The median of integers is a whole or a half number, so floor
            // is exact.
            consensus: median.floor() as u8,
        }
    }

    /// The same statistics read as a requirement's, answers counted no 0, partly 1, yes 2
    /// (median, range and consensus as for levels): a disagreement is `yes` and `no` both given.
    pub fn of_requirement(self) -> Self {
        ItemStats {
            disagreement: self.min == 0 && self.max == 2,
            ..self
        }
    }

    pub fn iqr(&self) -> f64 {
        self.q3 - self.q1
    }
}

fn median_sorted(v: &[u8]) -> f64 {
    let n = v.len();
    if n % 2 == 1 {
        f64::from(v[n / 2])
    } else {
        (f64::from(v[n / 2 - 1]) + f64::from(v[n / 2])) / 2.0
    }
}

/// Merges participants' scored values for one item; `None` when nobody gave one.
pub fn item_stats(values: &[u8]) -> Option<ItemStats> {
    let mut v = values.to_vec();
    crate::model::sort_small_by(&mut v, |a, b| a.cmp(b));
    let (&min, &max) = (v.first()?, v.last()?);
    let n = v.len();
    let median = median_sorted(&v);
    let (q1, q3) = if n == 1 {
        (median, median)
    } else {
        (
            median_sorted(&v[..n / 2]),
            median_sorted(&v[n.div_ceil(2)..]),
        )
    };
    Some(ItemStats::new(n, (min, max), (q1, median, q3)))
}
