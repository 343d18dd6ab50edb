//! CSV export of all answers, for spreadsheets: one row per item (section, id, title in the UI
//! language, level or answer, target, notes, then holder, value, unit and year), as
//! `docs/spec/format.md` § App CSV describes it. Full mode adds a row per requirement of the
//! checklist and per indicator followed.
//!
//! What French Excel expects: UTF-8 with a byte-order mark (or accents break), `;` between cells
//! and a decimal comma. In English, `,` and a point. A cell that starts with `=`, `+`, `-`, `@`, a
//! tab or a carriage return is prefixed with `'`, so that a spreadsheet never runs it as a formula.

use crate::content::{
    indicators_of, requirements_of, Pdca, AREAS, CLAUSES, HOLDERS, PRIORITIES, PURPOSES,
    REQUIREMENTS,
};
use crate::i18n::met_text;
use crate::i18n::Lang;
use crate::model::{Assessment, Mode, PlannedAction};
use crate::scoring;

/// Section, id, title, level or answer, target, notes, holder, value, unit, year. The columns v2
/// added come last, so a spreadsheet built on v1's six columns still finds them in place.
const COLUMNS: usize = 10;

struct Writer {
    out: String,
    sep: char,
    decimal: char,
}

impl Writer {
    fn cell(&mut self, s: &str) {
        let risky = s.starts_with(['=', '+', '-', '@', '\t', '\r']);
        let quote = risky || s.contains([self.sep, '"', '\n', '\r']);
        if quote {
            self.out.push('"');
        }
        if risky {
            self.out.push('\'');
        }
        for c in s.chars() {
            if c == '"' {
                self.out.push('"');
            }
            self.out.push(c);
        }
        if quote {
            self.out.push('"');
        }
    }

    /// One row; cells left out at the end are empty, so every row has the header's width.
    fn row(&mut self, cells: &[&str]) {
        for i in 0..COLUMNS.max(cells.len()) {
            if i > 0 {
                self.out.push(self.sep);
            }
            self.cell(cells.get(i).copied().unwrap_or(""));
        }
        // CRLF: what RFC 4180 and spreadsheets expect.
        self.out.push_str("\r\n");
    }

    /// A score with two decimals at most, in the language's decimal mark; empty when not
    /// computable.
    fn number(&self, v: Option<f64>) -> String {
        let Some(v) = v else { return String::new() };
        let hundredths = (v * 100.0).round() as i64;
        let (int, frac) = (hundredths / 100, (hundredths % 100).abs());
        match frac {
            0 => int.to_string(),
            f if f % 10 == 0 => format!("{int}{}{}", self.decimal, f / 10),
            f => format!("{int}{}{f:02}", self.decimal),
        }
    }
}

/// One row per planned action of an area or a clause: "title – owner – due" in the notes column.
fn action_rows(w: &mut Writer, section: &str, id: &str, title: &str, actions: &[PlannedAction]) {
    for action in actions {
        let due = action.due.as_deref().unwrap_or("");
        let what = format!("{} – {} – {}", action.title, action.owner, due);
        w.row(&[section, id, title, "", "", &what]);
    }
}

