//! The report as data: the figures, tables, lists and chart marks the review, the profile and the
//! printed report show, checked against hand computations (the same strings the end-to-end tests
//! read on screen).

mod common;

use autodiag_core::content::{requirement_index, N_REQUIREMENTS};
use autodiag_core::i18n::Lang;
use autodiag_core::model::*;
use autodiag_core::report::chart::{self, Mark};
use autodiag_core::report::{
    self, headings, purposes_table, readiness_table, Block, Inline, Slot, Table,
};
use autodiag_core::scoring::compute;
use autodiag_core::state::Plan;
use autodiag_core::steps::Step;
use common::*;

/// Every block, depth first.
fn flatten(blocks: &[Block]) -> Vec<&Block> {
    let mut out = Vec::new();
    for b in blocks {
        out.push(b);
        if let Block::Group { blocks, .. } = b {
            out.extend(flatten(blocks));
        }
    }
    out
}

fn facts(b: &Block) -> Vec<(String, String)> {
    match b {
        Block::Facts { facts, .. } => facts
            .iter()
            .map(|f| (f.term.clone(), f.value.clone()))
            .collect(),
        other => panic!("not facts: {other:?}"),
    }
}

fn tables(blocks: &[Block]) -> Vec<&Table> {
    flatten(blocks)
        .into_iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .collect()
}

/// Governance 2 (target 3), education 3, health "don't know": the end-to-end tests' profile.
fn quick() -> Assessment {
    let mut a = blank(Mode::Quick);
    area(&mut a, "governance").level = level(2);
    area(&mut a, "governance").target = Level::new(3);
    area(&mut a, "education").level = level(3);
    area(&mut a, "health").level = Some(Answer::Unknown);
    a
}

fn full() -> Assessment {
    let mut a = quick();
    a.mode = Mode::Full;
    let r = |id: &str| requirement_index(id).unwrap();
    a.requirements[r("context.issues")].met = Some(Met::Yes);
    a.requirements[r("context.parties")].met = Some(Met::Partly);
    a.requirements[r("context.parties")].evidence = "Compte rendu du 3 mars".into();
    a.requirements[r("context.climate")].met = Some(Met::No);
    a
}

#[test]
fn the_headline_figures_are_worded_as_people_read_them() {
    let a = quick();
    let s = compute(&a);
    // (2 + 3) / 2 = 2.5; 3 of 18 answered (6 priorities + 12 levels; "don't know" is an answer).
    assert_eq!(
        facts(&report::headline(&a, &s, Lang::Fr)),
        vec![
            (
                "Maturité des domaines (moyenne)".to_string(),
                "2,5 sur 4".to_string()
            ),
            (
                "Avancement".to_string(),
                "17\u{a0}% (Réponses\u{a0}: 3 sur 18)".to_string()
            ),
        ]
    );
    let en = facts(&report::headline(&a, &s, Lang::En));
    assert_eq!(en[0].1, "2.5 out of 4");
}

#[test]
fn a_full_headline_adds_the_management_system_and_the_requirements_met() {
    let a = full();
    let s = compute(&a);
    let f = facts(&report::headline(&a, &s, Lang::Fr));
    assert_eq!(f.len(), 2 + 1 + 4 + 2);
    // Demonstrated: only the partly with a document shows anything, in Plan (14 requirements):
    // ½ / 14; the other phases 0; their mean ½ / 56 = 0.9 %. 3 of 27 answered: provisional.
    assert_eq!(
        f[f.len() - 2],
        (
            "Préparation démontrée".to_string(),
            "1\u{a0}% — 1 exigence sur 27 appuyée sur un document (provisoire\u{a0}: 3 exigences sur 27 ont une réponse)".to_string()
        )
    );
    // Declared: yes 1 + partly ½ + no 0 over 3 scored = 50 %, the yes naming no document.
    assert_eq!(
        f.last().unwrap(),
        &(
            "Préparation déclarée".to_string(),
            "50\u{a0}% — satisfaites\u{a0}: 1\u{202f}; en partie\u{a0}: 1\u{202f}; non satisfaites\u{a0}: 1\u{202f}; à vérifier\u{a0}: 0\u{202f}; oui, sans document cité\u{a0}: 1 (provisoire\u{a0}: 3 exigences sur 27 ont une réponse)".to_string()
        )
    );
    match &report::headline(&a, &s, Lang::Fr) {
        Block::Facts { facts, .. } => assert!(facts.last().unwrap().wide),
        _ => unreachable!(),
    }
}

