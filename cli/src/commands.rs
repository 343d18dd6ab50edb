//! The four commands, one file each (`commands/validate.rs`, `merge.rs`, `table.rs`,
//! `summary.rs`), each thin over the core's operations. Each reads every file given
//! (`read::each`), names each refused file on standard error with its reason, and prints what it
//! computed from the others. What more than one command needs lives here.

mod merge;
mod summary;
mod table;
mod validate;

use std::collections::HashMap;
use std::io::Write;

use autodiag_core::i18n::{fill, Lang};
use autodiag_core::model::{Assessment, Mode};
use serde::Serialize;

use crate::read::{self, shown, Failure};
use crate::words::{decimal, words, Words};
use crate::{finish, stdout, write_failed, Args, Command, Outcome};

pub fn run(args: &Args) -> Outcome {
    match args.command {
        Command::Validate => validate::run(args),
        Command::Merge => merge::run(args),
        Command::Table => table::run(args),
        Command::Summary => summary::run(args),
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
/// seldom what a network wants. Each id is kept with the position of its first file, not its
/// name, so that 100,000 files keep a small map.
#[derive(Default)]
struct SameIds(HashMap<String, usize>);

impl SameIds {
    fn check(&mut self, at: usize, file: &str, a: &Assessment, args: &Args, say: &dyn Fn(&str)) {
        let lang = args.lang;
        if let Some(&first) = self.0.get(&a.id) {
            let first = shown(args.files[first].path());
            say(&format!(
                "{file}{}{}",
                lang.colon(),
                fill(words(lang).same_id, &[&first])
            ));
        } else {
            self.0.insert(a.id.clone(), at);
        }
    }
}

fn mode_word(w: &Words, mode: Mode) -> &'static str {
    match mode {
        Mode::Quick => w.mode_quick,
        Mode::Full => w.mode_full,
    }
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

/// Hands every file's assessment to `add`, one at a time and in order, refused files named: what
/// merge and summary read. No assessment is kept here: `add` keeps what it counts.
fn read_all(args: &Args, mut add: impl FnMut(&Assessment)) -> Tally {
    let lang = args.lang;
    let mut tally = Tally::default();
    let mut same = SameIds::default();
    let mut at = 0;
    read::each(&args.files, read::load, |file, r, say| {
        match r {
            Ok(a) => {
                tally.read += 1;
                same.check(at, file, &a, args, say);
                add(&a);
            }
            Err(e) => tally.refuse(file, &e, lang, say),
        }
        at += 1;
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