/// The whole CSV file, byte-order mark included.
pub fn export(a: &Assessment, lang: Lang) -> String {
    let (sep, decimal) = match lang {
        Lang::Fr => (';', ','),
        Lang::En => (',', '.'),
    };
    let mut w = Writer {
        out: String::from('\u{feff}'),
        sep,
        decimal,
    };
    let ui = lang.ui();
    w.row(&[
        lang.report().csv_section,
        "id",
        lang.report().csv_title,
        lang.report().csv_level,
        lang.report().csv_target,
        lang.report().csv_notes,
        lang.report().csv_holder,
        lang.report().csv_value,
        lang.report().csv_unit,
        lang.report().csv_year,
    ]);
    w.row(&[
        lang.report().csv_community,
        "name",
        ui.name_label,
        "",
        "",
        &a.community.name,
    ]);
    w.row(&[
        lang.report().csv_community,
        "participants",
        ui.participants_label,
        "",
        "",
        &a.community.participants,
    ]);
    w.row(&[
        lang.report().csv_community,
        "notes",
        ui.notes_label,
        "",
        "",
        &a.community.notes,
    ]);
    for (p, ans) in PURPOSES.iter().zip(&a.purposes) {
        let priority = ans
            .priority
            .map_or("", |x| PRIORITIES[x as usize].title.get(lang));
        w.row(&[
            lang.report().csv_purpose,
            p.id,
            p.title.get(lang),
            priority,
            "",
            "",
        ]);
    }
    let full = a.mode == Mode::Full;
    for (i, (area, ans)) in AREAS.iter().zip(&a.areas).enumerate() {
        let level = if ans.in_scope {
            crate::i18n::answer_text(ans.level, lang)
        } else {
            lang.report().out_of_scope_heading.to_string()
        };
        let target = ans.target.map(|t| t.get().to_string()).unwrap_or_default();
        let notes = match (ans.indicators.is_empty(), ans.notes.is_empty()) {
            (false, false) => format!(
                "{}: {}\n{}",
                lang.report().indicators_label,
                ans.indicators,
                ans.notes
            ),
            (false, true) => format!("{}: {}", lang.report().indicators_label, ans.indicators),
            _ => ans.notes.clone(),
        };
        let holder = ans
            .holder
            .map_or("", |h| HOLDERS[h.index()].title.get(lang));
        w.row(&[
            lang.report().csv_area,
            area.id,
            area.title.get(lang),
            &level,
            &target,
            &notes,
            holder,
        ]);
        if full {
            for (ind, f) in indicators_of(i).iter().zip(&ans.followed) {
                let Some(f) = f else { continue };
                let title = format!("{} – {}", area.title.get(lang), ind.title.get(lang));
                let year = f.year.map(|y| y.to_string()).unwrap_or_default();
                w.row(&[
                    lang.report().csv_indicator,
                    ind.id,
                    &title,
                    "",
                    "",
                    "",
                    "",
                    &f.value,
                    &f.unit,
                    &year,
                ]);
            }
        }
        action_rows(
            &mut w,
            lang.report().csv_action,
            area.id,
            area.title.get(lang),
            &ans.actions,
        );
    }
    if full {
        for (c, (cl, ans)) in CLAUSES.iter().zip(&a.clauses).enumerate() {
            w.row(&[
                lang.report().csv_clause,
                cl.id,
                cl.title.get(lang),
                &crate::i18n::answer_text(ans.level, lang),
                "",
                &ans.notes,
            ]);
            for r in requirements_of(c) {
                let (req, ans) = (&REQUIREMENTS[r], &a.requirements[r]);
                let title = format!("{} – {}", cl.title.get(lang), req.title.get(lang));
                let met = ans.met.map_or("", |m| met_text(m, lang));
                w.row(&[
                    lang.report().csv_requirement,
                    req.id,
                    &title,
                    met,
                    "",
                    &ans.evidence,
                ]);
            }
            action_rows(
                &mut w,
                lang.report().csv_action,
                cl.id,
                cl.title.get(lang),
                &ans.actions,
            );
        }
    }
    let s = scoring::compute(a);
    let score_rows: Vec<(&str, &str, Option<f64>)> = [
        (
            "completion",
            lang.report().completion_label,
            Some(s.completion),
        ),
        ("overall", lang.report().overall_label, s.overall),
        (
            "management",
            lang.report().management_label,
            s.management.overall,
        ),
    ]
    .into_iter()
    .chain(Pdca::ALL.map(|p| (p.info().id, p.info().title.get(lang), s.management.phase(p))))
    .chain(
        PURPOSES
            .iter()
            .zip(s.purposes)
            .map(|(p, v)| (p.id, p.title.get(lang), v)),
    )
    .collect();
    for (id, title, v) in score_rows {
        let n = w.number(v);
        w.row(&[lang.report().csv_score, id, title, &n, "", ""]);
    }
    w.out
}
