#![cfg(not(target_arch = "wasm32"))]

mod common;
use autodiag37101::compare::*;
use autodiag37101::model::*;
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
