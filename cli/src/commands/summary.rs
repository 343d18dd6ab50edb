//! `autodiag summary`: each area's levels across communities (`Summary` in the core).

use autodiag_core::content::AREAS;
use autodiag_core::i18n::fill;
use autodiag_core::scoring::ItemStats;
use autodiag_core::summary::Summary;
use serde::Serialize;

use super::{columns, json, json_doc, num, print, read_all};
use crate::words::words;
use crate::{Args, Outcome};

#[derive(Serialize)]
struct AreaOut {
    area: &'static str,
    count: u32,
    median: Option<f64>,
    q1: Option<f64>,
    q3: Option<f64>,
    min: Option<u8>,
    max: Option<u8>,
    levels: [u32; 5],
    na: u32,
    unknown: u32,
    unanswered: u32,
    out_of_scope: u32,
}

pub fn run(args: &Args) -> Outcome {
    let (lang, w) = (args.lang, words(args.lang));
    let mut s = Summary::default();
    let tally = read_all(args, |a| s.add(a));
    let text = if args.json {
        let areas = AREAS.iter().zip(&s.areas).map(|(area, a)| {
            let st = a.stats();
            json(&AreaOut {
                area: area.id,
                count: a.scored(),
                median: st.map(|s| s.median),
                q1: st.map(|s| s.q1),
                q3: st.map(|s| s.q3),
                min: st.map(|s| s.min),
                max: st.map(|s| s.max),
                levels: a.levels.0,
                na: a.na,
                unknown: a.unknown,
                unanswered: a.unanswered,
                out_of_scope: a.out_of_scope,
            })
        });
        json_doc(&[("files", json(&s.files))], &[("areas", areas.collect())])
    } else {
        let mut t = fill(w.summary_head, &[&s.files.to_string()]);
        t.push_str("\n\n");
        let mut rows = vec![[
            w.col_area,
            "n",
            w.col_median,
            "Q1",
            "Q3",
            "0",
            "1",
            "2",
            "3",
            "4",
            w.col_na,
            w.col_unknown,
            w.col_unanswered,
            w.col_out_of_scope,
            w.col_title,
        ]
        .map(String::from)
        .to_vec()];
        for (area, a) in AREAS.iter().zip(&s.areas) {
            let st = a.stats();
            let f =
                |g: fn(&ItemStats) -> f64| st.as_ref().map_or(String::new(), |s| num(g(s), lang));
            let mut row = vec![
                area.id.to_string(),
                a.scored().to_string(),
                f(|s| s.median),
                f(|s| s.q1),
                f(|s| s.q3),
            ];
            row.extend(a.levels.0.iter().map(u32::to_string));
            row.extend([a.na, a.unknown, a.unanswered, a.out_of_scope].map(|n| n.to_string()));
            row.push(area.title.get(lang).into());
            rows.push(row);
        }
        let mut right = [true; 14];
        right[0] = false;
        t.push_str(&columns(&rows, &right));
        t.push('\n');
        t.push_str(w.summary_legend);
        t.push('\n');
        t
    };
    if !print(&text, lang) {
        return Outcome::Failed;
    }
    tally.end(lang)
}
