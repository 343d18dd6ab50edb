//! A workshop: many participants' answers merged into one view, with no server.
//!
//! Each item (a purpose's priority, an area's level, a clause's level, a requirement's answer)
//! keeps how many participants chose each value. Participants' files and a facilitator's show of hands (tally mode) fill the
//! same counts, so both give the same merged view. Statistics are those of `scoring::item_stats`
//! over the values the counts stand for, as `docs/spec/scoring.md` § Workshop statistics defines
//! them, read from the counts.
//!
//! Requirements of the checklist (full-mode files only) count `no`, `partly`, `yes` as 0, 1, 2; a
//! show of hands stays with levels and priorities.

use std::collections::HashMap;

use crate::content::{N_AREAS, N_CLAUSES, N_PURPOSES, N_REQUIREMENTS};
use crate::i18n::Lang;
use crate::model::{Answer, Assessment, Level, Met, Mode, Priority};
use crate::scoring::ItemStats;

/// How many participants chose each value of one item: levels 0–4, priorities low (1),
/// medium (2), high (3), or requirement answers no (0), partly (1), yes (2).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts(pub [u32; 5]);

/// The most participants one item may count: a show of hands in a very large room.
pub const MAX_COUNT: u32 = 100_000;

impl Counts {
    pub fn total(&self) -> u32 {
        self.0.iter().sum()
    }

    /// The merged statistics; `None` when nobody gave a value. The same figures as
    /// `scoring::item_stats` over the values the counts stand for, read straight from the counts:
    /// a show of hands may count up to 500,000 values per item, redrawn on every keystroke.
    pub fn stats(&self) -> Option<ItemStats> {
        let n = u64::from(self.total());
        let min = (0u8..5).find(|&v| self.0[usize::from(v)] > 0)?;
        let max = (0u8..5).rev().find(|&v| self.0[usize::from(v)] > 0)?;
        let median = self.median_of(0, n);
        let (q1, q3) = if n == 1 {
            (median, median)
        } else {
            (
                self.median_of(0, n / 2),
                self.median_of(n.div_ceil(2), n / 2),
            )
        };
        let count = usize::try_from(n).unwrap_or(usize::MAX);
        Some(ItemStats::new(count, (min, max), (q1, median, q3)))
    }

    /// The value at position `k` (from 0) of the values in ascending order.
    fn nth(&self, k: u64) -> u8 {
        let mut below = 0u64;
        for v in 0u8..5 {
            below += u64::from(self.0[usize::from(v)]);
            if k < below {
                return v;
            }
        }
        4
    }

    /// The median of the `len` sorted values from position `start`.
    fn median_of(&self, start: u64, len: u64) -> f64 {
        let mid = start + len / 2;
        if len % 2 == 1 {
            f64::from(self.nth(mid))
        } else {
            (f64::from(self.nth(mid - 1)) + f64::from(self.nth(mid))) / 2.0
        }
    }
}

/// One item of the merged view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Item {
    Purpose(usize),
    Area(usize),
    Clause(usize),
    /// A requirement of the checklist, by index in `REQUIREMENTS`.
    Requirement(usize),
}

impl Item {
    /// The kind of item, as the other tables name it.
    pub fn section(self) -> crate::model::Section {
        use crate::model::Section;
        match self {
            Item::Purpose(_) => Section::Purpose,
            Item::Area(_) => Section::Area,
            Item::Clause(_) => Section::Clause,
            Item::Requirement(_) => Section::Requirement,
        }
    }

    /// The values a participant may give: priorities 1–3, levels 0–4, requirement answers 0–2.
    pub fn values(self) -> std::ops::RangeInclusive<u8> {
        match self {
            Item::Purpose(_) => 1..=3,
            Item::Area(_) | Item::Clause(_) => 0..=4,
            Item::Requirement(_) => 0..=2,
        }
    }
}

/// A requirement answer on the workshop's 0–2 scale: no 0, partly 1, yes 2.
pub fn met_value(met: Met) -> Option<u8> {
    met.halves()
}

/// The requirement answer a value of the 0–2 scale stands for.
pub fn met_of_value(v: u8) -> Option<Met> {
    match v {
        0 => Some(Met::No),
        1 => Some(Met::Partly),
        2 => Some(Met::Yes),
        _ => None,
    }
}

