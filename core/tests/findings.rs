//! The profile's sentences, natively: strengths, gaps and priorities with their reasons, the
//! wording for an area another body holds (or nobody), the things to find out, requirements met.

mod common;
use autodiag_core::content::requirement_index;
use autodiag_core::findings::*;
use autodiag_core::i18n::Lang;
use autodiag_core::model::*;
use autodiag_core::scoring::compute;
use common::*;

fn sample() -> Assessment {
    let mut a = blank(Mode::Full);
    area(&mut a, "governance").level = level(3);
    area(&mut a, "education").level = level(3);
    area(&mut a, "mobility").level = level(1);
    area(&mut a, "mobility").target = Level::new(4);
    area(&mut a, "mobility").holder = Some(Holder::Intermunicipal);
    area(&mut a, "economy").level = level(0);
    area(&mut a, "economy").target = Level::new(2);
    a
}

#[test]
fn strengths_are_the_most_advanced_areas() {
    let a = sample();
    let s = compute(&a);
    let fr = strengths(&s, Lang::Fr);
    assert_eq!(fr.len(), 2, "{fr:?}");
    assert!(fr[0].starts_with("Gouvernance"), "{}", fr[0]);
    assert!(fr[1].starts_with("Éducation"), "{}", fr[1]);
    // Nothing above 0: no strength at all.
    let mut b = blank(Mode::Quick);
    area(&mut b, "health").level = level(0);
    assert!(strengths(&compute(&b), Lang::En).is_empty());
}

#[test]
fn an_area_another_body_holds_reads_as_taking_part() {
    let a = sample();
    let s = compute(&a);
    let g = gaps(&a, &s, Lang::Fr);
    let mobility = g.iter().find(|t| t.starts_with("Mobilité")).unwrap();
    assert!(
        mobility.ends_with(
            "Ce domaine est porté par l’intercommunalité\u{a0}: le niveau mesure votre participation."
        ),
        "{mobility}"
    );
    let economy = g.iter().find(|t| t.starts_with("Économie")).unwrap();
    assert!(!economy.contains("porté par"), "{economy}");
    let mobility = s
        .priorities
        .iter()
        .position(|&i| AREA("mobility") == i)
        .unwrap();
    let reason = priority_reason(&a, &s, s.priorities[mobility], Lang::En);
    assert!(reason.starts_with("Mobility"), "{reason}");
    assert!(
        reason.ends_with("the level measures how you take part."),
        "{reason}"
    );

    let found = holder_findings(&a, Lang::En);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].area, AREA("mobility"));
    assert!(!found[0].nobody);
    assert!(found[0]
        .text
        .starts_with("Mobility: this area is run by the inter-municipal body"));
    assert_eq!(found[0].actions.len(), 3);
    assert!(found[0].actions[0]
        .en()
        .starts_with("Ask the inter-municipal body"));
}

#[allow(non_snake_case)]
fn AREA(id: &str) -> usize {
    autodiag_core::content::area_index(id).unwrap()
}

#[test]
fn nobody_is_flagged_community_and_quick_mode_are_not() {
    let mut a = sample();
    area(&mut a, "biodiversity").holder = Some(Holder::Nobody);
    area(&mut a, "health").holder = Some(Holder::Community);
    area(&mut a, "culture").holder = Some(Holder::Utility);
    area(&mut a, "culture").in_scope = false;
    let found = holder_findings(&a, Lang::Fr);
    let areas: Vec<usize> = found.iter().map(|f| f.area).collect();
    assert_eq!(areas, [AREA("mobility"), AREA("biodiversity")]);
    assert!(found[1].nobody);
    assert!(found[1]
        .text
        .contains("aucun acteur ne porte clairement ce domaine"));
    a.mode = Mode::Quick;
    assert!(holder_findings(&a, Lang::Fr).is_empty());
}

