//! The CSV writer: what French and English spreadsheets expect, and no formula ever runs.

#![cfg(not(target_arch = "wasm32"))]

mod common;
use autodiag37101::csv::export;
use autodiag37101::i18n::Lang;
use autodiag37101::model::*;
use common::*;

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
            "Notes"
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
    assert_eq!(r[0][0], "Section");
    let overall = r.iter().find(|x| x[1] == "overall").unwrap();
    assert_eq!(overall[3], "2.5");
    let completion = r.iter().find(|x| x[1] == "completion").unwrap();
    // 6 priorities + 11 in-scope areas + 7 clauses asked; 3 areas + 1 clause answered.
    assert_eq!(completion[3], "0.17");
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
