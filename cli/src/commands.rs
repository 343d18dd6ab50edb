//! The four commands. Each reads every file given (`read::each`), names each refused file on
//! standard error with its reason, and prints what it computed from the others.

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, IsTerminal, Write};

use autodiag_core::content::{
    Text, AREAS, CLAUSES, PRIORITIES, PURPOSES, REQUIREMENTS, REQUIREMENT_ANSWERS,
};
use autodiag_core::i18n::{fill, Lang};
use autodiag_core::model::{Assessment, Mode};
use autodiag_core::scoring::ItemStats;
use autodiag_core::summary::Summary;
use autodiag_core::table::{self, Section};
use autodiag_core::workshop::{met_of_value, Item, Workshop};
use serde::Serialize;

use crate::read::{self, Failure};
use crate::words::{decimal, words, Words};
use crate::{finish, stdout, write_failed, Args, Command, Outcome};

pub fn run(args: &Args) -> Outcome {
    match args.command {
        Command::Validate => validate(args),
        Command::Merge => merge(args),
        Command::Table => table(args),
        Command::Summary => summary(args),
    }
}

/// How many files were read and refused, said on standard error at the end.
#[derive(Default)]
struct Tally {
    read: usize,
    refused: usize,
}

impl Tally {
    fn refuse(&mut self, file: &str, failure: &Failure, lang: Lang, say: &dyn Fn(&str)) {
        self.refused += 1;
        say(&format!("{file}{}{}", lang.colon(), failure.message(lang)));
    }

    fn end(&self, lang: Lang) -> Outcome {
        let (r, f) = (self.read.to_string(), self.refused.to_string());
        eprintln!("{}", fill(words(lang).tally, &[&r, &f]));
        if self.refused == 0 {
            Outcome::AllRead
        } else {
            Outcome::SomeRefused
        }
    }
}

/// Warns when two files hold the same assessment (the same `id`): both are counted, which is
/// seldom what a network wants.
#[derive(Default)]
struct SameIds(HashMap<String, String>);

impl SameIds {
    fn check(&mut self, file: &str, a: &Assessment, lang: Lang, say: &dyn Fn(&str)) {
        if let Some(first) = self.0.get(&a.id) {
            say(&format!(
                "{file}{}{}",
                lang.colon(),
                fill(words(lang).same_id, &[first])
            ));
        } else {
            self.0.insert(a.id.clone(), file.to_string());
        }
    }
}

fn mode_word(w: &Words, mode: Mode) -> &'static str {
    match mode {
        Mode::Quick => w.mode_quick,
        Mode::Full => w.mode_full,
    }
}

// ---------------------------------------------------------------------------------------------
// validate

#[derive(Serialize)]
#[serde(untagged)]
enum Checked<'a> {
    Ok {
        file: &'a str,
        ok: bool,
        id: String,
        community: String,
        version: Option<u64>,
        mode: &'static str,
    },
    Refused {
        file: &'a str,
        ok: bool,
        error: String,
    },
}

/// What `validate` keeps of a file: not the whole assessment.
struct Valid {
    id: String,
    community: String,
    version: Option<u64>,
    mode: Mode,
}

