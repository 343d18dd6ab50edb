//! Scores on hand-computed cases. Contributions are given explicitly where a figure depends on
//! them, so the cases do not move when the default matrix is revised.

#![cfg(not(target_arch = "wasm32"))]

mod common;
use autodiag_core::content::{
    area_index, clause_index, requirement_index, Pdca, AREAS, CLAUSES, REQUIREMENTS,
};
use autodiag_core::format::export;
use autodiag_core::model::*;
use autodiag_core::scoring::*;
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

fn score(level: u8, target: Option<u8>) -> Option<AreaScore> {
    Some(AreaScore {
        level,
        target,
        gap: target.map(|t| t.saturating_sub(level)),
    })
}

#[test]
fn a_gap_is_measured_only_against_a_target_someone_set() {
    let s = compute(&partial());
    let g = |id| s.areas[area_index(id).unwrap()];
    assert_eq!(g("governance"), score(2, Some(3)));
    assert_eq!(g("governance").unwrap().gap, Some(1));
    // No target: no gap, and the next level is what to aim at.
    assert_eq!(g("health"), score(4, None));
    assert_eq!(g("culture"), score(0, None));
    assert_eq!(g("culture").unwrap().gap, None);
    assert_eq!(g("culture").unwrap().aim(), Some(1));
    assert_eq!(g("health").unwrap().aim(), None, "nothing above 4");
    assert_eq!(g("education"), None);
    assert_eq!(g("mobility"), None, "out of scope");
    let mut a = partial();
    area(&mut a, "health").target = Level::new(2);
    let s = compute(&a);
    let health = s.areas[area_index("health").unwrap()].unwrap();
    assert_eq!(health.gap, Some(0), "a target below the level");
    assert_eq!(health.step(), 0);
}

#[test]
fn priorities_rank_by_gap_purpose_weights_and_own_priority() {
    // governance (target 3): gap 1 × (2·3 + 1·1)/3 × 2/2 = 7/3; culture (no target): the next
    // level, 1 × 3/1 × 2/2 = 3; health is at 4, with no target: nothing to suggest.
    assert_eq!(
        ids(&compute(&partial()).priorities),
        ["culture", "governance"]
    );
}

#[test]
fn an_areas_own_priority_can_lift_it() {
    let mut a = partial();
    // governance high: 7/3 × 3/2 = 3.5 > culture's 3.
    area(&mut a, "governance").priority = Some(Priority::High);
    assert_eq!(ids(&compute(&a).priorities), ["governance", "culture"]);
    // culture high too: 3 × 3/2 = 4.5 > 3.5.
    area(&mut a, "culture").priority = Some(Priority::High);
    assert_eq!(ids(&compute(&a).priorities), ["culture", "governance"]);
    // A target of 4 for culture: gap 4 × 3 × 3/2 = 18.
    area(&mut a, "culture").target = Level::new(4);
    area(&mut a, "culture").priority = Some(Priority::Low);
    // culture low: 4 × 3 × 1/2 = 6 > 3.5
    assert_eq!(ids(&compute(&a).priorities), ["culture", "governance"]);
}

#[test]
fn ties_go_to_the_larger_gap_then_the_standards_order() {
    let mut a = blank(Mode::Quick);
    for x in a.areas.iter_mut() {
        x.target = Level::new(4);
    }
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
    // 6 + 12 + 7 clauses + 27 requirements + 12 holders.
    assert_eq!((s.answered, s.asked), (6, 64));
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
    // 6 + 12 + 7 clauses + 27 requirements + 12 holders.
    assert_eq!((s.answered, s.asked), (6, 64));
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

// --- The requirements checklist (content version 2) ----------------------------------------------

fn answer_requirements(a: &mut Assessment, answers: &[(&str, Met)]) {
    for (id, met) in answers {
        let r = requirement_index(id).unwrap_or_else(|| panic!("{id}"));
        a.requirements[r].met = Some(*met);
    }
}

fn requirement_ids(list: &[usize]) -> Vec<&'static str> {
    list.iter().map(|&r| REQUIREMENTS[r].id).collect()
}

fn clause_share(r: &Requirements, id: &str) -> Option<f64> {
    r.clauses[clause_index(id).unwrap()].share()
}

/// 3 yes, 2 partly, 1 no, 1 unknown, 1 n/a over two clauses; the rest unanswered.
fn mixed(mode: Mode) -> Assessment {
    let mut a = blank(mode);
    answer_requirements(
        &mut a,
        &[
            // Given out of the standard's order on purpose.
            ("leadership.roles", Met::Na),
            ("leadership.policy", Met::Partly),
            ("leadership.commitment", Met::Yes),
            ("context.system", Met::Unknown),
            ("context.scope", Met::No),
            ("context.parties", Met::Partly),
            ("context.climate", Met::Yes),
            ("context.issues", Met::Yes),
        ],
    );
    a
}

