//! Workshop merge: participants' files and a show of hands give one merged view, with the
//! statistics framework.md defines, and a prudent consensus.

#![cfg(not(target_arch = "wasm32"))]

mod common;
use std::rc::Rc;

use autodiag37101::content::{area_index, N_AREAS};
use autodiag37101::i18n::Lang;
use autodiag37101::model::*;
use autodiag37101::scoring::item_stats;
use autodiag37101::state::{Action, State, WorkshopSession};
use autodiag37101::steps::Step;
use autodiag37101::workshop::{Counts, Item, Workshop, MAX_COUNT};
use common::*;
use proptest::prelude::*;
use yew::Reducible;

/// A participant who put every area at `levels[i]` (None: unanswered) and governance's purpose
/// priority (attractiveness) at `p`.
fn participant(name: &str, levels: [Option<u8>; N_AREAS], p: Option<Priority>) -> Assessment {
    let mut a = blank(Mode::Quick);
    a.community.name = name.into();
    for (area, l) in a.areas.iter_mut().zip(levels) {
        area.level = l.and_then(level);
    }
    a.purposes[0].priority = p;
    a
}

fn gov() -> Item {
    Item::Area(area_index("governance").unwrap())
}

#[test]
fn files_are_counted_per_item_and_value() {
    let mut a = participant("Saint-Exemple", [Some(1); N_AREAS], Some(Priority::High));
    let mut b = participant("Saint-Exemple", [Some(3); N_AREAS], Some(Priority::Low));
    let c = participant("saint exemple", [Some(2); N_AREAS], None);
    // Not levels: left out of the counts.
    area(&mut a, "mobility").level = Some(Answer::Na);
    area(&mut b, "mobility").level = Some(Answer::Unknown);
    area(&mut a, "health").in_scope = false;
    let w = Workshop::merge([&a, &b, &c]);
    assert_eq!(w.files, 3);
    assert_eq!(
        w.community, "Saint-Exemple",
        "the name most participants gave"
    );
    assert_eq!(*w.counts(gov()), Counts([0, 1, 1, 1, 0]));
    assert_eq!(
        w.counts(Item::Area(area_index("mobility").unwrap()))
            .total(),
        1
    );
    assert_eq!(
        w.counts(Item::Area(area_index("health").unwrap())).total(),
        2
    );
    assert_eq!(*w.counts(Item::Purpose(0)), Counts([0, 1, 0, 1, 0]));
    assert!(!w.full);
    assert_eq!(w.items().len(), 18, "no clause items in a quick workshop");
    assert_eq!(w.people(), 3);
}

#[test]
fn disagreements_are_items_two_levels_apart_widest_first() {
    let mut levels = [Some(2); N_AREAS];
    levels[0] = Some(0); // governance: 0, 2, 4 → spread 4
    let a = participant("x", levels, Some(Priority::Low));
    let mut levels = [Some(2); N_AREAS];
    levels[0] = Some(4);
    levels[5] = Some(3); // culture: 2, 3, 4 → spread 2
    let b = participant("x", levels, Some(Priority::Medium));
    let mut levels = [Some(2); N_AREAS];
    levels[5] = Some(4);
    levels[7] = Some(3); // economy: 2, 2, 3 → spread 1, agreed
    let c = participant("x", levels, Some(Priority::Medium));
    let w = Workshop::merge([&a, &b, &c]);
    let discuss: Vec<Item> = w.to_discuss().into_iter().map(|(i, _)| i).collect();
    assert_eq!(discuss, vec![Item::Area(0), Item::Area(5)]);
    let s = w.counts(Item::Area(0)).stats().unwrap();
    assert_eq!((s.min, s.max, s.median), (0, 4, 2.0));
}

#[test]
fn the_consensus_is_the_median_rounded_half_down() {
    let mut levels = [Some(2); N_AREAS];
    levels[1] = None;
    let a = participant("Commune", levels, Some(Priority::Medium));
    let b = participant("Commune", [Some(3); N_AREAS], Some(Priority::High));
    let w = Workshop::merge([&a, &b]);
    let c = w.consensus(
        "c".into(),
        "2026-11-29T10:00:00Z".into(),
        Lang::Fr,
        "Consensus".into(),
    );
    assert_eq!(c.areas[0].level, level(2), "2 and 3: median 2.5, prudent 2");
    assert_eq!(c.areas[1].level, level(3), "one answer: itself");
    assert_eq!(
        c.purposes[0].priority,
        Some(Priority::Medium),
        "medium and high: medium"
    );
    assert_eq!(c.purposes[1].priority, None, "nobody answered");
    assert_eq!(c.mode, Mode::Quick);
    assert_eq!(c.community.name, "Consensus");
}

#[test]
fn full_assessments_bring_the_management_system() {
    let mut a = blank(Mode::Full);
    clause(&mut a, "context").level = level(1);
    let mut b = blank(Mode::Full);
    clause(&mut b, "context").level = level(4);
    let w = Workshop::merge([&a, &b]);
    assert!(w.full);
    assert_eq!(w.items().len(), 25);
    assert_eq!(w.to_discuss().len(), 1);
    let c = w.consensus(
        "c".into(),
        "2026-11-29T10:00:00Z".into(),
        Lang::En,
        "C".into(),
    );
    assert_eq!(c.mode, Mode::Full);
    assert_eq!(c.clauses[0].level, level(2), "1 and 4: 2.5, prudent 2");
}

