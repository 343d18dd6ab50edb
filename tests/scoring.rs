//! Scores on hand-computed cases. Contributions are given explicitly where a figure depends on
//! them, so the cases do not move when the default matrix is revised.

#![cfg(not(target_arch = "wasm32"))]

mod common;
use autodiag37101::content::{area_index, Pdca, AREAS};
use autodiag37101::model::*;
use autodiag37101::scoring::*;
use common::*;

fn ids(list: &[usize]) -> Vec<&'static str> {
    list.iter().map(|&a| AREAS[a].id).collect()
}

#[test]
fn a_blank_assessment_has_nothing_computable() {
    let s = compute(&blank(Mode::Quick));
    assert_eq!((s.answered, s.asked), (0, 18));
    assert_eq!(s.completion, 0.0);
    assert_eq!(s.overall, None);
    assert!(s.purposes.iter().all(Option::is_none));
    assert!(s.areas.iter().all(Option::is_none));
    assert!(s.priorities.is_empty());
    assert_eq!(s.management, Management::default());
}

/// governance 2 (target 3), education n/a, innovation unknown, health 4, culture 0,
/// mobility 3 but out of scope; three purpose priorities.
fn partial() -> Assessment {
    let mut a = blank(Mode::Quick);
    let g = area(&mut a, "governance");
    g.level = level(2);
    g.target = Level::new(3);
    g.contributions = contributions([2, 0, 1, 0, 0, 0]);
    area(&mut a, "education").level = Some(Answer::Na);
    area(&mut a, "innovation").level = Some(Answer::Unknown);
    let h = area(&mut a, "health");
    h.level = level(4);
    h.contributions = contributions([1, 0, 1, 0, 0, 0]);
    let c = area(&mut a, "culture");
    c.level = level(0);
    c.contributions = contributions([1, 0, 0, 0, 0, 0]);
    let m = area(&mut a, "mobility");
    m.level = level(3);
    m.in_scope = false;
    m.contributions = contributions([0, 0, 0, 2, 0, 0]);
    priority(&mut a, "attractiveness", Priority::High);
    priority(&mut a, "resilience", Priority::Low);
    priority(&mut a, "cohesion", Priority::Medium);
    a
}

#[test]
fn completion_counts_na_and_unknown_as_answered_and_skips_out_of_scope() {
    let s = compute(&partial());
    // 6 priorities + 11 in-scope areas asked; 3 priorities + 5 area answers given.
    assert_eq!((s.answered, s.asked), (8, 17));
    assert!((s.completion - 8.0 / 17.0).abs() < 1e-12);
}

#[test]
fn overall_is_the_mean_of_scored_in_scope_levels_only() {
    // (2 + 4 + 0) / 3: n/a, unknown and the out-of-scope 3 are left out, never counted as 0.
    assert_eq!(compute(&partial()).overall, Some(2.0));
}

#[test]
fn purpose_scores_weight_levels_by_contribution_and_are_null_without_weight() {
    let s = compute(&partial());
    // attractiveness: (2·2 + 1·4 + 1·0) / (2 + 1 + 1)
    assert_eq!(s.purposes[0], Some(2.0));
    // environment: no scored area contributes
    assert_eq!(s.purposes[1], None);
    // resilience: (1·2 + 1·4) / 2
    assert_eq!(s.purposes[2], Some(3.0));
    // resources: only mobility contributes, and it is out of scope
    assert_eq!(s.purposes[3], None);
    assert_eq!(s.purposes[4], None);
    assert_eq!(s.purposes[5], None);
}

#[test]
fn default_matrix_fills_cells_the_user_left() {
    let mut a = blank(Mode::Quick);
    area(&mut a, "biodiversity").level = level(3);
    area(&mut a, "economy").level = level(1);
    let s = compute(&a);
    let (b, e) = (
        area_index("biodiversity").unwrap(),
        area_index("economy").unwrap(),
    );
    for p in 0..6 {
        let (cb, ce) = (
            AREAS[b].contributions[p] as f64,
            AREAS[e].contributions[p] as f64,
        );
        let expected = (cb + ce > 0.0).then(|| (cb * 3.0 + ce * 1.0) / (cb + ce));
        assert_eq!(s.purposes[p], expected, "purpose {p}");
    }
}

