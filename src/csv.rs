//! CSV export of all answers, for spreadsheets: one row per item (section, id, title in the UI
//! language, level, target, notes).
//!
//! What French Excel expects: UTF-8 with a byte-order mark (or accents break), `;` between cells
//! and a decimal comma. In English, `,` and a point. A cell that starts with `=`, `+`, `-`, `@`, a
//! tab or a carriage return is prefixed with `'`, so that a spreadsheet never runs it as a formula.

use crate::content::{Pdca, AREAS, CLAUSES, PRIORITIES, PURPOSES};
use crate::i18n::Lang;
use crate::model::{Assessment, Mode};
use crate::scoring;

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

    fn row(&mut self, cells: &[&str]) {
        for (i, c) in cells.iter().enumerate() {
            if i > 0 {
                self.out.push(self.sep);
            }
            self.cell(c);
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
        ui.csv_section,
        "id",
        ui.csv_title,
        ui.csv_level,
        ui.csv_target,
        ui.csv_notes,
    ]);
    w.row(&[
        ui.csv_community,
        "name",
        ui.name_label,
        "",
        "",
        &a.community.name,
    ]);
    w.row(&[
        ui.csv_community,
        "participants",
        ui.participants_label,
        "",
        "",
        &a.community.participants,
    ]);
    w.row(&[
        ui.csv_community,
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
        w.row(&[ui.csv_purpose, p.id, p.title.get(lang), priority, "", ""]);
    }
    for (area, ans) in AREAS.iter().zip(&a.areas) {
        let level = if ans.in_scope {
            crate::content::answer_text(ans.level, lang)
        } else {
            ui.out_of_scope_heading.to_string()
        };
        let target = ans.target.map(|t| t.get().to_string()).unwrap_or_default();
        let notes = match (ans.indicators.is_empty(), ans.notes.is_empty()) {
            (false, false) => format!("{}: {}\n{}", ui.indicators_label, ans.indicators, ans.notes),
            (false, true) => format!("{}: {}", ui.indicators_label, ans.indicators),
            _ => ans.notes.clone(),
        };
        w.row(&[
            ui.csv_area,
            area.id,
            area.title.get(lang),
            &level,
            &target,
            &notes,
        ]);
        for action in &ans.actions {
            let due = action.due.as_deref().unwrap_or("");
            let what = format!("{} – {} – {}", action.title, action.owner, due);
            w.row(&[ui.csv_action, area.id, area.title.get(lang), "", "", &what]);
        }
    }
    if a.mode == Mode::Full {
        for (cl, ans) in CLAUSES.iter().zip(&a.clauses) {
            w.row(&[
                ui.csv_clause,
                cl.id,
                cl.title.get(lang),
                &crate::content::answer_text(ans.level, lang),
                "",
                &ans.notes,
            ]);
        }
    }
    let s = scoring::compute(a);
    let score_rows: Vec<(&str, &str, Option<f64>)> = [
        ("completion", ui.completion_label, Some(s.completion)),
        ("overall", ui.overall_label, s.overall),
        ("management", ui.management_label, s.management.overall),
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
        w.row(&[ui.csv_score, id, title, &n, "", ""]);
    }
    w.out
}