#[test]
fn requirement_answers_score_yes_one_partly_half_no_zero() {
    assert_eq!(Met::Yes.halves(), Some(2));
    assert_eq!(Met::Partly.halves(), Some(1));
    assert_eq!(Met::No.halves(), Some(0));
    assert_eq!(Met::Na.halves(), None);
    assert_eq!(Met::Unknown.halves(), None);
}

#[test]
fn mixed_requirements_count_partly_as_half_and_leave_out_na_and_unknown() {
    let r = compute(&mixed(Mode::Full)).requirements;
    assert_eq!(r, requirements(&mixed(Mode::Full)));
    // (3 × 1 + 2 × ½ + 1 × 0) / 6 scored = (6 + 2) / 12.
    assert_eq!(r.overall.share(), Some(8.0 / 12.0));
    assert_eq!(
        r.overall,
        MetCounts {
            yes: 3,
            partly: 2,
            no: 1,
            na: 1,
            unknown: 1,
            asked: REQUIREMENTS.len(),
            // No evidence given: nothing is documented, the n/a gives no reason.
            yes_documented: 0,
            partly_documented: 0,
            na_unexplained: 1,
        }
    );
    assert_eq!(r.overall.answered(), 8);
    // context: (2 + ½ + 0) / 4; leadership: (1 + ½) / 2, n/a left out.
    assert_eq!(clause_share(&r, "context"), Some(2.5 / 4.0));
    assert_eq!(clause_share(&r, "leadership"), Some(0.75));
    let context = r.clauses[clause_index("context").unwrap()];
    assert_eq!(
        (
            context.yes,
            context.partly,
            context.no,
            context.unknown,
            context.na
        ),
        (2, 1, 1, 1, 0)
    );
    assert_eq!((context.answered(), context.asked), (5, 6));
    for id in [
        "planning",
        "support",
        "operation",
        "evaluation",
        "improvement",
    ] {
        assert_eq!(clause_share(&r, id), None, "{id}: nothing answered");
    }
    assert_eq!(
        r.clauses.iter().map(|c| c.asked).sum::<usize>(),
        REQUIREMENTS.len()
    );
}

#[test]
fn all_na_scores_nothing_and_leaves_nothing_unmet() {
    let mut a = blank(Mode::Full);
    for r in a.requirements.iter_mut() {
        r.met = Some(Met::Na);
    }
    let r = compute(&a).requirements;
    assert_eq!(r.overall.share(), None, "not computable, never 0");
    assert!(r.clauses.iter().all(|c| c.share().is_none()));
    assert!(r.unmet.is_empty());
    assert_eq!(
        (r.overall.na, r.overall.answered(), r.overall.asked),
        (27, 27, 27)
    );
    // All unknown, or nothing answered: the same.
    for met in [Some(Met::Unknown), None] {
        for req in a.requirements.iter_mut() {
            req.met = met;
        }
        let r = compute(&a).requirements;
        assert_eq!(r.overall.share(), None, "{met:?}");
        assert!(r.unmet.is_empty(), "{met:?}");
    }
}

#[test]
fn partly_only_is_one_half_and_every_partly_is_unmet() {
    let mut a = blank(Mode::Full);
    answer_requirements(
        &mut a,
        &[
            ("support.resources", Met::Partly),
            ("support.competence", Met::Partly),
            ("evaluation.review", Met::Partly),
        ],
    );
    let r = compute(&a).requirements;
    assert_eq!(r.overall.share(), Some(0.5));
    assert_eq!(clause_share(&r, "support"), Some(0.5));
    assert_eq!(clause_share(&r, "evaluation"), Some(0.5));
    assert_eq!(
        requirement_ids(&r.unmet),
        [
            "support.resources",
            "support.competence",
            "evaluation.review"
        ]
    );
}

#[test]
fn overall_is_the_mean_of_requirements_not_of_clauses() {
    let mut a = blank(Mode::Full);
    // Six requirements of clause 4 met, the one answered requirement of clause 10 not.
    let context: Vec<(&str, Met)> = REQUIREMENTS
        .iter()
        .filter(|r| r.id.starts_with("context."))
        .map(|r| (r.id, Met::Yes))
        .collect();
    assert_eq!(context.len(), 6);
    answer_requirements(&mut a, &context);
    answer_requirements(&mut a, &[("improvement.corrective", Met::No)]);
    let r = compute(&a).requirements;
    assert_eq!(clause_share(&r, "context"), Some(1.0));
    assert_eq!(clause_share(&r, "improvement"), Some(0.0));
    // 6 of 7 scored requirements: 0.857…, where the mean of the two clauses would be 0.5.
    assert_eq!(r.overall.share(), Some(12.0 / 14.0));
    assert_ne!(r.overall.share(), Some(0.5));
    assert_eq!(requirement_ids(&r.unmet), ["improvement.corrective"]);
}

