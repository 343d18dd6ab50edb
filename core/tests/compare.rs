#![cfg(not(target_arch = "wasm32"))]

mod common;
use autodiag_core::compare::*;
use autodiag_core::content::{
    clause_index, requirement_index, CLAUSES, CONTENT_VERSION, N_CLAUSES,
};
use autodiag_core::format;
use autodiag_core::model::*;
use common::*;

#[test]
fn changes_per_area_and_purpose_where_both_are_scored() {
    let mut before = blank(Mode::Quick);
    area(&mut before, "governance").level = level(1);
    area(&mut before, "education").level = level(3);
    area(&mut before, "health").level = Some(Answer::Na);
    let mut now = before.clone();
    now.id = "00000000-0000-4000-8000-000000000009".into();
    area(&mut now, "governance").level = level(3);
    area(&mut now, "education").level = level(2);
    area(&mut now, "health").level = level(4);
    let c = compare(&now, &before);
    assert_eq!(c.areas[0], Some(2));
    assert_eq!(c.areas[1], Some(-1));
    assert_eq!(c.areas[3], None, "not scored before: no change to show");
    assert_eq!(c.overall, Some(3.0 - 2.0));
    assert_eq!(c.earlier.overall, Some(2.0));
}

#[test]
fn only_other_assessments_of_the_same_community_are_offered() {
    let a = blank(Mode::Quick);
    let mut b = a.clone();
    b.id = "00000000-0000-4000-8000-000000000002".into();
    b.community.name = "  commune de   SAINT-EXEMPLE ".into();
    let mut accented = a.clone();
    accented.id = "00000000-0000-4000-8000-000000000004".into();
    accented.community.name = "Commune de Saint-Éxemple".into();
    assert!(
        same_community(&a, &accented),
        "accents and case do not make another community"
    );
    let mut c = a.clone();
    c.id = "00000000-0000-4000-8000-000000000003".into();
    c.community.name = "Autre commune".into();
    let all = [a.clone(), b.clone(), c];
    let list = candidates(&a, &all);
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].id, b.id);
}

// --- The requirements checklist (content version 2) -----------------------------------------------

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/../tests/fixtures/v1/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn answer(a: &mut Assessment, id: &str, met: Met) {
    a.requirements[requirement_index(id).unwrap()].met = Some(met);
}

/// A later assessment of the same community, with part of the checklist answered: context yes
/// and partly (0.75), leadership yes and no (0.5); 3 yes, 1 partly, 1 no overall (0.7).
fn later(earlier: &Assessment) -> Assessment {
    let mut now = earlier.clone();
    now.id = "00000000-0000-4000-8000-000000000010".into();
    now.mode = Mode::Full;
    now.content_version = CONTENT_VERSION.into();
    answer(&mut now, "context.climate", Met::Yes);
    answer(&mut now, "context.scope", Met::Partly);
    answer(&mut now, "leadership.policy", Met::Yes);
    answer(&mut now, "leadership.roles", Met::No);
    answer(&mut now, "support.resources", Met::Yes);
    now
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

#[test]
fn no_requirement_answered_before_is_no_change_not_a_change_from_zero() {
    // A full v1 export that never answered the climate question: after migration, no requirement
    // is answered at all.
    let mut v1: serde_json::Value =
        serde_json::from_slice(&fixture("full-en-climate-false.json")).unwrap();
    v1["clauses"]["context"]
        .as_object_mut()
        .unwrap()
        .remove("climate_relevant");
    let earlier = format::import(&serde_json::to_vec(&v1).unwrap()).unwrap();
    assert!(earlier.predates_checklist());
    assert_eq!(earlier.mode, Mode::Full);
    assert!(earlier.requirements.iter().all(|r| r.met.is_none()));
    let now = later(&earlier);
    let c = compare(&now, &earlier);
    assert_eq!(c.requirements.overall, None, "not +0.7");
    assert_eq!(c.requirements.clauses, [None; N_CLAUSES]);
    assert_eq!(c.earlier.requirements.overall.share(), None);

    // A quick v1 export: the checklist was never asked.
    let quick = format::import(&fixture("quick-fr.json")).unwrap();
    assert_eq!(quick.mode, Mode::Quick);
    let c = compare(&later(&quick), &quick);
    assert_eq!(c.requirements, RequirementsChange::default());
}

#[test]
fn the_migrated_climate_answer_is_compared_where_both_sides_have_one() {
    // v1's climate_relevant true is context.climate answered yes: a real answer of the earlier
    // assessment, the only one of its checklist.
    let earlier = format::import(&fixture("full-fr-climate-true.json")).unwrap();
    assert!(earlier.predates_checklist());
    let now = later(&earlier);
    let c = compare(&now, &earlier);
    let ctx = clause_index("context").unwrap();
    assert!(close(c.requirements.overall, 0.7 - 1.0), "{c:?}");
    assert!(close(c.requirements.clauses[ctx], 0.75 - 1.0));
    for (i, change) in c.requirements.clauses.iter().enumerate() {
        if i != ctx {
            assert_eq!(*change, None, "nothing scored before in {}", CLAUSES[i].id);
        }
    }

    // climate_relevant false is `no`: a share of 0 before, so a change from 0.
    let earlier = format::import(&fixture("full-en-climate-false.json")).unwrap();
    let c = compare(&later(&earlier), &earlier);
    assert!(close(c.requirements.overall, 0.7));
    assert!(close(c.requirements.clauses[ctx], 0.75));
}

#[test]
fn the_requirements_change_per_clause_and_overall() {
    let mut before = blank(Mode::Full);
    answer(&mut before, "context.scope", Met::No);
    answer(&mut before, "leadership.policy", Met::Partly);
    answer(&mut before, "planning.risks", Met::Na);
    answer(&mut before, "support.resources", Met::Unknown);
    let now = later(&before);
    let c = compare(&now, &before);
    // Before: no, partly over 2 scored = 0.25; context 0, leadership 0.5.
    assert!(close(c.requirements.overall, 0.7 - 0.25));
    assert!(close(c.requirements.clauses[0], 0.75));
    assert!(
        close(c.requirements.clauses[1], 0.0),
        "0.5 both times: zero"
    );
    assert_eq!(c.requirements.clauses[2], None, "n/a is not scored");
    assert_eq!(c.requirements.clauses[3], None, "don't know is not scored");
    assert_eq!(c.earlier.requirements.overall.no, 1);
}
