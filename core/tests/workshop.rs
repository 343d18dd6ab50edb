//! Workshop merge: participants' files and a show of hands give one merged view, with the
//! statistics `docs/spec/scoring.md` § Workshop statistics defines, and a prudent consensus.

#![cfg(not(target_arch = "wasm32"))]

mod common;
use std::rc::Rc;

use autodiag_core::content::{area_index, requirement_index, N_AREAS, N_REQUIREMENTS};
use autodiag_core::i18n::Lang;
use autodiag_core::model::*;
use autodiag_core::scoring::item_stats;
use autodiag_core::state::{Action, State, WorkshopSession};
use autodiag_core::steps::Step;
use autodiag_core::workshop::{Counts, Item, Merging, Workshop, MAX_COUNT};

/// A full-mode participant who answered requirement `id` with `met` (None: unanswered).
fn answering(id: &str, met: Option<Met>) -> Assessment {
    let mut a = blank(Mode::Full);
    a.requirements[requirement_index(id).unwrap()].met = met;
    a
}

fn req(id: &str) -> Item {
    Item::Requirement(requirement_index(id).unwrap())
}

/// The merged statistics of requirement `id` over participants answering `answers`.
fn merged(id: &str, answers: &[Option<Met>]) -> Workshop {
    let files: Vec<Assessment> = answers.iter().map(|&m| answering(id, m)).collect();
    Workshop::merge(&files)
}
use common::*;
use proptest::prelude::*;

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
    assert_eq!(w.items(), w.tally_items());
    assert_eq!(w.people(), 3);
}

/// `Merging`, one file at a time, over `files`.
fn merged_one_at_a_time(files: &[Assessment]) -> Workshop {
    let mut m = Merging::default();
    for a in files {
        m.add(a);
    }
    m.finish()
}

#[test]
fn merging_one_file_at_a_time_gives_the_same_workshop() {
    let mut files = Vec::new();
    for (i, name) in ["Bourg", " Aval ", "Aval", "Bourg", "Cime", "Cime", "Cime"]
        .into_iter()
        .enumerate()
    {
        let mut a = participant(name, [Some((i % 5) as u8); N_AREAS], Some(Priority::Medium));
        if i % 2 == 0 {
            a.mode = Mode::Full;
            a.clauses[0].level = level(i as u8 % 5);
            a.requirements[0].met = Some(Met::Partly);
        }
        files.push(a);
    }
    // Each prefix: no name yet, one, a tie (the first met wins: Bourg before Aval, names
    // trimmed), then the most named (Cime).
    for n in 0..=files.len() {
        let w = merged_one_at_a_time(&files[..n]);
        assert_eq!(w, Workshop::merge(&files[..n]), "{n} files");
    }
    assert_eq!(merged_one_at_a_time(&files[..4]).community, "Bourg");
    assert_eq!(merged_one_at_a_time(&files[1..3]).community, "Aval");
    assert_eq!(merged_one_at_a_time(&files).community, "Cime");
    assert_eq!(merged_one_at_a_time(&[]).community, "");
}

