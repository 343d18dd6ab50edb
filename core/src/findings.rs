//! What the profile says in words: strengths, gaps and suggested priorities, each with one
//! sentence of why; what an area another body holds (or nobody) means; the things to find out;
//! how many requirements are met. Pure text, so it is tested natively; the views only place it.

use crate::content::{
    Note, AREAS, CLAUSES, HOLDER_TEMPLATES, NOBODY_FLAG, PURPOSES, REQUIREMENTS, UNKNOWN_FIND_OUT,
};
use crate::i18n::{clause_name, holder_info};
use crate::i18n::{fill, plural, Lang};
use crate::model::{sort_small_by, Assessment, Holder, Mode};
use crate::numbers::percent;
use crate::scoring::{contribution, unknowns, AreaScore, MetCounts, Scores, Section};

/// At most this many strengths and gaps are named.
pub const MAX_NAMED: usize = 3;

/// The sentence after an area's finding when another body holds it ("This area is run by the
/// inter-municipal body: the level measures how you take part."), with its leading space; empty
/// otherwise.
pub fn taking_part(a: &Assessment, i: usize, lang: Lang) -> String {
    match a.areas[i].holder.filter(|h| h.is_other_body()) {
        Some(h) => format!(
            " {}",
            fill(
                lang.report().taking_part,
                &[holder_info(h).in_sentence.get(lang)]
            )
        ),
        None => String::new(),
    }
}

/// The scored areas as (area, level, gap to a target set, 0 without one), in the standard's
/// order.
fn scored(s: &Scores) -> Vec<(usize, u8, u8)> {
    (0..AREAS.len())
        .filter_map(|i| s.areas[i].map(|x| (i, x.level, x.gap.unwrap_or(0))))
        .collect()
}

/// Why an area is suggested, in a few words: its gap to the target someone set, else the next
/// level ("next step: level 3"); never a gap to a target nobody set.
pub fn step_text(x: &AreaScore, lang: Lang) -> String {
    match (x.gap, x.aim()) {
        (Some(g), _) => plural(lang.report().priority_why, usize::from(g), &[], lang),
        (None, Some(next)) => fill(lang.report().next_step, &[&next.to_string()]),
        (None, None) => String::new(),
    }
}

/// The most advanced areas (all those at the highest level above 0, at most `MAX_NAMED`).
pub fn strengths(s: &Scores, lang: Lang) -> Vec<String> {
    let mut areas = scored(s);
    sort_small_by(&mut areas, |x, y| y.1.cmp(&x.1));
    let top = areas.first().map(|x| x.1);
    areas
        .iter()
        .filter(|x| Some(x.1) == top && x.1 > 0)
        .take(MAX_NAMED)
        .map(|&(i, l, _)| {
            fill(
                lang.report().strength_why,
                &[AREAS[i].title.get(lang), &l.to_string()],
            )
        })
        .collect()
}

/// The largest gaps to a target someone set (at most `MAX_NAMED`), worded as taking part where
/// another body holds the area. None without a target: a gap to a target nobody set would be
/// invented.
pub fn gaps(a: &Assessment, s: &Scores, lang: Lang) -> Vec<String> {
    let mut areas = scored(s);
    sort_small_by(&mut areas, |x, y| y.2.cmp(&x.2));
    areas
        .iter()
        .filter(|x| x.2 > 0)
        .take(MAX_NAMED)
        .map(|&(i, l, g)| {
            let why = fill(
                lang.report().gap_why,
                &[
                    AREAS[i].title.get(lang),
                    &l.to_string(),
                    &(l + g).to_string(),
                ],
            );
            why + &taking_part(a, i, lang)
        })
        .collect()
}

/// Why area `i` is a suggested priority: its gap, and the purposes it contributes strongly to.
pub fn priority_reason(a: &Assessment, s: &Scores, i: usize, lang: Lang) -> String {
    let gap = s.areas[i].map(|x| step_text(&x, lang)).unwrap_or_default();
    let strong: Vec<&str> = (0..PURPOSES.len())
        .filter(|&p| contribution(a, i, p) == 2)
        .map(|p| PURPOSES[p].title.get(lang))
        .collect();
    let why = if strong.is_empty() {
        fill(
            lang.report().priority_reason_plain,
            &[AREAS[i].title.get(lang), &gap],
        )
    } else {
        fill(
            lang.report().priority_reason,
            &[AREAS[i].title.get(lang), &gap, &strong.join(", ")],
        )
    };
    why + &taking_part(a, i, lang)
}

/// What the profile says of an area another body holds, or nobody.
#[derive(Clone, Debug, PartialEq)]
pub struct HolderFinding {
    pub area: usize,
    /// Nobody holds it: a governance gap, flagged.
    pub nobody: bool,
    pub text: String,
    /// Suggested actions, speaking of taking part and asking the holder.
    pub actions: &'static [Note],
}