#[test]
fn a_show_of_hands_gives_the_same_view_as_the_files() {
    let files: Vec<Assessment> = [
        (0, Priority::Low),
        (2, Priority::High),
        (2, Priority::High),
        (4, Priority::Medium),
    ]
    .into_iter()
    .map(|(l, p)| participant("x", [Some(l); N_AREAS], Some(p)))
    .collect();
    let merged = Workshop::merge(&files);
    let mut tally = Workshop::default();
    for i in 0..N_AREAS {
        for (value, people) in [(0, 1), (2, 2), (4, 1)] {
            tally.set_count(Item::Area(i), value, people);
        }
    }
    for (value, people) in [(1, 1), (2, 1), (3, 2)] {
        tally.set_count(Item::Purpose(0), value, people);
    }
    for item in merged.items() {
        assert_eq!(
            merged.counts(item).stats(),
            tally.counts(item).stats(),
            "{item:?}"
        );
    }
    assert_eq!(merged.to_discuss(), tally.to_discuss());
}

#[test]
fn tally_counts_stay_on_the_item_scale_and_bounded() {
    let mut w = Workshop::default();
    w.set_count(Item::Purpose(0), 0, 5);
    w.set_count(Item::Purpose(0), 4, 5);
    w.set_count(Item::Area(99), 1, 5);
    assert_eq!(w.counts(Item::Purpose(0)).total(), 0);
    w.set_count(Item::Area(0), 2, u32::MAX);
    assert_eq!(w.counts(Item::Area(0)).0[2], MAX_COUNT);
}

#[test]
fn the_reducer_opens_counts_and_saves_the_consensus() {
    let a = participant("Commune", [Some(1); N_AREAS], None);
    let b = participant("Commune", [Some(4); N_AREAS], None);
    let state = Rc::new(State::new(Lang::Fr, false, None)).reduce(Action::Workshop(Box::new(
        WorkshopSession {
            merged: Workshop::merge([&a, &b]),
            ..Default::default()
        },
    )));
    assert!(state.workshop.is_some() && state.current.is_none());
    let state = state.reduce(Action::WorkshopCount {
        item: Item::Area(0),
        value: 4,
        people: 3,
    });
    assert_eq!(
        state.workshop.as_ref().unwrap().merged.areas[0],
        Counts([0, 1, 0, 0, 3]),
        "3 hands for 4, in place of 1"
    );
    let generation = state.generation;
    let state = state.reduce(Action::WorkshopConsensus {
        id: "consensus".into(),
        now: "2026-11-29T10:00:00Z".into(),
        name: "Commune – consensus".into(),
    });
    assert!(state.workshop.is_none());
    assert_eq!(state.current.as_deref(), Some("consensus"));
    assert_eq!(state.step, Some(Step::Review));
    assert!(state.generation > generation, "saved");
    let c = state.open().unwrap();
    assert_eq!(c.areas[0].level, level(4), "1, 4, 4, 4");
    assert_eq!(c.areas[1].level, level(2), "1 and 4: 2.5, prudent 2");
}

proptest! {
    /// Counting then computing gives what computing over the raw values gives.
    #[test]
    fn merged_statistics_equal_those_of_the_raw_values(values in proptest::collection::vec(0u8..=4, 0..60)) {
        let files: Vec<Assessment> = values
            .iter()
            .map(|&v| participant("x", [Some(v); N_AREAS], None))
            .collect();
        let w = Workshop::merge(&files);
        prop_assert_eq!(w.counts(Item::Area(3)).stats(), item_stats(&values));
    }
}

/// The values the counts stand for, in ascending order: the slow route the counts route replaces.
fn expanded(c: &Counts) -> Vec<u8> {
    (0u8..5)
        .flat_map(|v| std::iter::repeat_n(v, c.0[usize::from(v)] as usize))
        .collect()
}

proptest! {
    /// Statistics read from the counts equal those of the expanded values, for small counts (every
    /// parity and empty value) and large ones (a big room's show of hands).
    #[test]
    fn statistics_from_counts_equal_those_of_the_expanded_values(
        small in proptest::array::uniform5(0u32..4),
        large in proptest::array::uniform5(0u32..=5_000),
        pick in any::<bool>(),
    ) {
        let c = Counts(if pick { small } else { large });
        prop_assert_eq!(c.stats(), item_stats(&expanded(&c)));
    }
}

#[test]
fn statistics_from_counts_match_worked_examples() {
    for counts in [
        [0, 0, 0, 0, 0],
        [1, 0, 0, 0, 0],
        [0, 0, 0, 0, 1],
        [1, 0, 0, 0, 1],
        [0, 1, 2, 0, 0],
        [1, 0, 2, 0, 1],
        [MAX_COUNT; 5],
        [MAX_COUNT, 0, 0, 0, 1],
    ] {
        let c = Counts(counts);
        assert_eq!(c.stats(), item_stats(&expanded(&c)), "{counts:?}");
    }
}