#[test]
fn unmet_requirements_follow_the_standards_order() {
    let mut a = mixed(Mode::Full);
    answer_requirements(
        &mut a,
        &[
            ("improvement.continual", Met::No),
            ("support.documents", Met::Partly),
            ("planning.risks", Met::No),
        ],
    );
    let r = compute(&a).requirements;
    assert_eq!(
        requirement_ids(&r.unmet),
        [
            "context.parties",
            "context.scope",
            "leadership.policy",
            "planning.risks",
            "support.documents",
            "improvement.continual",
        ]
    );
    // The content's order is the standard's: clause by clause, 4 to 10.
    let clauses: Vec<usize> = REQUIREMENTS.iter().map(|r| r.clause).collect();
    assert!(clauses.windows(2).all(|w| w[0] <= w[1]));
}

#[test]
fn quick_mode_gives_no_requirement_scores() {
    let a = mixed(Mode::Quick);
    let s = compute(&a);
    assert_eq!(s.requirements, Requirements::default());
    assert_eq!(s.requirements.overall.share(), None);
    assert!(s.requirements.unmet.is_empty());
    assert_eq!((s.answered, s.asked), (0, 18), "still 18 questions");
    let out: serde_json::Value = serde_json::from_str(&export(&a)).unwrap();
    assert_eq!(
        out["scores"]["requirements"],
        serde_json::json!({ "overall": null, "context": null, "leadership": null,
            "planning": null, "support": null, "operation": null, "evaluation": null,
            "improvement": null })
    );
    assert_eq!(out["scores"]["unmet"], serde_json::json!([]));
}

#[test]
fn full_completion_counts_the_checklist_and_the_holders_not_the_indicators() {
    let before = compute(&with_clauses(Mode::Full));
    let mut a = with_clauses(Mode::Full);
    for r in a.requirements.iter_mut() {
        r.met = Some(Met::Yes);
    }
    for area in a.areas.iter_mut() {
        area.holder = Some(Holder::Intermunicipal);
    }
    let after = compute(&a);
    // 27 requirements and 12 holders answered, on top of the 6 clauses.
    assert_eq!((after.answered, after.asked), (6 + 27 + 12, 64));
    assert_eq!(before.asked, after.asked);
    // Indicators change nothing.
    for area in a.areas.iter_mut() {
        area.followed[0] = Some(Followed::default());
    }
    assert_eq!(compute(&a).completion, after.completion);
    // An area out of scope is asked no holder.
    a.areas[0].in_scope = false;
    assert_eq!(compute(&a).asked, 64 - 2);
    assert_eq!(after.management, before.management);
    assert_eq!(after.overall, before.overall);
    assert_eq!(after.requirements.overall.share(), Some(1.0));
}

#[test]
fn the_export_names_every_clause_in_scores_requirements_and_lists_unmet_ids() {
    let key_order = |text: &str| -> Vec<String> {
        let v: serde_json::Value = serde_json::from_str(text).unwrap();
        let start = text.find("\"requirements\": {\n      \"overall\"").unwrap();
        let block = &text[start..];
        let mut keys: Vec<(usize, String)> = v["scores"]["requirements"]
            .as_object()
            .unwrap()
            .keys()
            .map(|k| (block.find(&format!("\"{k}\"")).unwrap(), k.clone()))
            .collect();
        keys.sort();
        keys.into_iter().map(|(_, k)| k).collect()
    };
    let expected_keys: Vec<String> = std::iter::once("overall")
        .chain(CLAUSES.iter().map(|c| c.id))
        .map(String::from)
        .collect();

    let text = export(&blank(Mode::Full));
    assert_eq!(
        key_order(&text),
        expected_keys,
        "overall, then the 7 clauses in order"
    );
    let out: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert!(out["scores"]["requirements"]
        .as_object()
        .unwrap()
        .values()
        .all(serde_json::Value::is_null));
    assert_eq!(out["scores"]["unmet"], serde_json::json!([]));

    let text = export(&mixed(Mode::Full));
    assert_eq!(key_order(&text), expected_keys);
    let out: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        out["scores"]["requirements"],
        serde_json::json!({ "overall": 8.0 / 12.0, "context": 0.625, "leadership": 0.75,
            "planning": null, "support": null, "operation": null, "evaluation": null,
            "improvement": null })
    );
    assert_eq!(
        out["scores"]["unmet"],
        serde_json::json!(["context.parties", "context.scope", "leadership.policy"])
    );
}