#[test]
fn the_readiness_table_counts_each_clause_then_the_total() {
    let a = full();
    let s = compute(&a);
    let t = readiness_table(&s, Lang::Fr);
    assert_eq!(t.head.len(), 9);
    assert_eq!(t.body.len(), 7);
    let context = &t.body[0];
    assert!(context.head.contains("Contexte"), "{}", context.head);
    let cells: Vec<&str> = context.cells.iter().map(|c| c.text.as_str()).collect();
    // met, partly, not met, to check, n/a, unanswered (6 − 3), demonstrated (½ of 6), declared.
    assert_eq!(
        cells,
        ["1", "1", "1", "0", "0", "3", "8\u{a0}%", "50\u{a0}%"]
    );
    let total: Vec<&str> = t.foot[0].cells.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(
        total,
        [
            "1",
            "1",
            "1",
            "0",
            "0",
            &(N_REQUIREMENTS - 3).to_string(),
            "1\u{a0}%",
            "50\u{a0}%"
        ]
    );
    // A clause with nothing scored has no declared share, never 0 %; it demonstrates nothing.
    assert_eq!(t.body[1].cells[7].text, "–");
    assert_eq!(t.body[1].cells[6].text, "0\u{a0}%");
    assert!(t
        .body
        .iter()
        .flat_map(|r| &r.cells)
        .all(|c| c.class == "num"));
}

#[test]
fn the_unmet_requirements_carry_their_evidence_and_the_plan_button() {
    let a = full();
    let s = compute(&a);
    let Block::Group { blocks, .. } = report::unmet(&a, &s, Lang::Fr) else {
        panic!("a group of clauses")
    };
    assert_eq!(
        blocks.len(),
        1,
        "only the context clause has unmet requirements"
    );
    let Block::Group { blocks: clause, .. } = &blocks[0] else {
        panic!()
    };
    let Block::List(list) = &clause[1] else {
        panic!()
    };
    assert_eq!(list.items.len(), 2, "partly and no; yes is met");
    let parties = list
        .items
        .iter()
        .find(|i| {
            i.parts.iter().any(
                |p| matches!(p, Inline::Span { text, .. } if text == " — Compte rendu du 3 mars"),
            )
        })
        .expect("the evidence is shown");
    assert!(parties.parts.iter().any(|p| matches!(
        p,
        Inline::AddToPlan {
            plan: Plan::Clause(0),
            ..
        }
    )));
    // Nothing unmet: one sentence.
    let s = compute(&quick());
    assert!(matches!(
        report::unmet(&quick(), &s, Lang::Fr),
        Block::Para { .. }
    ));
}

#[test]
fn the_profile_leaves_out_what_it_has_nothing_to_say_about() {
    let a = quick();
    let s = compute(&a);
    let blocks = report::profile(&a, &s, None, Lang::Fr, "Autodiag 37101 0.1.0");
    let hs = headings(&blocks);
    assert_eq!(hs[0], "Commune de Saint-Exemple");
    assert!(hs.contains(&"Toutes les réponses"));
    assert!(hs.iter().any(|h| h.starts_with("À rechercher")), "{hs:?}");
    for absent in [
        "Notes et éléments de preuve",
        "Exigences non satisfaites ou en partie",
    ] {
        assert!(!hs.contains(&absent), "{absent} in a quick profile: {hs:?}");
    }
    // Quick mode: the radar and the bars, no contribution matrix; the three slots in order.
    let charts: Vec<&str> = flatten(&blocks)
        .into_iter()
        .filter_map(|b| match b {
            Block::Chart(c) => Some(c.key),
            _ => None,
        })
        .collect();
    assert_eq!(charts, ["radar", "bars"]);
    let slots: Vec<Slot> = flatten(&blocks)
        .into_iter()
        .filter_map(|b| match b {
            Block::Slot(s) => Some(*s),
            _ => None,
        })
        .collect();
    assert_eq!(slots, [Slot::Actions, Slot::Share, Slot::ActionPlan]);
    match blocks.last().unwrap() {
        Block::Para { class, text } => {
            assert_eq!(*class, "report-footer");
            assert!(text.contains("Autodiag 37101 0.1.0"), "{text}");
        }
        other => panic!("the footer comes last: {other:?}"),
    }
}