/// The holder findings of the in-scope areas of a full assessment, in the standard's order.
pub fn holder_findings(a: &Assessment, lang: Lang) -> Vec<HolderFinding> {
    if a.mode != Mode::Full {
        return Vec::new();
    }
    (0..AREAS.len())
        .filter(|&i| a.areas[i].in_scope)
        .filter_map(|i| {
            let holder = a.areas[i].holder?;
            let fill_in = |t: &Note| {
                t.get(lang)
                    .replace("{area}", AREAS[i].title.get(lang))
                    .replace("{holder}", holder_info(holder).in_sentence.get(lang))
            };
            let nobody = holder == Holder::Nobody;
            let (finding, actions) = if nobody {
                (&NOBODY_FLAG.finding, NOBODY_FLAG.actions)
            } else {
                let t = HOLDER_TEMPLATES
                    .iter()
                    .find(|t| t.holder == holder as usize)?;
                (&t.finding, t.actions)
            };
            Some(HolderFinding {
                area: i,
                nobody,
                text: fill_in(finding),
                actions,
            })
        })
        .collect()
}

/// A thing to find out, as the lists name it.
pub fn unknown_text(section: Section, i: usize, lang: Lang) -> String {
    match section {
        Section::Purpose => PURPOSES[i].title.get(lang).to_string(),
        Section::Area => AREAS[i].title.get(lang).to_string(),
        Section::Clause => CLAUSES[i].title.get(lang).to_string(),
        Section::Requirement => format!(
            "{} ({})",
            REQUIREMENTS[i].title.get(lang),
            CLAUSES[REQUIREMENTS[i].clause].title.get(lang)
        ),
        Section::Holder => UNKNOWN_FIND_OUT
            .get(lang)
            .replace("{area}", AREAS[i].title.get(lang)),
    }
}

/// Every thing to find out, in order.
pub fn unknown_texts(a: &Assessment, lang: Lang) -> Vec<String> {
    unknowns(a)
        .into_iter()
        .map(|(section, i)| unknown_text(section, i, lang))
        .collect()
}

/// Declared readiness, "62 % — met: 10; partly: 5; not met: 4; to check: 2", then the `yes`
/// answers that name no document and, below 80 % answered, that the share is provisional: a share
/// is never shown bare. "No requirement assessed yet" when none is scored.
pub fn met_summary(c: &MetCounts, lang: Lang) -> String {
    let Some(share) = c.share() else {
        return lang.report().nothing_scored.to_string();
    };
    let mut out = fill(
        lang.report().met_summary,
        &[
            &percent(share, lang),
            &c.yes.to_string(),
            &c.partly.to_string(),
            &c.no.to_string(),
            &c.unknown.to_string(),
        ],
    );
    if c.yes_undocumented() > 0 {
        out += &format!(
            "{}{}",
            separator(lang),
            fill(
                lang.report().yes_undocumented,
                &[&c.yes_undocumented().to_string()]
            )
        );
    }
    out + &provisional(c, lang)
}

/// "; provisional: 12 of 27 requirements answered", when fewer than 80 % are answered.
fn provisional(c: &MetCounts, lang: Lang) -> String {
    if !c.provisional() {
        return String::new();
    }
    format!(
        " ({})",
        plural(
            lang.report().provisional,
            c.answered(),
            &[&c.asked.to_string()],
            lang
        )
    )
}

/// "; " as the language writes it.
fn separator(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "\u{202f}; ",
        Lang::En => "; ",
    }
}

/// Demonstrated readiness, "38 % — 9 of 27 requirements backed by a document", with the same
/// provisional mark; or why it is not computed (no document named anywhere). `share` is the
/// headline's (the mean of the phases) or a clause's or a phase's own.
pub fn demonstrated_summary(share: Option<f64>, c: &MetCounts, lang: Lang) -> String {
    let Some(share) = share else {
        return lang.report().no_documents.to_string();
    };
    let count = plural(
        lang.report().demonstrated_count,
        c.documented(),
        &[&c.asked.to_string()],
        lang,
    );
    format!("{} — {count}{}", percent(share, lang), provisional(c, lang))
}

/// Clauses whose maturity level and declared readiness tell two stories (level 3 or 4 with under
/// half of the requirements met, or level 0 or 1 with 80 % or more), one sentence each.
pub fn mismatches(a: &Assessment, s: &Scores, lang: Lang) -> Vec<String> {
    if a.mode != Mode::Full {
        return Vec::new();
    }
    (0..CLAUSES.len())
        .filter_map(|c| {
            let level = a.clauses[c].level.and_then(|l| l.scored())?.get();
            let share = s.requirements.clauses[c].share()?;
            let odd = (level >= 3 && share < 0.5) || (level <= 1 && share >= 0.8);
            odd.then(|| {
                fill(
                    lang.report().mismatch,
                    &[
                        &clause_name(c, lang),
                        &level.to_string(),
                        &percent(share, lang),
                    ],
                )
            })
        })
        .collect()
}
