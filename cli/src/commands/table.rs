//! `autodiag table`: the machine CSV (`docs/spec/format.md` § Machine CSV), its rows written by
//! the core (`table::write`) on the worker threads and copied out in the order of the files.

use std::fs::File;
use std::io::{self, Write};

use autodiag_core::table;

use super::Tally;
use crate::read::{self, shown};
use crate::{finish, stdout, write_failed, Args, Outcome};

pub fn run(args: &Args) -> Outcome {
    let lang = args.lang;
    let name = args.output.as_deref().map_or("stdout".into(), shown);
    let mut out: Box<dyn Write> = match &args.output {
        Some(path) => match File::create(path) {
            Ok(f) => Box::new(io::BufWriter::with_capacity(1 << 16, f)),
            Err(e) => {
                write_failed(lang, &name, &e);
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
            table::write(&mut rows, &shown(p), &a);
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
        write_failed(lang, &name, &e);
        return Outcome::Failed;
    }
    if !finish(&mut out, lang, &name) {
        return Outcome::Failed;
    }
    tally.end(lang)
}
