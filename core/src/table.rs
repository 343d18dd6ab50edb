//! The machine CSV: every file's answers as one long table for data tools (DuckDB, Polars,
//! pandas), in a shape that is the same whatever the language, as `docs/spec/format.md`
//! § Machine CSV defines it. The command line's `table` writes it; the app's own CSV
//! (`crate::csv`) is the one for spreadsheets.
//!
//! One row per file × item the file's mode asks: the 6 purposes and the 12 areas in both modes,
//! then in full mode the 7 clauses and the requirements of the checklist. Unanswered items keep
//! their row with an empty `answer`, so every file of a mode has the same rows and a missing row
//! never means anything.

use std::fmt::Write as _;

use crate::content::{AREAS, CLAUSES, PURPOSES, REQUIREMENTS};
use crate::model::{Answer, Assessment, Level, Mode};

/// The header, in order.
pub const COLUMNS: [&str; 11] = [
    "file",
    "id",
    "community",
    "date",
    "mode",
    "section",
    "item",
    "answer",
    "score",
    "target",
    "holder",
];

/// The `answer` of an area that is out of scope ("not assessed this time"): neither a level nor
/// unanswered.
pub const OUT_OF_SCOPE: &str = "out-of-scope";

/// What a row is about: the `section` column (one of the assessment's kinds of item).
pub use crate::model::Section;

/// One item of one file: the columns after `section`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Row {
    pub section: Section,
    /// The purpose, area, clause or requirement id.
    pub item: &'static str,
    /// The raw stored value, empty when unanswered; `out-of-scope` for an area out of scope.
    pub answer: &'static str,
    /// The number the answer scores as (`docs/spec/scoring.md`); `None` when it is not scored.
    pub score: Option<f64>,
    /// An area's target level.
    pub target: Option<u8>,
    /// An area's holder id.
    pub holder: Option<&'static str>,
}

/// A level answer as the file stores it, and the number it scores as.
fn level(answer: Option<Answer>) -> (&'static str, Option<f64>) {
    match answer {
        None => ("", None),
        Some(a) => (a.id(), a.scored().map(|l| f64::from(l.get()))),
    }
}

/// The rows of one assessment, in the standard's order: purposes, areas, then in full mode each
/// clause and the requirements of the checklist (in `REQUIREMENTS` order, clause by clause).
pub fn rows(a: &Assessment) -> Vec<Row> {
    let mut rows = Vec::with_capacity(PURPOSES.len() + AREAS.len() + 40);
    for (p, ans) in PURPOSES.iter().zip(&a.purposes) {
        rows.push(Row {
            section: Section::Purpose,
            item: p.id,
            answer: ans.priority.map_or("", |x| x.id()),
            // A priority scores as its weight (low 1, medium 2, high 3), as the suggested ranks
            // and the workshop count it. Unanswered stays empty: "counts as medium" is a rule
            // of the rank, not an answer.
            score: ans.priority.map(|x| f64::from(x.weight())),
            target: None,
            holder: None,
        });
    }
    for (area, ans) in AREAS.iter().zip(&a.areas) {
        let (answer, score) = if ans.in_scope {
            level(ans.level)
        } else {
            (OUT_OF_SCOPE, None)
        };
        rows.push(Row {
            section: Section::Area,
            item: area.id,
            answer,
            score,
            // As stored, in scope or not: an out-of-scope area keeps what it holds.
            target: ans.target.map(|t| t.get()),
            holder: ans.holder.map(|h| h.id()),
        });
    }
    if a.mode == Mode::Full {
        for (clause, ans) in CLAUSES.iter().zip(&a.clauses) {
            let (answer, score) = level(ans.level);
            rows.push(Row {
                section: Section::Clause,
                item: clause.id,
                answer,
                score,
                target: None,
                holder: None,
            });
        }
        for (req, ans) in REQUIREMENTS.iter().zip(&a.requirements) {
            rows.push(Row {
                section: Section::Requirement,
                item: req.id,
                answer: ans.met.map_or("", |m| m.id()),
                // yes 1, partly 0.5, no 0: the halves over two, exact in binary.
                score: ans.met.and_then(|m| m.halves()).map(|h| f64::from(h) / 2.0),
                target: None,
                holder: None,
            });
        }
    }
    rows
}

/// The `date` column: the community's own date of the assessment when given, else the day the
/// file was last saved (the first 10 characters of `updated`, as the export's file name uses),
/// so that every row can be placed in time. Quick mode never asks the community's date.
pub fn date(a: &Assessment) -> &str {
    a.community
        .date
        .as_deref()
        .unwrap_or_else(|| a.updated.get(..10).unwrap_or(""))
}