#[test]
fn a_full_profile_shows_readiness_unmet_requirements_and_the_matrix() {
    let mut a = full();
    area(&mut a, "education").notes = "Deux écoles".into();
    let s = compute(&a);
    let blocks = report::profile(&a, &s, None, Lang::Fr, "t");
    let hs = headings(&blocks);
    for expected in [
        "Notes et éléments de preuve",
        "Toutes les réponses",
        "Points forts",
    ] {
        assert!(hs.contains(&expected), "{expected}: {hs:?}");
    }
    let t = tables(&blocks);
    assert!(t.iter().any(|t| t.class == "data readiness"));
    let answers = t.last().unwrap();
    assert_eq!(
        answers.head.len(),
        5,
        "title, level, target, held by, notes"
    );
    // 6 purposes, 12 areas, 7 clauses and their requirements.
    assert_eq!(answers.body.len(), 6 + 12 + 7 + N_REQUIREMENTS);
    let governance = &answers.body[6];
    assert_eq!(governance.cells[0].text, "2");
    assert_eq!(governance.cells[1].text, "3");
}

#[test]
fn the_purposes_table_is_one_table_for_the_review_and_the_radar() {
    let mut a = quick();
    a.purposes[0].priority = Some(Priority::High);
    let s = compute(&a);
    let radar = chart::radar(&a, &s, None, Lang::Fr);
    assert_eq!(radar.table, purposes_table(&a, &s, None, None, Lang::Fr));
    assert_eq!(radar.table.body[0].cells[0].text, "Élevée");
    assert_eq!(radar.table.body[1].cells[0].text, "Non précisé");
    let review = report::review(&a, &s, Lang::Fr);
    let t = tables(&review)[0];
    assert_eq!(t.body, radar.table.body);
    assert_eq!(
        t.caption.as_deref(),
        Some("Finalités\u{a0}: priorité et réalisation")
    );
}

#[test]
fn a_comparison_adds_a_change_column_and_the_earlier_outline() {
    let a = quick();
    let mut b = quick();
    area(&mut b, "governance").level = level(1);
    let (s, e) = (compute(&a), compute(&b));
    let radar = chart::radar(&a, &s, Some((&e, "1 mars 2026")), Lang::Fr);
    assert_eq!(radar.table.head.len(), 4);
    assert_eq!(radar.legend.keys.len(), 2);
    assert!(radar.legend.keys[1].1.contains("1 mars 2026"));
    let bars = chart::bars(&a, &s, Some(&e), Lang::Fr);
    assert_eq!(bars.table.body[0].cells[2].text, "+1,0");
    assert!(bars.marks.iter().any(|m| matches!(
        m,
        Mark::Line {
            class: "bar-earlier",
            ..
        }
    )));
}