fn validate(args: &Args) -> Outcome {
    let (lang, w) = (args.lang, words(args.lang));
    let mut out = stdout();
    let on_terminal = io::stdout().is_terminal();
    let mut tally = Tally::default();
    let mut failed = None;
    if args.json {
        failed = out.write_all(b"[").err();
    }
    let work = |p: &std::path::Path| {
        read::load_versioned(p).map(|(a, version)| Valid {
            version,
            mode: a.mode,
            id: a.id,
            community: a.community.name,
        })
    };
    read::each(&args.files, work, |file, r, say| {
        let line = match r {
            Ok(v) => {
                tally.read += 1;
                if args.json {
                    json_line(
                        &Checked::Ok {
                            file,
                            ok: true,
                            id: v.id,
                            community: v.community,
                            version: v.version,
                            mode: v.mode.id(),
                        },
                        tally.read + tally.refused == 1,
                    )
                } else {
                    let version = v.version.map_or(String::from("?"), |n| n.to_string());
                    let valid = fill(w.valid, &[&version, mode_word(w, v.mode)]);
                    format!("{file}{}{valid} – {}\n", lang.colon(), v.community)
                }
            }
            Err(e) => {
                tally.refuse(file, &e, lang, say);
                if !args.json {
                    return failed.is_none();
                }
                json_line(
                    &Checked::Refused {
                        file,
                        ok: false,
                        error: e.message(lang),
                    },
                    tally.read + tally.refused == 1,
                )
            }
        };
        if failed.is_none() {
            failed = out.write_all(line.as_bytes()).err();
        }
        // On a terminal, each verdict shows in its place among the refusals said on stderr.
        if failed.is_none() && on_terminal {
            failed = out.flush().err();
        }
        failed.is_none()
    });
    if args.json && failed.is_none() {
        let end: &[u8] = if tally.read + tally.refused == 0 {
            b"]\n"
        } else {
            b"\n]\n"
        };
        failed = out.write_all(end).err();
    }
    if let Some(e) = failed {
        write_failed(lang, "stdout", &e);
        return Outcome::Failed;
    }
    if !finish(&mut out, lang, "stdout") {
        return Outcome::Failed;
    }
    tally.end(lang)
}

fn json(v: &impl Serialize) -> String {
    serde_json::to_string(v).unwrap_or_default()
}

/// A JSON object of `fields` (already JSON) then `lists` (of elements already JSON), each list
/// element on its own line: readable, and greppable even over thousands of items.
fn json_doc(fields: &[(&str, String)], lists: &[(&str, Vec<String>)]) -> String {
    let mut out = String::from("{");
    let mut first = true;
    let mut key = |out: &mut String, k: &str| {
        out.push_str(if first { "\n  " } else { ",\n  " });
        first = false;
        out.push_str(&json(&k));
        out.push_str(": ");
    };
    for (k, v) in fields {
        key(&mut out, k);
        out.push_str(v);
    }
    for (k, items) in lists {
        key(&mut out, k);
        if items.is_empty() {
            out.push_str("[]");
            continue;
        }
        out.push('[');
        for (i, item) in items.iter().enumerate() {
            out.push_str(if i == 0 { "\n    " } else { ",\n    " });
            out.push_str(item);
        }
        out.push_str("\n  ]");
    }
    out.push_str("\n}\n");
    out
}

/// One element of a JSON array on its own line: a list of thousands of files stays readable and
/// greppable.
fn json_line(v: &impl Serialize, first: bool) -> String {
    format!("{}\n  {}", if first { "" } else { "," }, json(v))
}

// ---------------------------------------------------------------------------------------------
// table

fn table(args: &Args) -> Outcome {
    let lang = args.lang;
    let to_file = args.output.as_deref().filter(|o| *o != "-");
    let name = to_file.unwrap_or("stdout");
    let mut out: Box<dyn Write> = match to_file {
        Some(path) => match File::create(path) {
            Ok(f) => Box::new(io::BufWriter::with_capacity(1 << 16, f)),
            Err(e) => {
                write_failed(lang, path, &e);
                return Outcome::Failed;
            }
        },
        None => Box::new(stdout()),
    };
    let mut head = String::new();
    table::header(&mut head);
    let mut failed = out.write_all(head.as_bytes()).err();
    let mut tally = Tally::default();
    // The rows are written by the workers: the main thread only copies them out in order.
    let work = |p: &std::path::Path| {
        read::load(p).map(|a| {
            let mut rows = String::with_capacity(4096);
            table::write(&mut rows, &p.to_string_lossy(), &a);
            rows
        })
    };
    read::each(&args.files, work, |file, r, say| {
        match r {
            Ok(rows) => {
                tally.read += 1;
                if failed.is_none() {
                    failed = out.write_all(rows.as_bytes()).err();
                }
            }
            Err(e) => tally.refuse(file, &e, lang, say),
        }
        failed.is_none()
    });
    if let Some(e) = failed {
        write_failed(lang, name, &e);
        return Outcome::Failed;
    }
    if !finish(&mut out, lang, name) {
        return Outcome::Failed;
    }
    tally.end(lang)
}

