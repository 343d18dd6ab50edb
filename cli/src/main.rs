//! `autodiag`: the command line for networks of communities. It reads many exported
//! self-assessments (JSON, format 1 or 2) with the app's own import and gives them to other tools:
//! `validate`, `merge` (the workshop's statistics), `table` (the machine CSV) and `summary` (each
//! area across communities). Every figure comes from `autodiag_core`; this crate only reads files,
//! parses arguments and prints.

mod commands;
mod output;
mod read;
mod words;

use std::ffi::OsString;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use autodiag_core::i18n::{fill, Lang};

use crate::read::{shown, Input};
use crate::words::words;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    Validate,
    Merge,
    Table,
    Summary,
}

/// What the arguments asked for.
pub struct Args {
    pub command: Command,
    pub lang: Lang,
    pub json: bool,
    /// `table`'s output file; standard output when absent (`-o -` is standard output too).
    pub output: Option<PathBuf>,
    /// The files to read, folders expanded, in the order given.
    pub files: Vec<Input>,
}

/// How a run ends: every file read, some refused, or nothing done (usage, output).
pub enum Outcome {
    AllRead,
    SomeRefused,
    /// The message is already printed.
    Failed,
}

enum Parsed {
    Run(Args),
    Help(Lang),
    Version,
}

/// A usage error, in words for `lang`.
struct Usage(String);

fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Parsed, (Lang, Usage)> {
    use lexopt::prelude::*;
    let mut p = lexopt::Parser::from_args(args);
    let mut lang: Option<Lang> = None;
    let mut command: Option<Command> = None;
    let (mut json, mut output, mut help, mut version) = (false, None, false, false);
    let mut paths: Vec<OsString> = Vec::new();
    // Errors are kept until the language is known: `--lang en` may come after the mistake.
    let mut first_error: Option<Box<dyn Fn(Lang) -> String>> = None;
    let mut fail = |e: Box<dyn Fn(Lang) -> String>| {
        if first_error.is_none() {
            first_error = Some(e);
        }
    };
    loop {
        let arg = match p.next() {
            Ok(Some(arg)) => arg,
            Ok(None) => break,
            Err(e) => {
                fail(Box::new(move |l| lexopt_message(&e, l)));
                // lexopt may not move past a value it could not take: stop here.
                break;
            }
        };
        match arg {
            Long("lang") => match p.value().map(|v| v.into_string()) {
                Ok(Ok(v)) => match Lang::from_id(&v) {
                    Some(l) => lang = Some(l),
                    None => fail(Box::new(move |l| fill(words(l).bad_lang, &[&v]))),
                },
                Ok(Err(v)) => {
                    let v = v.to_string_lossy().into_owned();
                    fail(Box::new(move |l| fill(words(l).bad_lang, &[&v])));
                }
                Err(e) => fail(Box::new(move |l| lexopt_message(&e, l))),
            },
            Long("json") => json = true,
            Short('o') | Long("output") => match p.value() {
                Ok(v) => output = Some(PathBuf::from(v)),
                Err(e) => fail(Box::new(move |l| lexopt_message(&e, l))),
            },
            Short('h') | Long("help") => help = true,
            Short('V') | Long("version") => version = true,
            Value(v) if command.is_none() && paths.is_empty() => {
                command = match v.to_str() {
                    Some("validate") => Some(Command::Validate),
                    Some("merge") => Some(Command::Merge),
                    Some("table") => Some(Command::Table),
                    Some("summary") => Some(Command::Summary),
                    Some("help") => {
                        help = true;
                        None
                    }
                    _ => {
                        let v = v.to_string_lossy().into_owned();
                        fail(Box::new(move |l| fill(words(l).unknown_command, &[&v])));
                        None
                    }
                };
            }
            Value(v) => paths.push(v),
            other => {
                let shown = match other {
                    Short(c) => format!("-{c}"),
                    Long(s) => format!("--{s}"),
                    Value(v) => v.to_string_lossy().into_owned(),
                };
                fail(Box::new(move |l| fill(words(l).unknown_option, &[&shown])));
            }
        }
    }
    let lang = lang.unwrap_or_default();
    if help {
        return Ok(Parsed::Help(lang));
    }
    if version {
        return Ok(Parsed::Version);
    }
    if let Some(e) = first_error {
        return Err((lang, Usage(e(lang))));
    }
    let w = words(lang);
    let Some(command) = command else {
        return Err((lang, Usage(w.no_command.into())));
    };
    if json && command == Command::Table {
        return Err((lang, Usage(w.json_not_for_table.into())));
    }
    if output.is_some() && command != Command::Table {
        return Err((lang, Usage(w.output_only_for_table.into())));
    }
    let mut files = Vec::new();
    for p in paths {
        read::expand(PathBuf::from(p), &mut files);
    }
    if files.is_empty() {
        return Err((lang, Usage(w.no_files.into())));
    }
    let output = output.filter(|o| o.as_os_str() != "-");
    if let Some(o) = &output {
        // The output is written over only once every file is read, but an export it replaced
        // would still be lost: no run may write over what it reads.
        if output::is_json_name(o) {
            return Err((lang, Usage(fill(w.output_is_json, &[&shown(o)]))));
        }
        if output::is_an_input(o, &files) {
            return Err((lang, Usage(fill(w.output_is_input, &[&shown(o)]))));
        }
    }
    Ok(Parsed::Run(Args {
        command,
        lang,
        json,
        output,
        files,
    }))
}