/// The merged answers of a workshop.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Workshop {
    /// Participants' files merged (0 in tally mode).
    pub files: usize,
    /// Whether any participant answered the management system (a full assessment).
    pub full: bool,
    pub purposes: [Counts; N_PURPOSES],
    pub areas: [Counts; N_AREAS],
    pub clauses: [Counts; N_CLAUSES],
    /// The checklist, in `REQUIREMENTS` order: full-mode files only, never a show of hands.
    pub requirements: [Counts; N_REQUIREMENTS],
    /// The community named by most participants, for the consensus assessment.
    pub community: String,
}

impl Workshop {
    /// Merges participants' assessments. Out-of-scope areas, "n/a" and "don't know" are left out
    /// of the counts: they are no level; so are requirements answered "n/a" or "don't know".
    ///
    /// Community names are counted in a list, searched for each file: the browser merges at
    /// most `files::MAX_WORKSHOP_FILES`, and a map would add its code to the wasm. Any number of
    /// files merges in linear time with `Merging`, which gives the same workshop.
    pub fn merge<'a>(participants: impl IntoIterator<Item = &'a Assessment>) -> Workshop {
        let mut w = Workshop::default();
        let mut names: Vec<(&str, usize)> = Vec::new();
        for a in participants {
            w.add_answers(a);
            let name = a.community.name.trim();
            match names.iter_mut().find(|(n, _)| *n == name) {
                Some((_, k)) => *k += 1,
                None => names.push((name, 1)),
            }
        }
        // Most named first; the first met wins a tie.
        let mut best: Option<(&str, usize)> = None;
        for &(n, k) in &names {
            if best.is_none_or(|(_, b)| k > b) {
                best = Some((n, k));
            }
        }
        w.community = best.map(|(n, _)| n.to_string()).unwrap_or_default();
        w
    }

    /// Counts one participant's answers (not the community's name, which `merge` and
    /// `Merging` count each their own way).
    fn add_answers(&mut self, a: &Assessment) {
        self.files += 1;
        self.full |= a.mode == Mode::Full;
        for (c, p) in self.purposes.iter_mut().zip(&a.purposes) {
            if let Some(priority) = p.priority {
                c.0[priority.weight() as usize] += 1;
            }
        }
        for (c, area) in self.areas.iter_mut().zip(&a.areas) {
            if let Some(l) = area.in_scope.then_some(area.level).flatten() {
                count(c, l);
            }
        }
        if a.mode == Mode::Full {
            for (c, clause) in self.clauses.iter_mut().zip(&a.clauses) {
                if let Some(l) = clause.level {
                    count(c, l);
                }
            }
            for (c, r) in self.requirements.iter_mut().zip(&a.requirements) {
                if let Some(v) = r.met.and_then(met_value) {
                    c.0[usize::from(v)] += 1;
                }
            }
        }
    }

    pub fn counts(&self, item: Item) -> &Counts {
        match item {
            Item::Purpose(i) => &self.purposes[i],
            Item::Area(i) => &self.areas[i],
            Item::Clause(i) => &self.clauses[i],
            Item::Requirement(i) => &self.requirements[i],
        }
    }

    /// The merged statistics of one item; `None` when nobody gave a value. A requirement's
    /// disagreement is its own rule (`ItemStats::of_requirement`).
    pub fn stats(&self, item: Item) -> Option<ItemStats> {
        let s = self.counts(item).stats()?;
        Some(match item {
            Item::Requirement(_) => s.of_requirement(),
            Item::Purpose(_) | Item::Area(_) | Item::Clause(_) => s,
        })
    }

    /// Sets how many people chose `value` for `item` (tally mode). Values outside the item's
    /// scale are ignored, and so are requirements (a show of hands counts levels and priorities
    /// only); counts are capped at `MAX_COUNT`.
    pub fn set_count(&mut self, item: Item, value: u8, people: u32) {
        if !item.values().contains(&value) {
            return;
        }
        let c = match item {
            Item::Purpose(i) => self.purposes.get_mut(i),
            Item::Area(i) => self.areas.get_mut(i),
            Item::Clause(i) => self.clauses.get_mut(i),
            Item::Requirement(_) => None,
        };
        if let Some(c) = c {
            c.0[usize::from(value)] = people.min(MAX_COUNT);
        }
    }

    /// Every item of the merged view, in the standard's order: purposes, areas, then when asked
    /// the clauses and the requirements of the checklist.
    pub fn items(&self) -> Vec<Item> {
        let mut items = self.tally_items();
        if self.full {
            items.extend((0..N_REQUIREMENTS).map(Item::Requirement));
        }
        items
    }

    /// The items a show of hands counts: purposes, areas, then clauses when asked; never
    /// requirements.
    pub fn tally_items(&self) -> Vec<Item> {
        let mut items: Vec<Item> = (0..N_PURPOSES).map(Item::Purpose).collect();
        items.extend((0..N_AREAS).map(Item::Area));
        if self.full {
            items.extend((0..N_CLAUSES).map(Item::Clause));
        }
        items
    }

    /// The items to discuss: those where participants disagree, widest spread first (ties in the
    /// standard's order).
    pub fn to_discuss(&self) -> Vec<(Item, ItemStats)> {
        let mut found: Vec<(Item, ItemStats)> = self
            .items()
            .into_iter()
            .filter_map(|i| Some((i, self.stats(i)?)))
            .filter(|(_, s)| s.disagreement)
            .collect();
        crate::model::sort_small_by(&mut found, |a, b| {
            (b.1.max - b.1.min).cmp(&(a.1.max - a.1.min))
        });
        found
    }

    /// The largest number of answers any item got: how many people took part, at least.
    pub fn people(&self) -> u32 {
        self.items()
            .into_iter()
            .map(|i| self.counts(i).total())
            .max()
            .unwrap_or(0)
    }

    /// The suggested consensus as a new assessment, for the facilitator to adjust: each item at
    /// its median rounded half down (the prudent side); items nobody answered stay unanswered.
    pub fn consensus(&self, id: String, now: String, language: Lang, name: String) -> Assessment {
        let mode = if self.full { Mode::Full } else { Mode::Quick };
        let mut a = Assessment::new(id, now, language, mode, name);
        for (p, c) in a.purposes.iter_mut().zip(&self.purposes) {
            p.priority = c.stats().and_then(|s| match s.consensus {
                1 => Some(Priority::Low),
                2 => Some(Priority::Medium),
                3 => Some(Priority::High),
                _ => None,
            });
        }
        for (area, c) in a.areas.iter_mut().zip(&self.areas) {
            area.level = c
                .stats()
                .and_then(|s| Level::new(s.consensus))
                .map(Answer::Level);
        }
        if self.full {
            for (clause, c) in a.clauses.iter_mut().zip(&self.clauses) {
                clause.level = c
                    .stats()
                    .and_then(|s| Level::new(s.consensus))
                    .map(Answer::Level);
            }
            // Half down here too: 0.5 is no, 1.5 partly.
            for (r, c) in a.requirements.iter_mut().zip(&self.requirements) {
                r.met = c.stats().and_then(|s| met_of_value(s.consensus));
            }
        }
        a
    }
}