#[test]
fn gaps_use_the_target_or_four() {
    let s = compute(&partial());
    let g = |id| s.areas[area_index(id).unwrap()];
    assert_eq!(g("governance"), Some(AreaScore { level: 2, gap: 1 }));
    assert_eq!(g("health"), Some(AreaScore { level: 4, gap: 0 }));
    assert_eq!(g("culture"), Some(AreaScore { level: 0, gap: 4 }));
    assert_eq!(g("education"), None);
    assert_eq!(g("mobility"), None, "out of scope");
    let mut a = partial();
    area(&mut a, "health").target = Level::new(2);
    let s = compute(&a);
    assert_eq!(
        s.areas[area_index("health").unwrap()],
        Some(AreaScore { level: 4, gap: 0 })
    );
}

#[test]
fn priorities_rank_by_gap_purpose_weights_and_own_priority() {
    // governance: 1 × (2·3 + 1·1)/3 × 2/2 = 7/3; culture: 4 × 3/1 × 2/2 = 12; health has no gap.
    assert_eq!(
        ids(&compute(&partial()).priorities),
        ["culture", "governance"]
    );
}

#[test]
fn an_areas_own_priority_can_lift_it() {
    let mut a = partial();
    // governance: 7/3 × 3/2 = 3.5 < 12, still second; culture low: 12 × 1/2 = 6 > 3.5.
    area(&mut a, "governance").priority = Some(Priority::High);
    area(&mut a, "culture").priority = Some(Priority::Low);
    assert_eq!(ids(&compute(&a).priorities), ["culture", "governance"]);
    area(&mut a, "culture").target = Level::new(1);
    // culture: 1 × 3 × 1/2 = 1.5 < 3.5
    assert_eq!(ids(&compute(&a).priorities), ["governance", "culture"]);
}

#[test]
fn ties_go_to_the_larger_gap_then_the_standards_order() {
    let mut a = blank(Mode::Quick);
    priority(&mut a, "attractiveness", Priority::High);
    // governance: gap 1 × (2·3 + 1·2)/3 × 3/2 = 4
    let g = area(&mut a, "governance");
    g.level = level(3);
    g.priority = Some(Priority::High);
    g.contributions = contributions([2, 1, 0, 0, 0, 0]);
    // education: gap 2 × 2/1 × 2/2 = 4, the larger gap: first
    let e = area(&mut a, "education");
    e.level = level(2);
    e.contributions = contributions([0, 0, 1, 0, 0, 0]);
    // health and culture: identical, rank 4 and gap 2 too: the standard's order decides
    for id in ["culture", "health"] {
        let x = area(&mut a, id);
        x.level = level(2);
        x.contributions = contributions([0, 0, 0, 2, 0, 0]);
    }
    // safety: contributes to nothing: middle factor 1, so 4 × 1 × 2/2 = 4 with gap 4: first
    let s = area(&mut a, "safety");
    s.level = level(0);
    s.contributions = contributions([0; 6]);
    assert_eq!(
        ids(&compute(&a).priorities),
        ["safety", "education", "health", "culture", "governance"]
    );
}

fn with_clauses(mode: Mode) -> Assessment {
    let mut a = blank(mode);
    clause(&mut a, "context").level = level(1);
    clause(&mut a, "leadership").level = level(3);
    clause(&mut a, "planning").level = Some(Answer::Na);
    clause(&mut a, "support").level = Some(Answer::Unknown);
    clause(&mut a, "operation").level = level(2);
    clause(&mut a, "improvement").level = level(4);
    a
}

