//! The CSV writer: what French and English spreadsheets expect, and no formula ever runs.

#![cfg(not(target_arch = "wasm32"))]

mod common;
use autodiag_core::content::{
    area_index, indicator_index, indicators_of, requirement_index, requirements_of, AREAS, CLAUSES,
    HOLDERS, INDICATORS, N_REQUIREMENTS, REQUIREMENTS,
};
use autodiag_core::csv::export;
use autodiag_core::i18n::Lang;
use autodiag_core::model::*;
use common::*;

/// The columns, in order.
const SECTION: usize = 0;
const ID: usize = 1;
const TITLE: usize = 2;
const ANSWER: usize = 3;
const NOTES: usize = 5;
const HOLDER: usize = 6;
const VALUE: usize = 7;
const UNIT: usize = 8;
const YEAR: usize = 9;

fn sample() -> Assessment {
    let mut a = blank(Mode::Full);
    a.community.name = "=HYPERLINK(\"http://evil\")".into();
    let g = area(&mut a, "governance");
    g.level = level(2);
    g.target = Level::new(3);
    g.notes = "Budget participatif; depuis 2024\n\"deux\" réunions".into();
    g.actions.push(PlannedAction {
        title: "+Revue annuelle".into(),
        owner: "DGS".into(),
        due: Some("2027-06-30".into()),
    });
    area(&mut a, "education").level = level(3);
    area(&mut a, "health").level = Some(Answer::Unknown);
    area(&mut a, "mobility").in_scope = false;
    clause(&mut a, "context").level = level(1);
    a
}

fn requirement<'a>(a: &'a mut Assessment, id: &str) -> &'a mut RequirementAnswer {
    &mut a.requirements[requirement_index(id).unwrap()]
}

/// The sample with what format v2 added: a holder, indicators followed, the checklist partly
/// answered, and a clause action.
fn sample_v2() -> Assessment {
    let mut a = sample();
    area(&mut a, "governance").holder = Some(Holder::Intermunicipal);
    area(&mut a, "education").holder = None;
    area(&mut a, "health").holder = Some(Holder::Nobody);
    let g = area_index("governance").unwrap();
    let ids: Vec<&str> = indicators_of(g).iter().map(|i| i.id).collect();
    let followed = &mut a.areas[g].followed;
    followed[0] = Some(Followed {
        value: "38,5".into(),
        unit: "%".into(),
        year: Some(2025),
    });
    // Followed, no value given: still a row.
    followed[1] = Some(Followed::default());
    // A value that looks like a formula, a unit too.
    followed[2] = Some(Followed {
        value: "-12".into(),
        unit: "@SUM(A1)".into(),
        year: Some(2024),
    });
    assert!(ids.len() >= 3);
    *requirement(&mut a, "context.climate") = RequirementAnswer {
        met: Some(Met::Yes),
        evidence: "Délibération du 12 mars 2026; \"climat\"".into(),
    };
    requirement(&mut a, "context.scope").met = Some(Met::Partly);
    requirement(&mut a, "context.parties").met = Some(Met::No);
    requirement(&mut a, "leadership.policy").met = Some(Met::Na);
    requirement(&mut a, "support.resources").met = Some(Met::Unknown);
    // Evidence before any answer is kept, and shown.
    requirement(&mut a, "evaluation.audit").evidence = "=cmd|' /C calc'!A0".into();
    clause(&mut a, "context").actions.push(PlannedAction {
        title: "Write down the scope".into(),
        owner: "Mayor".into(),
        due: Some("2027-01-31".into()),
    });
    a
}

fn find<'a>(r: &'a [Vec<String>], section: &str, id: &str) -> &'a Vec<String> {
    r.iter()
        .find(|x| x[SECTION] == section && x[ID] == id)
        .unwrap_or_else(|| panic!("no row {section} {id}"))
}

