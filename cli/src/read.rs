//! Reading many files: each checked by its size before it is read, then through the app's own
//! strict import (`autodiag_core::format::import`), on every core, with the results handed back
//! in the order the files were given.

use std::fs::File;
use std::io::{self, IsTerminal, Read};
use std::path::Path;

use autodiag_core::files::MAX_FILE_BYTES;
use autodiag_core::format::{self, ImportError};
use autodiag_core::i18n::{fill, Lang};
use autodiag_core::model::Assessment;
use indicatif::{ProgressBar, ProgressStyle};

use crate::words::words;

/// Why one file was not read.
#[derive(Debug)]
pub enum Failure {
    Io(io::Error),
    NotAFile,
    /// From the import, or from the size before reading (the same message as the app's).
    Import(ImportError),
}

impl Failure {
    pub fn message(&self, lang: Lang) -> String {
        let w = words(lang);
        match self {
            Failure::Io(e) => match e.kind() {
                io::ErrorKind::NotFound => w.not_found.to_string(),
                io::ErrorKind::PermissionDenied => w.permission.to_string(),
                io::ErrorKind::IsADirectory => w.not_a_file.to_string(),
                _ => fill(w.unreadable, &[&e.to_string()]),
            },
            Failure::NotAFile => w.not_a_file.to_string(),
            Failure::Import(e) => e.message(lang),
        }
    }
}

/// The bytes of one file, refused by its size before anything is read (as the app does with a
/// picked file), and never more than one byte past the limit if it grows meanwhile.
pub fn bytes(path: &Path) -> Result<Vec<u8>, Failure> {
    let file = File::open(path).map_err(Failure::Io)?;
    let meta = file.metadata().map_err(Failure::Io)?;
    if meta.is_dir() {
        return Err(Failure::NotAFile);
    }
    if meta.len() > MAX_FILE_BYTES as u64 {
        return Err(Failure::Import(ImportError::TooLarge {
            bytes: usize::try_from(meta.len()).unwrap_or(usize::MAX),
            limit: MAX_FILE_BYTES,
        }));
    }
    let mut buf = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut buf)
        .map_err(Failure::Io)?;
    Ok(buf)
}

/// Reads and imports one file exactly as the app imports a picked file.
pub fn load(path: &Path) -> Result<Assessment, Failure> {
    format::import(&bytes(path)?).map_err(Failure::Import)
}

/// `load`, also telling which format version the file was written in (read a second time, only
/// for `validate`, which reports it).
pub fn load_versioned(path: &Path) -> Result<(Assessment, Option<u64>), Failure> {
    let bytes = bytes(path)?;
    let assessment = format::import(&bytes).map_err(Failure::Import)?;
    Ok((assessment, autodiag_core::files::written_version(&bytes)))
}

/// More files than this show a progress bar (when standard error is a terminal).
const PROGRESS_OVER: usize = 200;
/// Files handed to the workers at a time: results come back in order, a batch at a time, so
/// memory stays bounded whatever the number of files.
const BATCH: usize = 512;

/// Runs `work` on every file, on up to as many threads as cores, and hands each result to `sink`
/// in the order of `files`. `sink` prints through the function it is given, which writes above
/// the progress bar, and returns `false` to stop (its output cannot be written).
pub fn each<T: Send>(
    files: &[String],
    work: impl Fn(&Path) -> T + Sync,
    mut sink: impl FnMut(&str, T, &dyn Fn(&str)) -> bool,
) {
    let bar = (files.len() > PROGRESS_OVER && io::stderr().is_terminal()).then(|| {
        let bar = ProgressBar::new(files.len() as u64);
        if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} {eta}") {
            bar.set_style(style);
        }
        bar
    });
    let say = |line: &str| match &bar {
        Some(b) => b.suspend(|| eprintln!("{line}")),
        None => eprintln!("{line}"),
    };
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 16);
    'batches: for batch in files.chunks(BATCH) {
        let results: Vec<T> = if threads == 1 || batch.len() < 32 {
            batch
                .iter()
                .map(|f| {
                    let r = work(Path::new(f));
                    if let Some(b) = &bar {
                        b.inc(1);
                    }
                    r
                })
                .collect()
        } else {
            let part = batch.len().div_ceil(threads);
            std::thread::scope(|s| {
                let handles: Vec<_> = batch
                    .chunks(part)
                    .map(|chunk| {
                        let (work, bar) = (&work, &bar);
                        s.spawn(move || {
                            chunk
                                .iter()
                                .map(|f| {
                                    let r = work(Path::new(f));
                                    if let Some(b) = bar {
                                        b.inc(1);
                                    }
                                    r
                                })
                                .collect::<Vec<T>>()
                        })
                    })
                    .collect();
                handles
                    .into_iter()
                    // A worker only panics on a bug: let the panic through rather than lose files.
                    .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                    .collect()
            })
        };
        for (file, r) in batch.iter().zip(results) {
            if !sink(file, r, &say) {
                break 'batches;
            }
        }
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }
}