#[test]
fn merging_twenty_thousand_names_each_given_once() {
    // The command line's worst case, small: every name once (the map counts them in linear time;
    // `cli/tests/bench.rs` times 100,000). The first met wins the 20,000-way tie.
    let mut m = Merging::default();
    let mut a = participant("x", [Some(2); N_AREAS], None);
    for i in 0..20_000 {
        a.community.name = format!("Commune n° {i}");
        m.add(&a);
    }
    let w = m.finish();
    assert_eq!((w.files, w.community.as_str()), (20_000, "Commune n° 0"));
    assert_eq!(w.stats(gov()).map(|s| s.count), Some(20_000));
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
    assert_eq!(w.tally_items().len(), 25);
    assert_eq!(
        w.items().len(),
        25 + N_REQUIREMENTS,
        "and the checklist, after the clauses"
    );
    assert_eq!(w.items()[..25], w.tally_items()[..]);
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

// --- The requirements checklist (content version 2) -----------------------------------------------

#[test]
fn requirements_count_no_partly_yes_as_0_1_2_and_leave_the_rest_out() {
    use Met::*;
    let w = merged(
        "context.scope",
        &[
            Some(Yes),
            Some(Yes),
            Some(Partly),
            Some(No),
            Some(Na),
            Some(Unknown),
            None,
        ],
    );
    assert_eq!(w.files, 7);
    assert_eq!(*w.counts(req("context.scope")), Counts([1, 1, 2, 0, 0]));
    assert_eq!(w.counts(req("context.scope")).total(), 4);
    assert_eq!(
        w.counts(req("context.issues")).total(),
        0,
        "nobody answered"
    );
    assert_eq!(w.stats(req("context.issues")), None);
    let s = w.stats(req("context.scope")).unwrap();
    // 0, 1, 2, 2: median 1.5, range 0–2, quartiles 0.5 and 2.
    assert_eq!((s.count, s.min, s.max), (4, 0, 2));
    assert_eq!((s.q1, s.median, s.q3), (0.5, 1.5, 2.0));
}

#[test]
fn requirement_medians_and_ranges_follow_the_level_rules_on_0_to_2() {
    use Met::*;
    for (answers, median, (min, max)) in [
        (vec![Some(Yes)], 2.0, (2, 2)),
        (vec![Some(Yes), Some(Yes), Some(Partly)], 2.0, (1, 2)),
        (vec![Some(No), Some(Partly)], 0.5, (0, 1)),
        (vec![Some(Partly), Some(Yes)], 1.5, (1, 2)),
        (vec![Some(No), Some(Partly), Some(Yes)], 1.0, (0, 2)),
    ] {
        let w = merged("leadership.policy", &answers);
        let s = w.stats(req("leadership.policy")).unwrap();
        assert_eq!((s.median, s.min, s.max), (median, min, max), "{answers:?}");
        let values: Vec<u8> = answers
            .iter()
            .flatten()
            .filter_map(|m| m.halves())
            .collect();
        assert_eq!(
            Some(s),
            item_stats(&values).map(|s| s.of_requirement()),
            "the same figures as over the raw values"
        );
    }
}

#[test]
fn a_requirement_is_to_discuss_when_both_yes_and_no_were_given() {
    use Met::*;
    let id = "planning.risks";
    for (answers, disagree) in [
        (vec![Some(Yes), Some(No)], true),
        (vec![Some(Yes), Some(Partly), Some(No)], true),
        (vec![Some(Yes), Some(Yes), Some(Yes), Some(No)], true),
        (vec![Some(Yes), Some(Partly)], false),
        (vec![Some(Partly), Some(No)], false),
        (vec![Some(Yes), Some(Yes)], false),
        (vec![Some(Yes), Some(Na), Some(Unknown)], false),
    ] {
        let w = merged(id, &answers);
        let s = w.stats(req(id)).unwrap();
        assert_eq!(s.disagreement, disagree, "{answers:?}");
        let listed = w.to_discuss().iter().any(|(i, _)| *i == req(id));
        assert_eq!(listed, disagree, "{answers:?}");
    }
}

#[test]
fn requirements_and_levels_are_discussed_together_widest_spread_first() {
    let mut a = answering("support.resources", Some(Met::Yes));
    let mut b = answering("support.resources", Some(Met::No));
    clause(&mut a, "context").level = level(0);
    clause(&mut b, "context").level = level(4);
    area(&mut a, "governance").level = level(1);
    area(&mut b, "governance").level = level(3);
    let w = Workshop::merge([&a, &b]);
    let discuss: Vec<Item> = w.to_discuss().into_iter().map(|(i, _)| i).collect();
    assert_eq!(
        discuss,
        vec![Item::Clause(0), gov(), req("support.resources")],
        "spread 4, then 2 (the area before the requirement, in the standard's order)"
    );
}

#[test]
fn the_requirement_consensus_is_the_median_rounded_down_to_an_answer() {
    use Met::*;
    let files: Vec<Assessment> = [
        [Some(No), Some(Partly), Some(Yes), Some(Na), Some(Yes)],
        [Some(Partly), Some(Yes), Some(Yes), Some(Unknown), Some(No)],
    ]
    .into_iter()
    .map(|answers| {
        let mut a = blank(Mode::Full);
        for (id, met) in [
            "context.issues",
            "context.climate",
            "context.parties",
            "context.scope",
            "context.system",
        ]
        .into_iter()
        .zip(answers)
        {
            a.requirements[requirement_index(id).unwrap()].met = met;
        }
        a
    })
    .collect();
    let w = Workshop::merge(&files);
    let c = w.consensus(
        "c".into(),
        "2026-11-29T10:00:00Z".into(),
        Lang::Fr,
        "Consensus".into(),
    );
    let met = |id: &str| c.requirements[requirement_index(id).unwrap()].met;
    assert_eq!(met("context.issues"), Some(No), "no and partly: 0.5 → no");
    assert_eq!(
        met("context.climate"),
        Some(Partly),
        "partly and yes: 1.5 → partly"
    );
    assert_eq!(met("context.parties"), Some(Yes));
    assert_eq!(met("context.scope"), None, "n/a and don't know: no answer");
    assert_eq!(
        met("context.system"),
        Some(Partly),
        "yes and no: 1 → partly"
    );
    assert_eq!(met("context.purposes"), None, "nobody answered");
    assert!(c.requirements.iter().all(|r| r.evidence.is_empty()));
}

#[test]
fn quick_files_bring_nothing_to_the_checklist() {
    // A quick assessment may hold requirement answers from when it was full: not asked now.
    let mut quick = answering("context.climate", Some(Met::No));
    quick.mode = Mode::Quick;
    let full = answering("context.climate", Some(Met::Yes));
    let w = Workshop::merge([&quick, &full]);
    assert_eq!(*w.counts(req("context.climate")), Counts([0, 0, 1, 0, 0]));
    assert!(!w.stats(req("context.climate")).unwrap().disagreement);

    let only_quick = Workshop::merge([&quick, &quick.clone()]);
    assert!(!only_quick.full);
    assert!(only_quick.requirements.iter().all(|c| c.total() == 0));
    assert!(only_quick
        .items()
        .iter()
        .all(|i| !matches!(i, Item::Requirement(_))));
    let c = only_quick.consensus(
        "c".into(),
        "2026-11-29T10:00:00Z".into(),
        Lang::Fr,
        "C".into(),
    );
    assert!(c
        .requirements
        .iter()
        .all(|r| *r == RequirementAnswer::default()));
}

#[test]
fn a_show_of_hands_stays_with_levels_and_priorities() {
    let w = merged("context.climate", &[Some(Met::Yes), Some(Met::No)]);
    let tally = w.tally_items();
    assert_eq!(tally.len(), 25, "priorities, areas, clauses: as before");
    assert!(tally.iter().all(|i| !matches!(i, Item::Requirement(_))));
    let mut counted = w.clone();
    counted.set_count(req("context.climate"), 1, 5);
    counted.set_count(Item::Requirement(0), 0, 5);
    assert_eq!(counted, w, "a requirement is never counted by hand");
    assert_eq!(Workshop::default().tally_items().len(), 18);
}

proptest! {
    /// A requirement's statistics read from the counts equal those of the raw 0–2 values, with the
    /// requirement's disagreement rule.
    #[test]
    fn requirement_statistics_equal_those_of_the_raw_values(values in proptest::collection::vec(0u8..=2, 0..40)) {
        let met = |v: u8| [Met::No, Met::Partly, Met::Yes][usize::from(v)];
        let answers: Vec<Option<Met>> = values.iter().map(|&v| Some(met(v))).collect();
        let w = merged("support.documents", &answers);
        let expected = item_stats(&values).map(|s| s.of_requirement());
        prop_assert_eq!(w.stats(req("support.documents")), expected);
        if let Some(s) = expected {
            prop_assert_eq!(s.disagreement, values.contains(&0) && values.contains(&2));
        }
    }
}