fn rows(csv: &str, sep: char) -> Vec<Vec<String>> {
    // A small reader, enough for what the writer produces.
    let mut rows = Vec::new();
    let (mut row, mut cell, mut quoted) = (Vec::new(), String::new(), false);
    let mut chars = csv.trim_start_matches('\u{feff}').chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            ('"', _) => quoted = !quoted,
            (c, false) if c == sep => row.push(std::mem::take(&mut cell)),
            ('\r', false) => {}
            ('\n', false) => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (c, _) => cell.push(c),
        }
    }
    rows
}

#[test]
fn french_has_a_bom_semicolons_and_decimal_commas() {
    let csv = export(&sample(), Lang::Fr);
    assert!(csv.starts_with('\u{feff}'));
    let r = rows(&csv, ';');
    assert_eq!(
        r[0],
        [
            "Rubrique",
            "id",
            "Intitulé",
            "Niveau ou réponse",
            "Niveau visé",
            "Notes",
            "Porté par",
            "Dernière valeur",
            "Unité",
            "Année"
        ]
    );
    let gov = r
        .iter()
        .find(|x| x[1] == "governance" && x[0] == "Domaine")
        .unwrap();
    assert_eq!(gov[3], "2");
    assert_eq!(gov[4], "3");
    assert_eq!(
        gov[5],
        "Budget participatif; depuis 2024\n\"deux\" réunions"
    );
    let overall = r.iter().find(|x| x[1] == "overall").unwrap();
    assert_eq!(overall[3], "2,5", "(2 + 3) / 2 with a decimal comma");
    let health = r.iter().find(|x| x[1] == "health").unwrap();
    assert_eq!(health[3], "Nous ne savons pas");
    let mobility = r.iter().find(|x| x[1] == "mobility").unwrap();
    assert_eq!(mobility[3], "Non évalués cette fois");
    assert!(csv.contains("\r\n"));
}

#[test]
fn english_has_commas_and_decimal_points() {
    let r = rows(&export(&sample(), Lang::En), ',');
    assert_eq!(
        r[0],
        [
            "Section",
            "id",
            "Title",
            "Level or answer",
            "Target",
            "Notes",
            "Held by",
            "Latest value",
            "Unit",
            "Year"
        ]
    );
    let overall = r.iter().find(|x| x[1] == "overall").unwrap();
    assert_eq!(overall[3], "2.5");
    let completion = r.iter().find(|x| x[1] == "completion").unwrap();
    // 6 priorities + 11 in-scope areas + 7 clauses + 27 requirements + 11 holders asked; 3 areas
    // + 1 clause answered: 4 / 62.
    assert_eq!(completion[3], "0.06");
}

#[test]
fn cells_that_look_like_formulas_are_neutralised() {
    let csv = export(&sample(), Lang::Fr);
    let r = rows(&csv, ';');
    let name = r.iter().find(|x| x[1] == "name").unwrap();
    assert_eq!(name[5], "'=HYPERLINK(\"http://evil\")");
    let action = r.iter().find(|x| x[0] == "Action").unwrap();
    assert!(action[5].starts_with("'+Revue annuelle"), "{:?}", action[5]);
    for row in &r {
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@']),
                "{cell:?} would run as a formula"
            );
        }
    }
}

#[test]
fn quick_mode_has_no_clause_rows() {
    let mut a = sample();
    a.mode = Mode::Quick;
    let r = rows(&export(&a, Lang::En), ',');
    assert!(r.iter().all(|x| x[0] != "Management system"));
    assert_eq!(
        r.iter().find(|x| x[1] == "management").unwrap()[3],
        "",
        "not computable: empty"
    );
}

#[test]
fn every_row_has_the_header_width() {
    for (lang, sep) in [(Lang::Fr, ';'), (Lang::En, ',')] {
        for mode in [Mode::Full, Mode::Quick] {
            let mut a = sample_v2();
            a.mode = mode;
            let r = rows(&export(&a, lang), sep);
            assert!(r.len() > 30);
            for row in &r {
                assert_eq!(row.len(), 10, "{lang:?} {mode:?}: {row:?}");
            }
        }
    }
}