fn lexopt_message(e: &lexopt::Error, lang: Lang) -> String {
    let w = words(lang);
    match e {
        lexopt::Error::MissingValue { option } => {
            fill(w.missing_value, &[option.as_deref().unwrap_or("?")])
        }
        lexopt::Error::UnexpectedValue { option, .. } => fill(w.unexpected_value, &[option]),
        lexopt::Error::NonUnicodeValue(v) => fill(w.not_unicode, &[&v.to_string_lossy()]),
        lexopt::Error::UnexpectedOption(o) => fill(w.unknown_option, &[o]),
        lexopt::Error::UnexpectedArgument(v) => fill(w.unknown_option, &[&v.to_string_lossy()]),
        other => other.to_string(),
    }
}

fn main() -> ExitCode {
    match parse(std::env::args_os().skip(1)) {
        Ok(Parsed::Help(lang)) => {
            print!("{}", words(lang).usage);
            ExitCode::SUCCESS
        }
        Ok(Parsed::Version) => {
            println!("autodiag {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Err((lang, Usage(message))) => {
            let w = words(lang);
            eprintln!("{}{message}\n{}", w.error, w.see_help);
            ExitCode::from(2)
        }
        Ok(Parsed::Run(args)) => match commands::run(&args) {
            Outcome::AllRead => ExitCode::SUCCESS,
            Outcome::SomeRefused => ExitCode::from(1),
            Outcome::Failed => ExitCode::from(2),
        },
    }
}

/// Writes to standard output through a buffer; a failure (a closed pipe, a full disk) is said
/// once, in words, and stops the command.
pub fn stdout() -> io::BufWriter<io::StdoutLock<'static>> {
    io::BufWriter::with_capacity(1 << 16, io::stdout().lock())
}

/// Says that `what` could not be written, unless the reader just went away (`| head`).
pub fn write_failed(lang: Lang, what: &str, e: &io::Error) {
    if e.kind() != io::ErrorKind::BrokenPipe {
        let w = words(lang);
        eprintln!(
            "{}{}",
            w.error,
            fill(w.cannot_write, &[what, &e.to_string()])
        );
    }
}

/// Flushes and reports, returning whether all of it was written.
pub fn finish(out: &mut impl Write, lang: Lang, what: &str) -> bool {
    match out.flush() {
        Ok(()) => true,
        Err(e) => {
            write_failed(lang, what, &e);
            false
        }
    }
}
