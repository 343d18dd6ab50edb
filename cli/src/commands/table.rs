//! `autodiag table`: the machine CSV (`docs/spec/format.md` § Machine CSV), its rows written by
//! the core (`table::write`) on the worker threads and copied out in the order of the files.

use std::io::Write;

use autodiag_core::table;

use super::Tally;
use crate::output::Output;
use crate::read::{self, shown};
use crate::{finish, stdout, write_failed, Args, Outcome};

/// Where the CSV goes.
enum Sink {
    File(Output),
    Stdout(std::io::BufWriter<std::io::StdoutLock<'static>>),
}

pub fn run(args: &Args) -> Outcome {
    let lang = args.lang;
    let name = args.output.as_deref().map_or("stdout".into(), shown);
    // The output is opened before anything is read: a folder that does not exist is said at once.
    let mut sink = match &args.output {
        Some(path) => match Output::create(path) {
            Ok(o) => Sink::File(o),
            Err(e) => {
                write_failed(lang, &name, &e);
                return Outcome::Failed;
            }
        },
        None => Sink::Stdout(stdout()),
    };
    let out: &mut dyn Write = match &mut sink {
        Sink::File(o) => o,
        Sink::Stdout(o) => o,
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
        // A file output is dropped here unfinished: its temporary file goes, the previous
        // output stays.
        write_failed(lang, &name, &e);
        return Outcome::Failed;
    }
    let written = match sink {
        Sink::File(o) => o
            .commit()
            .map_err(|e| write_failed(lang, &name, &e))
            .is_ok(),
        Sink::Stdout(mut o) => finish(&mut o, lang, &name),
    };
    if !written {
        return Outcome::Failed;
    }
    tally.end(lang)
}
