//! `autodiag validate`: each file checked as the app would open it, one verdict a line (or one
//! JSON object a line with `--json`).

use std::io::{self, IsTerminal, Write};

use autodiag_core::i18n::fill;
use autodiag_core::model::Mode;
use serde::Serialize;

use super::{json_line, mode_word, Tally};
use crate::read;
use crate::words::words;
use crate::{finish, stdout, write_failed, Args, Outcome};

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

pub fn run(args: &Args) -> Outcome {
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