/// A workshop merged one file at a time: each file is counted and can be dropped, and community
/// names are counted in a map, so time and memory grow linearly with the number of files,
/// whatever their names (the command line merges any number of them). Gives the same
/// `Workshop` as `Workshop::merge` over the same files in the same order.
#[derive(Clone, Debug, Default)]
pub struct Merging {
    workshop: Workshop,
    /// Each trimmed name: how many files gave it, and the position of the first that did (a
    /// tie goes to the name met first, as in `Workshop::merge`).
    names: HashMap<String, (usize, usize)>,
}

impl Merging {
    pub fn add(&mut self, a: &Assessment) {
        let first = self.workshop.files;
        self.workshop.add_answers(a);
        let name = a.community.name.trim();
        match self.names.get_mut(name) {
            Some((k, _)) => *k += 1,
            None => {
                self.names.insert(name.to_string(), (1, first));
            }
        }
    }

    /// The merged workshop, its community the name given most (the first met on a tie).
    pub fn finish(self) -> Workshop {
        let mut w = self.workshop;
        w.community = self
            .names
            .into_iter()
            .max_by(|(_, (k1, first1)), (_, (k2, first2))| k1.cmp(k2).then(first2.cmp(first1)))
            .map(|(n, _)| n)
            .unwrap_or_default();
        w
    }
}

fn count(c: &mut Counts, answer: Answer) {
    if let Some(l) = answer.scored() {
        c.0[usize::from(l.get())] += 1;
    }
}