#[test]
fn management_overall_is_the_mean_of_clauses_not_of_phases() {
    let s = compute(&with_clauses(Mode::Full));
    assert_eq!(s.management.overall, Some(2.5)); // (1 + 3 + 2 + 4) / 4
    assert_eq!(s.management.phase(Pdca::Plan), Some(2.0)); // context 1, leadership 3: (1 + 3) / 2
    assert_eq!(s.management.phase(Pdca::Do), Some(2.0)); // operation 2; support unknown, unscored
    assert_eq!(s.management.phase(Pdca::Check), None); // evaluation unanswered
    assert_eq!(s.management.phase(Pdca::Act), Some(4.0));
    // The mean of the phases would be (2 + 2 + 4) / 3 = 2.67: a different figure.
    assert_eq!((s.answered, s.asked), (6, 25));
}

#[test]
fn support_is_scored_in_the_do_phase_not_in_plan() {
    let mut a = with_clauses(Mode::Full);
    clause(&mut a, "support").level = level(4);
    let s = compute(&a);
    // Plan is context 1 and leadership 3 (planning n/a): support does not move it.
    assert_eq!(s.management.phase(Pdca::Plan), Some(2.0));
    // Do is support 4 and operation 2: (4 + 2) / 2.
    assert_eq!(s.management.phase(Pdca::Do), Some(3.0));
    // Overall, the mean of the five scored clauses: (1 + 3 + 4 + 2 + 4) / 5 = 14 / 5.
    assert_eq!(s.management.overall, Some(2.8));
    assert_eq!((s.answered, s.asked), (6, 25));
}

#[test]
fn quick_mode_neither_asks_nor_scores_clauses() {
    let s = compute(&with_clauses(Mode::Quick));
    assert_eq!(s.management, Management::default());
    assert_eq!((s.answered, s.asked), (0, 18));
}

#[test]
fn unknown_answers_are_listed_as_things_to_find_out() {
    let mut a = with_clauses(Mode::Full);
    area(&mut a, "innovation").level = Some(Answer::Unknown);
    let m = area(&mut a, "mobility");
    m.level = Some(Answer::Unknown);
    m.in_scope = false;
    let u = unknowns(&a);
    assert_eq!(u, [(Section::Area, 2), (Section::Clause, 3)]);
}

#[test]
fn workshop_statistics() {
    let s = item_stats(&[4, 1, 3, 2]).unwrap();
    assert_eq!((s.count, s.min, s.max), (4, 1, 4));
    assert_eq!((s.median, s.q1, s.q3, s.iqr()), (2.5, 1.5, 3.5, 2.0));
    assert!(s.disagreement);
    assert_eq!(s.consensus, 2, "2.5 rounds half down");

    let s = item_stats(&[2, 3, 2]).unwrap();
    assert_eq!((s.median, s.q1, s.q3), (2.0, 2.0, 3.0));
    assert!(!s.disagreement, "one level apart is not a disagreement");
    assert_eq!(s.consensus, 2);

    let s = item_stats(&[1, 3, 3, 3, 4]).unwrap();
    assert_eq!((s.median, s.q1, s.q3), (3.0, 2.0, 3.5));

    let s = item_stats(&[0, 2]).unwrap();
    assert_eq!((s.median, s.consensus), (1.0, 1));
    assert!(s.disagreement, "two levels apart is a disagreement");

    let s = item_stats(&[3]).unwrap();
    assert_eq!((s.median, s.q1, s.q3, s.min, s.max), (3.0, 3.0, 3.0, 3, 3));
    assert_eq!(item_stats(&[]), None);
    assert_eq!(item_stats(&[3, 4]).unwrap().consensus, 3);
}

#[test]
fn the_small_sort_is_stable_and_sorts() {
    let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e')];
    sort_small_by(&mut v, |x, y| x.0.cmp(&y.0));
    assert_eq!(v, [(0, 'd'), (1, 'b'), (1, 'e'), (3, 'a'), (3, 'c')]);
}