#[test]
fn areas_carry_their_holder_in_the_ui_language() {
    let fr = rows(&export(&sample_v2(), Lang::Fr), ';');
    let en = rows(&export(&sample_v2(), Lang::En), ',');
    let inter = &HOLDERS[Holder::Intermunicipal.index()].title;
    let nobody = &HOLDERS[Holder::Nobody.index()].title;
    assert_ne!(inter.fr(), inter.en());
    assert_eq!(find(&fr, "Domaine", "governance")[HOLDER], inter.fr());
    assert_eq!(find(&en, "Area", "governance")[HOLDER], inter.en());
    assert_eq!(find(&fr, "Domaine", "health")[HOLDER], nobody.fr());
    assert_eq!(find(&en, "Area", "health")[HOLDER], nobody.en());
    assert_eq!(find(&fr, "Domaine", "education")[HOLDER], "", "not given");
    // Only areas have a holder.
    for row in fr.iter().skip(1).filter(|x| x[SECTION] != "Domaine") {
        assert_eq!(row[HOLDER], "", "{row:?}");
    }
}

#[test]
fn every_requirement_has_a_row_with_its_answer_in_words_and_its_evidence() {
    for (lang, sep, section, words) in [
        (
            Lang::Fr,
            ';',
            "Exigence",
            [
                "Oui",
                "En partie",
                "Non",
                "Sans objet",
                "Nous ne savons pas",
            ],
        ),
        (
            Lang::En,
            ',',
            "Requirement",
            ["Yes", "Partly", "No", "Not applicable", "We don't know"],
        ),
    ] {
        let r = rows(&export(&sample_v2(), lang), sep);
        let ids: Vec<&str> = r
            .iter()
            .filter(|x| x[SECTION] == section)
            .map(|x| x[ID].as_str())
            .collect();
        let all: Vec<&str> = REQUIREMENTS.iter().map(|q| q.id).collect();
        assert_eq!(ids, all, "one row per requirement, in the standard's order");
        assert_eq!(ids.len(), N_REQUIREMENTS);
        let [yes, partly, no, na, unknown] = words;
        for (id, answer) in [
            ("context.climate", yes),
            ("context.scope", partly),
            ("context.parties", no),
            ("leadership.policy", na),
            ("support.resources", unknown),
            ("context.issues", ""),
        ] {
            let row = find(&r, section, id);
            assert_eq!(row[ANSWER], answer, "{id}");
            let req = &REQUIREMENTS[requirement_index(id).unwrap()];
            assert_eq!(
                row[TITLE],
                format!(
                    "{} – {}",
                    CLAUSES[req.clause].title.get(lang),
                    req.title.get(lang)
                ),
                "the title, after its clause's"
            );
            assert_eq!(row[4], "", "no target");
            assert_eq!((&*row[VALUE], &*row[UNIT], &*row[YEAR]), ("", "", ""));
        }
        assert_eq!(
            find(&r, section, "context.climate")[NOTES],
            "Délibération du 12 mars 2026; \"climat\"",
            "the evidence, in the notes column"
        );
        assert_eq!(find(&r, section, "evaluation.audit")[ANSWER], "");
        assert_eq!(
            find(&r, section, "evaluation.audit")[NOTES],
            "'=cmd|' /C calc'!A0"
        );
        // Each clause's requirements follow the clause's row.
        for (c, cl) in CLAUSES.iter().enumerate() {
            let at = r
                .iter()
                .position(|x| x[ID] == cl.id && x[SECTION] != "Action")
                .unwrap();
            let after: Vec<&str> = r[at + 1..]
                .iter()
                .take_while(|x| x[SECTION] == section)
                .map(|x| x[ID].as_str())
                .collect();
            let expected: Vec<&str> = requirements_of(c).map(|q| REQUIREMENTS[q].id).collect();
            assert_eq!(after, expected, "{}", cl.id);
        }
    }
}