// ---------------------------------------------------------------------------------------------
// Shared by merge and summary: every file's assessment, refused files named.

fn read_all(args: &Args, mut keep: impl FnMut(Assessment)) -> Tally {
    let lang = args.lang;
    let mut tally = Tally::default();
    let mut same = SameIds::default();
    read::each(&args.files, read::load, |file, r, say| {
        match r {
            Ok(a) => {
                tally.read += 1;
                same.check(file, &a, lang, say);
                keep(a);
            }
            Err(e) => tally.refuse(file, &e, lang, say),
        }
        true
    });
    tally
}

/// Prints `text` to standard output, or says why it could not.
fn print(text: &str, lang: Lang) -> bool {
    let mut out = stdout();
    match out.write_all(text.as_bytes()) {
        Ok(()) => finish(&mut out, lang, "stdout"),
        Err(e) => {
            write_failed(lang, "stdout", &e);
            false
        }
    }
}

/// A figure as the language writes it: 2, 2.5 or 2,5.
fn num(v: f64, lang: Lang) -> String {
    format!("{v}").replace('.', &decimal(lang).to_string())
}

/// Columns padded to their widest cell; the last column (titles) is not padded.
fn columns(rows: &[Vec<String>], right: &[bool]) -> String {
    let n = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..n)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| s.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for r in rows {
        let mut line = String::new();
        for (c, cell) in r.iter().enumerate() {
            if c > 0 {
                line.push_str("  ");
            }
            let pad = widths[c].saturating_sub(cell.chars().count());
            let last = c + 1 == r.len();
            if right.get(c).copied().unwrap_or(false) {
                line.push_str(&" ".repeat(pad));
                line.push_str(cell);
            } else {
                line.push_str(cell);
                if !last {
                    line.push_str(&" ".repeat(pad));
                }
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

// ---------------------------------------------------------------------------------------------
// merge

/// An item of the merged view as the machine CSV names it.
fn item_names(item: Item) -> (Section, &'static str, &'static Text) {
    match item {
        Item::Purpose(i) => (Section::Purpose, PURPOSES[i].id, &PURPOSES[i].title),
        Item::Area(i) => (Section::Area, AREAS[i].id, &AREAS[i].title),
        Item::Clause(i) => (Section::Clause, CLAUSES[i].id, &CLAUSES[i].title),
        Item::Requirement(i) => (
            Section::Requirement,
            REQUIREMENTS[i].id,
            &REQUIREMENTS[i].title,
        ),
    }
}

fn section_word(w: &Words, s: Section) -> &'static str {
    w.sections[match s {
        Section::Purpose => 0,
        Section::Area => 1,
        Section::Clause => 2,
        Section::Requirement => 3,
    }]
}

const LEVEL_IDS: [&str; 5] = ["0", "1", "2", "3", "4"];

/// The consensus as a stored answer (the machine CSV's `answer`), and in words for `lang`.
fn consensus(item: Item, value: u8, lang: Lang) -> Option<(&'static str, &'static str)> {
    match item {
        Item::Purpose(_) => {
            let p = PRIORITIES.get(usize::from(value).checked_sub(1)?)?;
            Some((p.id, p.title.get(lang)))
        }
        Item::Area(_) | Item::Clause(_) => {
            let l = *LEVEL_IDS.get(usize::from(value))?;
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

fn merge(args: &Args) -> Outcome {
    let (lang, w) = (args.lang, words(args.lang));
    let mut all = Vec::new();
    let tally = read_all(args, |a| all.push(a));
    let ws = Workshop::merge(&all);
    drop(all);
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

// ---------------------------------------------------------------------------------------------
// summary

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

fn summary(args: &Args) -> Outcome {
    let (lang, w) = (args.lang, words(args.lang));
    let mut s = Summary::default();
    let tally = read_all(args, |a| s.add(&a));
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