#[test]
fn things_to_find_out_name_the_requirement_and_the_unknown_holder() {
    let mut a = sample();
    area(&mut a, "safety").holder = Some(Holder::Unknown);
    area(&mut a, "health").level = Some(Answer::Unknown);
    a.requirements[requirement_index("support.competence").unwrap()].met = Some(Met::Unknown);
    let list = unknown_texts(&a, Lang::Fr);
    assert_eq!(list.len(), 3, "{list:?}");
    assert_eq!(list[0], "Santé et soins dans la communauté");
    assert!(
        list[1].starts_with("Sûreté et sécurité\u{a0}: vérifier qui porte ce domaine"),
        "{}",
        list[1]
    );
    assert!(list[2].ends_with("(Support (moyens))"), "{}", list[2]);
}

#[test]
fn requirements_met_are_a_share_with_its_counts() {
    let mut a = blank(Mode::Full);
    for (id, met) in [
        ("context.issues", Met::Yes),
        ("context.scope", Met::Yes),
        ("leadership.policy", Met::Partly),
        ("planning.risks", Met::No),
        ("support.documents", Met::Unknown),
        ("operation.control", Met::Na),
    ] {
        a.requirements[requirement_index(id).unwrap()].met = Some(met);
    }
    let s = compute(&a);
    // (2 × 2 + 1) / (2 × 4) = 62.5 %, shown rounded.
    assert_eq!(
        met_summary(&s.requirements.overall, Lang::Fr),
        "63\u{a0}% — satisfaites\u{a0}: 2\u{202f}; en partie\u{a0}: 1\u{202f}; non satisfaites\u{a0}: 1\u{202f}; à vérifier\u{a0}: 1\u{202f}; oui, sans document cité\u{a0}: 2 (provisoire\u{a0}: 6 exigences sur 27 ont une réponse)"
    );
    assert_eq!(
        met_summary(&compute(&blank(Mode::Full)).requirements.overall, Lang::En),
        "No requirement assessed yet"
    );
}

#[test]
fn a_priority_without_a_target_names_the_next_level_never_a_gap() {
    let mut a = blank(Mode::Quick);
    area(&mut a, "culture").level = level(0);
    area(&mut a, "health").level = level(3);
    area(&mut a, "health").target = Level::new(4);
    area(&mut a, "safety").level = level(1);
    area(&mut a, "safety").target = Level::new(3);
    let s = compute(&a);
    let reason = |id, lang| priority_reason(&a, &s, AREA(id), lang);
    assert!(
        reason("culture", Lang::Fr).contains("prochaine étape\u{a0}: niveau 1"),
        "{}",
        reason("culture", Lang::Fr)
    );
    assert!(!reason("culture", Lang::Fr).contains("écart"));
    // One level, then two: the words agree with the number.
    assert!(reason("health", Lang::Fr).contains("écart de 1 niveau avec la cible"));
    assert!(reason("safety", Lang::Fr).contains("écart de 2 niveaux avec la cible"));
    assert!(reason("health", Lang::En).contains("1 level below the target"));
    assert!(reason("safety", Lang::En).contains("2 levels below the target"));
    assert!(reason("culture", Lang::En).contains("next step: level 1"));
    // Gaps are named only where a target was set.
    let g = gaps(&a, &s, Lang::En);
    assert_eq!(g.len(), 2, "{g:?}");
    assert!(g.iter().all(|t| !t.starts_with("Culture")));
}

#[test]
fn demonstrated_readiness_is_worded_with_its_count_or_not_computed() {
    let mut a = blank(Mode::Full);
    let s = compute(&a);
    // Nothing named anywhere: not computed, and why.
    assert!(demonstrated_summary(
        s.requirements.demonstrated(),
        &s.requirements.overall,
        Lang::Fr
    )
    .starts_with("non calculée"));
    for r in a.requirements.iter_mut() {
        r.met = Some(Met::Yes);
        r.evidence = "Délibération du 12 mai".into();
    }
    let s = compute(&a);
    assert_eq!(
        demonstrated_summary(
            s.requirements.demonstrated(),
            &s.requirements.overall,
            Lang::Fr
        ),
        "100\u{a0}% — 27 exigences sur 27 appuyées sur un document"
    );
    assert_eq!(
        demonstrated_summary(
            s.requirements.demonstrated(),
            &s.requirements.overall,
            Lang::En
        ),
        "100% — 27 of 27 requirements backed by a document"
    );
}