#[test]
fn without_targets_every_area_below_four_counts_one_step_and_ties_go_to_the_lower_level() {
    // Quick mode, no target anywhere: each area below 4 counts one step (the next level).
    let mut a = blank(Mode::Quick);
    priority(&mut a, "attractiveness", Priority::High);
    // governance 3: 1 × (2·3 + 1·2)/3 × 2/2 = 8/3
    let g = area(&mut a, "governance");
    g.level = level(3);
    g.contributions = contributions([2, 1, 0, 0, 0, 0]);
    // education 1, health 2, culture 1: each 1 × 2 × 2/2 = 2 (one medium purpose)
    for (id, l) in [("education", 1), ("health", 2), ("culture", 1)] {
        let x = area(&mut a, id);
        x.level = level(l);
        x.contributions = contributions([0, 0, 0, 2, 0, 0]);
    }
    // safety at 4: no next level, never suggested.
    area(&mut a, "safety").level = level(4);
    let s = compute(&a);
    // Ties at 2: the lower level first (education and culture at 1, in the standard's order),
    // then health at 2.
    assert_eq!(
        ids(&s.priorities),
        ["governance", "education", "culture", "health"]
    );
    assert!(s.areas.iter().flatten().all(|x| x.gap.is_none()));
}

/// Every requirement answered `met`, with `evidence`, where `which` says so; the rest unanswered.
fn checklist(met: Met, evidence: &str, which: impl Fn(usize) -> bool) -> Assessment {
    let mut a = blank(Mode::Full);
    for (i, r) in a.requirements.iter_mut().enumerate() {
        if which(i) {
            r.met = Some(met);
            r.evidence = evidence.into();
        }
    }
    a
}

#[test]
fn demonstrated_readiness_worked_examples() {
    use autodiag_core::content::{CLAUSES, REQUIREMENTS};
    let plan = |i: usize| CLAUSES[REQUIREMENTS[i].clause].phase == Pdca::Plan;
    // All « we don't know »: nothing declared, nothing demonstrated (no document at all).
    let r = compute(&checklist(Met::Unknown, "", |_| true)).requirements;
    assert_eq!((r.overall.share(), r.demonstrated()), (None, None));
    assert!(!r.overall.provisional(), "all answered");
    // All « not applicable », each with a reason: declared has nothing to count; demonstrated is
    // 0: an exclusion shows nothing. Every one is an exclusion to justify.
    let r = compute(&checklist(Met::Na, "Pas de compétence", |_| true)).requirements;
    assert_eq!((r.overall.share(), r.demonstrated()), (None, Some(0.0)));
    assert_eq!((r.excluded.len(), r.overall.na_unexplained), (27, 0));
    // Without reasons: each one is « raison manquante ».
    let r = compute(&checklist(Met::Na, "  ", |_| true)).requirements;
    assert_eq!(r.overall.na_unexplained, 27);
    // All « yes » without a document: declared 100 %, demonstrated not computed, 27 yes without
    // a document counted.
    let r = compute(&checklist(Met::Yes, "", |_| true)).requirements;
    assert_eq!((r.overall.share(), r.demonstrated()), (Some(1.0), None));
    assert_eq!(r.overall.yes_undocumented(), 27);
    // Plan only, every one shown by a document: Plan 100 %, Do, Check and Act 0 %: the headline
    // is their mean, 25 %, where the plain share over the 27 would say 14/27 = 52 %.
    let r = compute(&checklist(Met::Yes, "Délibération", plan)).requirements;
    assert_eq!(r.phases[0].demonstrated(), Some(1.0));
    assert_eq!(r.phases[3].demonstrated(), Some(0.0));
    assert_eq!(r.demonstrated(), Some(0.25));
    assert_eq!(r.overall.share(), Some(1.0));
    assert!(r.overall.provisional(), "14 of 27 answered");
    // The case: 3 yes (with documents) and 24 « we don't know »: declared 100 %, but
    // demonstrated (3/14 + 0 + 0 + 0) / 4 = 3/56.
    let mut a = checklist(Met::Unknown, "", |_| true);
    for i in 0..3 {
        a.requirements[i].met = Some(Met::Yes);
        a.requirements[i].evidence = "Compte rendu".into();
    }
    let r = compute(&a).requirements;
    assert_eq!(r.overall.share(), Some(1.0));
    assert_eq!(r.demonstrated(), Some(3.0 / 56.0));
    // Partly with a document counts half.
    let r = compute(&checklist(Met::Partly, "Brouillon", |_| true)).requirements;
    assert_eq!(r.demonstrated(), Some(0.5));
    // Quick mode: nothing at all.
    let mut q = checklist(Met::Yes, "Délibération", |_| true);
    q.mode = Mode::Quick;
    assert_eq!(compute(&q).requirements.demonstrated(), None);
}
