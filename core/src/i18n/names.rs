//! How the reports and the interface name the things of an assessment in a language: an answer,
//! a requirement's answer, a priority, a clause, who holds an area.

use super::Lang;
use crate::content::{HolderInfo, CLAUSES, HOLDERS, NON_ANSWERS, PRIORITIES, REQUIREMENT_ANSWERS};

/// An answer as a reader sees it: the level's number, or "n/a" / "don't know" in `lang`;
/// empty when unanswered.
pub fn answer_text(a: Option<crate::model::Answer>, lang: Lang) -> String {
    use crate::model::Answer;
    match a {
        None => String::new(),
        Some(Answer::Level(l)) => l.get().to_string(),
        Some(Answer::Na) => NON_ANSWERS[0].title.get(lang).into(),
        Some(Answer::Unknown) => NON_ANSWERS[1].title.get(lang).into(),
    }
}

/// A requirement's answer in the UI's words ("Partly" / « En partie »).
pub fn met_text(m: crate::model::Met, lang: Lang) -> &'static str {
    REQUIREMENT_ANSWERS[m.index()].title.get(lang)
}

/// A purpose's priority in the UI's words (« Haute » / "High"); `missing` when none was given.
pub fn priority_title(
    p: Option<crate::model::Priority>,
    missing: &'static str,
    lang: Lang,
) -> &'static str {
    p.map_or(missing, |p| PRIORITIES[p as usize].title.get(lang))
}

/// A management-system clause as the reports name it: "§ 4 – Context of the organization", the
/// sign kept with its number.
pub fn clause_name(c: usize, lang: Lang) -> String {
    let cl = &CLAUSES[c];
    format!(
        "{}\u{a0}{} – {}",
        lang.ui().clause_label,
        cl.clause,
        cl.title.get(lang)
    )
}

/// What the content says of a holder: its title, and how a sentence names it.
pub fn holder_info(h: crate::model::Holder) -> &'static HolderInfo {
    &HOLDERS[h as usize]
}