/// Appends one cell as RFC 4180 writes it: quoted only when it holds `,`, `"`, a line feed or a
/// carriage return, with `"` doubled inside. No formula escaping: data tools read the text as it
/// is (the app's CSV is the one for spreadsheets).
pub fn cell(out: &mut String, s: &str) {
    if s.contains([',', '"', '\n', '\r']) {
        out.push('"');
        for c in s.chars() {
            if c == '"' {
                out.push('"');
            }
            out.push(c);
        }
        out.push('"');
    } else {
        out.push_str(s);
    }
}

/// Appends the header row.
pub fn header(out: &mut String) {
    out.push_str(&COLUMNS.join(","));
    out.push_str("\r\n");
}

/// Appends the rows of one file, each ended by CRLF. `file` is the file's name as given.
pub fn write(out: &mut String, file: &str, a: &Assessment) {
    // The five columns every row of the file repeats, quoted once.
    let mut head = String::new();
    for (i, s) in [file, &a.id, &a.community.name, date(a), a.mode.id()]
        .into_iter()
        .enumerate()
    {
        if i > 0 {
            head.push(',');
        }
        cell(&mut head, s);
    }
    for r in rows(a) {
        out.push_str(&head);
        out.push(',');
        out.push_str(r.section.id());
        out.push(',');
        out.push_str(r.item);
        out.push(',');
        out.push_str(r.answer);
        out.push(',');
        if let Some(s) = r.score {
            // Display writes 2 for 2.0 and 0.5 for 0.5: a decimal point, no exponent here.
            let _ = write!(out, "{s}");
        }
        out.push(',');
        if let Some(t) = r.target {
            // A target is a level: the same text as a level answer.
            let level = Level::new(t).map(|l| Answer::Level(l).id());
            out.push_str(level.unwrap_or(""));
        }
        out.push(',');
        out.push_str(r.holder.unwrap_or(""));
        out.push_str("\r\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{area_index, requirement_index, N_AREAS, N_CLAUSES, N_PURPOSES};
    use crate::i18n::Lang;
    use crate::model::{Holder, Level, Met, Priority};

    fn blank(mode: Mode) -> Assessment {
        Assessment::new(
            "3b0c6c1e-8f0a-4a8e-9d61-2f0f4b1a7c55".into(),
            "2026-11-28T20:15:00.123Z".into(),
            Lang::Fr,
            mode,
            "Commune de Saint-Exemple".into(),
        )
    }

    #[test]
    fn quick_mode_has_a_row_per_purpose_and_area_full_mode_adds_clauses_and_requirements() {
        let quick = rows(&blank(Mode::Quick));
        assert_eq!(quick.len(), N_PURPOSES + N_AREAS);
        assert!(quick
            .iter()
            .all(|r| matches!(r.section, Section::Purpose | Section::Area)));
        let full = rows(&blank(Mode::Full));
        assert_eq!(
            full.len(),
            N_PURPOSES + N_AREAS + N_CLAUSES + REQUIREMENTS.len()
        );
        assert_eq!(full[N_PURPOSES + N_AREAS].section, Section::Clause);
        assert_eq!(full.last().map(|r| r.section), Some(Section::Requirement));
        // Unanswered items keep their row, empty.
        assert!(full
            .iter()
            .all(|r| r.answer.is_empty() && r.score.is_none()));
    }

    #[test]
    fn a_quick_file_holding_clause_answers_still_gets_no_clause_rows() {
        let mut a = blank(Mode::Quick);
        a.clauses[0].level = Some(Answer::Level(Level::new(3).unwrap()));
        a.requirements[0].met = Some(Met::Yes);
        assert_eq!(rows(&a).len(), N_PURPOSES + N_AREAS);
    }

    #[test]
    fn answers_are_raw_and_scores_follow_the_scoring_rules() {
        let mut a = blank(Mode::Full);
        a.purposes[0].priority = Some(Priority::Low);
        a.purposes[1].priority = Some(Priority::High);
        let gov = area_index("governance").unwrap();
        a.areas[gov].level = Some(Answer::Level(Level::new(0).unwrap()));
        a.areas[gov].target = Some(Level::new(3).unwrap());
        a.areas[gov].holder = Some(Holder::Intermunicipal);
        a.areas[1].level = Some(Answer::Na);
        a.areas[2].level = Some(Answer::Unknown);
        a.areas[3].in_scope = false;
        a.areas[3].level = Some(Answer::Level(Level::new(4).unwrap()));
        a.areas[3].target = Some(Level::new(2).unwrap());
        a.clauses[0].level = Some(Answer::Level(Level::new(2).unwrap()));
        a.clauses[1].level = Some(Answer::Na);
        for (id, met) in [
            ("context.climate", Met::Yes),
            ("context.scope", Met::Partly),
            ("context.parties", Met::No),
        ] {
            a.requirements[requirement_index(id).unwrap()].met = Some(met);
        }
        let r = rows(&a);
        let get =
            |s: Section, item: &str| *r.iter().find(|r| r.section == s && r.item == item).unwrap();
        let p = get(Section::Purpose, PURPOSES[0].id);
        assert_eq!((p.answer, p.score), ("low", Some(1.0)));
        let p = get(Section::Purpose, PURPOSES[1].id);
        assert_eq!((p.answer, p.score), ("high", Some(3.0)));
        assert_eq!(get(Section::Purpose, PURPOSES[2].id).score, None);
        let g = get(Section::Area, "governance");
        assert_eq!(
            (g.answer, g.score, g.target, g.holder),
            ("0", Some(0.0), Some(3), Some("intermunicipal"))
        );
        assert_eq!(get(Section::Area, AREAS[1].id).answer, "na");
        assert_eq!(get(Section::Area, AREAS[1].id).score, None);
        assert_eq!(get(Section::Area, AREAS[2].id).answer, "unknown");
        let out = get(Section::Area, AREAS[3].id);
        assert_eq!(
            (out.answer, out.score, out.target),
            (OUT_OF_SCOPE, None, Some(2))
        );
        assert_eq!(get(Section::Clause, CLAUSES[0].id).score, Some(2.0));
        assert_eq!(get(Section::Clause, CLAUSES[1].id).answer, "na");
        let req = |id| {
            let r = get(Section::Requirement, id);
            (r.answer, r.score)
        };
        assert_eq!(req("context.climate"), ("yes", Some(1.0)));
        assert_eq!(req("context.scope"), ("partly", Some(0.5)));
        assert_eq!(req("context.parties"), ("no", Some(0.0)));
    }

    #[test]
    fn the_date_is_the_communitys_else_the_day_of_the_last_save() {
        let mut a = blank(Mode::Quick);
        assert_eq!(date(&a), "2026-11-28");
        a.community.date = Some("2026-10-01".into());
        assert_eq!(date(&a), "2026-10-01");
    }

    #[test]
    fn cells_are_quoted_only_when_needed() {
        let mut out = String::new();
        for s in ["plain", "a,b", "say \"hi\"", "two\nlines", "=1+1", ""] {
            cell(&mut out, s);
            out.push('|');
        }
        assert_eq!(
            out,
            "plain|\"a,b\"|\"say \"\"hi\"\"\"|\"two\nlines\"|=1+1||"
        );
    }

    #[test]
    fn every_line_has_the_headers_eleven_cells_and_ends_in_crlf() {
        let mut a = blank(Mode::Full);
        a.community.name = "Saint-Martin, \"le haut\"".into();
        a.areas[0].level = Some(Answer::Level(Level::new(2).unwrap()));
        a.requirements[0].met = Some(Met::Partly);
        let mut out = String::new();
        header(&mut out);
        write(&mut out, "dir/a b.json", &a);
        assert!(out.starts_with(
            "file,id,community,date,mode,section,item,answer,score,target,holder\r\n"
        ));
        assert!(out.ends_with("\r\n"));
        let lines: Vec<&str> = out.split_terminator("\r\n").collect();
        assert_eq!(lines.len(), 1 + rows(&a).len());
        assert_eq!(
            lines[N_PURPOSES + 1],
            "dir/a b.json,3b0c6c1e-8f0a-4a8e-9d61-2f0f4b1a7c55,\"Saint-Martin, \"\"le haut\"\"\",\
             2026-11-28,full,area,governance,2,2,,"
        );
        let req = lines.iter().find(|l| l.contains(",requirement,")).unwrap();
        assert!(req.ends_with(&format!(",requirement,{},partly,0.5,,", REQUIREMENTS[0].id)));
        // 11 cells once the quoted name (two commas inside quotes) is taken as one.
        for l in &lines[1..] {
            assert_eq!(l.matches(',').count(), 10 + 1);
        }
    }
}