#[test]
fn indicators_followed_have_a_row_with_value_unit_and_year() {
    let g = area_index("governance").unwrap();
    let ids: Vec<&str> = indicators_of(g).iter().map(|i| i.id).collect();
    for (lang, sep, section) in [(Lang::Fr, ';', "Indicateur"), (Lang::En, ',', "Indicator")] {
        let r = rows(&export(&sample_v2(), lang), sep);
        let listed: Vec<&str> = r
            .iter()
            .filter(|x| x[SECTION] == section)
            .map(|x| x[ID].as_str())
            .collect();
        assert_eq!(listed, ids[..3], "followed only, in the content's order");
        let first = find(&r, section, ids[0]);
        let ind = &INDICATORS[indicator_index(ids[0]).unwrap()];
        assert_eq!(
            first[TITLE],
            format!("{} – {}", AREAS[g].title.get(lang), ind.title.get(lang))
        );
        assert_eq!(
            (&*first[VALUE], &*first[UNIT], &*first[YEAR]),
            ("38,5", "%", "2025"),
            "the value as typed, in either language"
        );
        assert_eq!(
            (&*first[ANSWER], &*first[NOTES], &*first[HOLDER]),
            ("", "", "")
        );
        let second = find(&r, section, ids[1]);
        assert_eq!(
            (&*second[VALUE], &*second[UNIT], &*second[YEAR]),
            ("", "", "")
        );
        let third = find(&r, section, ids[2]);
        assert_eq!(
            (&*third[VALUE], &*third[UNIT], &*third[YEAR]),
            ("'-12", "'@SUM(A1)", "2024"),
            "formulas neutralised"
        );
        // Right after their area's row.
        let at = r
            .iter()
            .position(|x| x[ID] == "governance" && x[SECTION] != "Action")
            .unwrap();
        assert_eq!(r[at + 1][ID], ids[0]);
    }
}

#[test]
fn clause_actions_are_written_like_area_actions() {
    for (lang, sep) in [(Lang::Fr, ';'), (Lang::En, ',')] {
        let r = rows(&export(&sample_v2(), lang), sep);
        let actions: Vec<&Vec<String>> = r.iter().filter(|x| x[SECTION] == "Action").collect();
        assert_eq!(actions.len(), 2);
        let (area, clause) = (actions[0], actions[1]);
        assert_eq!(area[ID], "governance");
        assert_eq!(area[NOTES], "'+Revue annuelle – DGS – 2027-06-30");
        assert_eq!(clause[ID], "context");
        assert_eq!(clause[TITLE], CLAUSES[0].title.get(lang));
        assert_eq!(clause[NOTES], "Write down the scope – Mayor – 2027-01-31");
        assert_eq!((&*clause[ANSWER], &*clause[4]), ("", ""));
        // After the clause's requirements, before the next clause.
        let at = r.iter().position(|x| std::ptr::eq(x, clause)).unwrap();
        assert_eq!(
            r[at - 1][ID],
            REQUIREMENTS[requirements_of(0).last().unwrap()].id
        );
        assert_eq!(r[at + 1][ID], CLAUSES[1].id);
    }
}

#[test]
fn new_cells_that_look_like_formulas_are_neutralised() {
    for (lang, sep) in [(Lang::Fr, ';'), (Lang::En, ',')] {
        let csv = export(&sample_v2(), lang);
        for row in rows(&csv, sep) {
            for cell in row {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{cell:?} would run as a formula"
                );
            }
        }
        assert!(
            csv.contains("\"'=cmd|' /C calc'!A0\""),
            "quoted, with a leading '"
        );
    }
}

#[test]
fn quick_mode_has_no_requirement_nor_indicator_rows() {
    let mut a = sample_v2();
    a.mode = Mode::Quick;
    for (lang, sep) in [(Lang::Fr, ';'), (Lang::En, ',')] {
        let r = rows(&export(&a, lang), sep);
        assert!(r.iter().all(|x| !matches!(
            x[SECTION].as_str(),
            "Exigence" | "Requirement" | "Indicateur" | "Indicator"
        )));
        assert!(r.iter().all(|x| REQUIREMENTS.iter().all(|q| q.id != x[ID])));
        assert!(r.iter().all(|x| INDICATORS.iter().all(|i| i.id != x[ID])));
        assert!(
            r.iter().all(|x| x[ID] != "context"),
            "nor the clause's action"
        );
    }
}