#[test]
fn the_radar_draws_no_shape_for_a_purpose_it_cannot_compute() {
    let a = quick();
    let s = compute(&a);
    let radar = chart::radar(&a, &s, None, Lang::Fr);
    let shapes = radar
        .marks
        .iter()
        .filter(|m| {
            matches!(
                m,
                Mark::Polygon {
                    class: "series-now",
                    ..
                }
            )
        })
        .count();
    let known = s.purposes.iter().flatten().count();
    assert_eq!(shapes, usize::from(known == 6));
    let dots = radar
        .marks
        .iter()
        .filter(|m| {
            matches!(
                m,
                Mark::Circle {
                    class: "series-now",
                    ..
                }
            )
        })
        .count();
    assert_eq!(dots, known);
    // Level 4 on the first axis is straight up, R = 130 from the centre (260, 215).
    let mut top = blank(Mode::Quick);
    for x in top.areas.iter_mut() {
        x.level = level(4);
    }
    let s = compute(&top);
    let r = chart::radar(&top, &s, None, Lang::Fr);
    let polygon = r
        .marks
        .iter()
        .find_map(|m| match m {
            Mark::Polygon {
                class: "series-now",
                points,
            } => Some(points.clone()),
            _ => None,
        })
        .expect("every purpose computable");
    assert_eq!(polygon[0], (260, 85));
    assert_eq!(polygon[3], (260, 345));
}

#[test]
fn the_bars_say_why_an_area_has_no_level() {
    let mut a = quick();
    area(&mut a, "economy").in_scope = false;
    let s = compute(&a);
    let bars = chart::bars(&a, &s, None, Lang::Fr);
    let labels: Vec<&str> = bars
        .marks
        .iter()
        .filter_map(|m| match m {
            Mark::Text {
                class: "label",
                lines,
                ..
            } => Some(lines[0].as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(labels.len(), 12);
    assert!(labels[0].starts_with("Gouvernance"), "{}", labels[0]);
    assert!(!labels[0].contains('('), "a level needs no word");
    assert!(labels[3].ends_with("(Nous ne savons pas)"), "{}", labels[3]);
    assert!(
        labels[6].ends_with("(non évalué cette fois)"),
        "{}",
        labels[6]
    );
    assert!(labels[4].ends_with("(à faire)"), "{}", labels[4]);
    // Governance's bar: level 2 of 4 over 480 units; its target 3, hatched.
    let rects: Vec<(i32, bool)> = bars
        .marks
        .iter()
        .filter_map(|m| match m {
            Mark::Rect { size, hatch, .. } => Some((size.0, *hatch)),
            _ => None,
        })
        .collect();
    assert_eq!(rects[0], (240, false));
    assert_eq!(rects[1], (360, true));
    // The table leaves an unanswered level blank and names the others.
    assert_eq!(bars.table.body[4].cells[0].text, "");
    assert_eq!(bars.table.body[6].cells[0].text, "non évalué cette fois");
}

#[test]
fn the_review_links_what_is_left_to_its_step() {
    let a = quick();
    let s = compute(&a);
    let blocks = report::review(&a, &s, Lang::Fr);
    let left = blocks
        .iter()
        .find_map(|b| match b {
            Block::List(l) if l.class == "left" => Some(l),
            _ => None,
        })
        .expect("a list of what is left");
    // Purposes (0 of 6) and the 9 unanswered areas.
    assert_eq!(left.items.len(), 1 + 9);
    assert_eq!(
        left.items[0].parts,
        vec![
            Inline::Goto {
                step: Step::Purposes,
                label: "Les finalités".into()
            },
            Inline::Text(" (Réponses\u{a0}: 0 sur 6)".into())
        ]
    );
    assert!(matches!(
        left.items[1].parts[0],
        Inline::Goto {
            step: Step::Area(_),
            ..
        }
    ));
}

#[test]
fn holder_findings_suggest_actions_for_the_areas_plan() {
    let mut a = full();
    area(&mut a, "governance").holder = Some(Holder::Nobody);
    let s = compute(&a);
    let blocks = report::profile(&a, &s, None, Lang::Fr, "t");
    let item = flatten(&blocks)
        .into_iter()
        .find_map(|b| match b {
            Block::List(l) => l.items.iter().find(|i| i.class == "flag"),
            _ => None,
        })
        .expect("nobody holds governance: flagged");
    let sub = item.sub.as_ref().expect("suggested actions");
    assert!(!sub.items.is_empty());
    assert!(sub.items.iter().all(|i| matches!(
        i.parts.last(),
        Some(Inline::AddToPlan {
            plan: Plan::Area(0),
            ..
        })
    )));
}
