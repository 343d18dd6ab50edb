//! `autodiag merge`: a workshop's figures (`Workshop` in the core), the same as the browser's
//! merged view.

use autodiag_core::content::{
    Text, AREAS, CLAUSES, PRIORITIES, PURPOSES, REQUIREMENTS, REQUIREMENT_ANSWERS,
};
use autodiag_core::i18n::{fill, Lang};
use autodiag_core::model::{Answer, Level};
use autodiag_core::scoring::ItemStats;
use autodiag_core::table::Section;
use autodiag_core::workshop::{met_of_value, Item, Merging};
use serde::Serialize;

use super::{columns, json, json_doc, num, print, read_all};
use crate::words::{words, Words};
use crate::{Args, Outcome};

/// An item of the merged view as the machine CSV names it.
fn item_names(item: Item) -> (Section, &'static str, &'static Text) {
    let (id, title) = match item {
        Item::Purpose(i) => (PURPOSES[i].id, &PURPOSES[i].title),
        Item::Area(i) => (AREAS[i].id, &AREAS[i].title),
        Item::Clause(i) => (CLAUSES[i].id, &CLAUSES[i].title),
        Item::Requirement(i) => (REQUIREMENTS[i].id, &REQUIREMENTS[i].title),
    };
    (item.section(), id, title)
}

fn section_word(w: &Words, s: Section) -> &'static str {
    w.sections[match s {
        Section::Purpose => 0,
        // A workshop has no holder items: an area's word if one ever came.
        Section::Area | Section::Holder => 1,
        Section::Clause => 2,
        Section::Requirement => 3,
    }]
}

/// The consensus as a stored answer (the machine CSV's `answer`), and in words for `lang`.
fn consensus(item: Item, value: u8, lang: Lang) -> Option<(&'static str, &'static str)> {
    match item {
        Item::Purpose(_) => {
            let p = PRIORITIES.get(usize::from(value).checked_sub(1)?)?;
            Some((p.id, p.title.get(lang)))
        }
        Item::Area(_) | Item::Clause(_) => {
            let l = Answer::Level(Level::new(value)?).id();
            Some((l, l))
        }
        Item::Requirement(_) => {
            let m = met_of_value(value)?;
            Some((m.id(), REQUIREMENT_ANSWERS[m.index()].title.get(lang)))
        }
    }
}

#[derive(Serialize)]
struct DiscussOut {
    section: &'static str,
    item: &'static str,
    min: u8,
    max: u8,
}

#[derive(Serialize)]
struct ItemOut {
    section: &'static str,
    item: &'static str,
    count: usize,
    min: Option<u8>,
    max: Option<u8>,
    q1: Option<f64>,
    median: Option<f64>,
    q3: Option<f64>,
    disagreement: bool,
    consensus: Option<u8>,
    consensus_answer: Option<&'static str>,
}

pub fn run(args: &Args) -> Outcome {
    let (lang, w) = (args.lang, words(args.lang));
    // Each file is counted as it comes and dropped: nothing grows with the files but the map of
    // community names.
    let mut merging = Merging::default();
    let tally = read_all(args, |a| merging.add(a));
    let ws = merging.finish();
    let discuss = ws.to_discuss();
    let text = if args.json {
        let to_discuss = discuss.iter().map(|(i, s)| {
            let (sec, id, _) = item_names(*i);
            DiscussOut {
                section: sec.id(),
                item: id,
                min: s.min,
                max: s.max,
            }
        });
        let items = ws.items().into_iter().map(|i| {
            let (sec, id, _) = item_names(i);
            let s: Option<ItemStats> = ws.stats(i);
            ItemOut {
                section: sec.id(),
                item: id,
                count: s.map_or(0, |s| s.count),
                min: s.map(|s| s.min),
                max: s.map(|s| s.max),
                q1: s.map(|s| s.q1),
                median: s.map(|s| s.median),
                q3: s.map(|s| s.q3),
                disagreement: s.is_some_and(|s| s.disagreement),
                consensus: s.map(|s| s.consensus),
                consensus_answer: s
                    .and_then(|s| consensus(i, s.consensus, lang))
                    .map(|(id, _)| id),
            }
        });
        json_doc(
            &[
                ("files", json(&ws.files)),
                ("people", json(&ws.people())),
                ("full", json(&ws.full)),
                ("community", json(&ws.community)),
            ],
            &[
                ("to_discuss", to_discuss.map(|d| json(&d)).collect()),
                ("items", items.map(|i| json(&i)).collect()),
            ],
        )
    } else {
        let mode = if ws.full { w.mode_full } else { w.mode_quick };
        let mut t = fill(
            w.merge_head,
            &[
                &ws.files.to_string(),
                &ws.people().to_string(),
                mode,
                &ws.community,
            ],
        );
        t.push_str("\n\n");
        if discuss.is_empty() {
            t.push_str(w.merge_nothing_to_discuss);
            t.push('\n');
        } else {
            t.push_str(&fill(w.merge_discuss, &[&discuss.len().to_string()]));
            t.push('\n');
            let rows: Vec<Vec<String>> = discuss
                .iter()
                .map(|(i, s)| {
                    let (sec, id, title) = item_names(*i);
                    vec![
                        String::new(),
                        section_word(w, sec).into(),
                        id.into(),
                        format!("{}–{}", s.min, s.max),
                        title.get(lang).into(),
                    ]
                })
                .collect();
            t.push_str(&columns(&rows, &[]));
        }
        t.push('\n');
        let mut rows = vec![[
            w.col_section,
            w.col_item,
            "n",
            "min",
            "max",
            "Q1",
            w.col_median,
            "Q3",
            w.col_consensus,
            w.col_discuss,
            w.col_title,
        ]
        .map(String::from)
        .to_vec()];
        for i in ws.items() {
            let (sec, id, title) = item_names(i);
            let s = ws.stats(i);
            let f =
                |g: fn(&ItemStats) -> f64| s.as_ref().map_or(String::new(), |s| num(g(s), lang));
            let b =
                |g: fn(&ItemStats) -> u8| s.as_ref().map_or(String::new(), |s| g(s).to_string());
            rows.push(vec![
                section_word(w, sec).into(),
                id.into(),
                s.map_or(0, |s| s.count).to_string(),
                b(|s| s.min),
                b(|s| s.max),
                f(|s| s.q1),
                f(|s| s.median),
                f(|s| s.q3),
                s.and_then(|s| consensus(i, s.consensus, lang))
                    .map_or(String::new(), |(_, words)| words.to_string()),
                if s.is_some_and(|s| s.disagreement) {
                    w.yes.into()
                } else {
                    String::new()
                },
                title.get(lang).into(),
            ]);
        }
        let right = [
            false, false, true, true, true, true, true, true, false, false,
        ];
        t.push_str(&columns(&rows, &right));
        t.push('\n');
        t.push_str(w.merge_legend);
        t.push('\n');
        t
    };
    if !print(&text, lang) {
        return Outcome::Failed;
    }
    tally.end(lang)
}
