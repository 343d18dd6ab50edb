//! Reading many files: each checked by its type and size before it is read, then through the
//! app's own strict import (`autodiag_core::format::import`), on every core, with the results
//! handed back in the order the files were given.
//!
//! Paths stay `Path`s from the command line to the moment they are shown: a name that is not
//! UTF-8 is read like any other, and shown escaped (`shown`).

use std::borrow::Cow;
use std::fs::{File, FileType, OpenOptions};
use std::io::{self, IsTerminal, Read};
use std::path::{Path, PathBuf};

use autodiag_core::files::MAX_FILE_BYTES;
use autodiag_core::format::{self, ImportError};
use autodiag_core::i18n::{fill, Lang};
use autodiag_core::model::Assessment;
use indicatif::{ProgressBar, ProgressStyle};

use crate::words::words;

/// One input of a run, in the order of the command line, folders expanded.
#[derive(Debug)]
pub enum Input {
    /// A file to read (it may turn out not to exist, or not to be a file).
    File(PathBuf),
    /// A folder given that could not be listed: refused like a file that cannot be read, so that
    /// the files around it are still read.
    Unlisted(PathBuf, io::Error),
}

impl Input {
    pub fn path(&self) -> &Path {
        match self {
            Input::File(p) | Input::Unlisted(p, _) => p,
        }
    }
}

/// What is there instead of a regular file. Opening a named pipe waits for a writer, forever,
/// and a device may never end: none of them is opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Special {
    Fifo,
    Device,
    Socket,
}

/// Why one input was not read.
#[derive(Debug)]
pub enum Failure {
    Io(io::Error),
    NotAFile,
    Special(Special),
    /// A folder that could not be listed: whether for its permissions, and the system's reason.
    Unlisted {
        permission: bool,
        reason: String,
    },
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
            Failure::Special(Special::Fifo) => w.fifo.to_string(),
            Failure::Special(Special::Device) => w.device.to_string(),
            Failure::Special(Special::Socket) => w.socket.to_string(),
            Failure::Unlisted {
                permission: true, ..
            } => w.cannot_list_permission.to_string(),
            Failure::Unlisted { reason, .. } => fill(w.cannot_list, &[reason]),
            Failure::Import(e) => e.message(lang),
        }
    }

    fn unlisted(e: &io::Error) -> Failure {
        Failure::Unlisted {
            permission: e.kind() == io::ErrorKind::PermissionDenied,
            reason: e.to_string(),
        }
    }
}

/// A path as messages, tables and JSON show it. A name that is valid UTF-8 without control
/// characters is shown as it is, so that ordinary names look as the user typed them. Any other is
/// escaped the way Rust's `escape_debug` writes strings: each byte that is not UTF-8 as `\xNN`
/// (two lowercase hex digits), a control character as `\n`, `\t`, `\r`, `\0` or `\u{1b}`, and
/// a backslash as `\\` (so that an escape cannot be mistaken for a backslash of the name), so
/// the name fits on one line of a message, a JSON string or a CSV cell.
pub fn shown(path: &Path) -> Cow<'_, str> {
    let bytes = path.as_os_str().as_encoded_bytes();
    if let Ok(s) = std::str::from_utf8(bytes) {
        if !s.chars().any(char::is_control) {
            return Cow::Borrowed(s);
        }
    }
    let mut out = String::with_capacity(bytes.len() + 8);
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            if c == '\\' || c.is_control() {
                out.extend(c.escape_debug());
            } else {
                out.push(c);
            }
        }
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02x}"));
        }
    }
    Cow::Owned(out)
}

/// Refuses anything but a regular file, by its type alone.
fn regular(kind: FileType) -> Result<(), Failure> {
    if kind.is_file() {
        return Ok(());
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Err(Failure::Special(Special::Fifo));
        }
        if kind.is_char_device() || kind.is_block_device() {
            return Err(Failure::Special(Special::Device));
        }
        if kind.is_socket() {
            return Err(Failure::Special(Special::Socket));
        }
    }
    Err(Failure::NotAFile)
}

/// Opens a file for reading without ever waiting: should a named pipe take the place of the
/// regular file just checked, opening it still returns at once (and its type is checked again).
fn open(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// The bytes of one file, refused by its type then its size before anything is read (as the app
/// does with a picked file), and never more than one byte past the limit if it grows meanwhile.
pub fn bytes(path: &Path) -> Result<Vec<u8>, Failure> {
    // The type first, through symbolic links, and before opening: opening a named pipe for
    // reading would wait for a writer.
    let meta = std::fs::metadata(path).map_err(Failure::Io)?;
    regular(meta.file_type())?;
    let file = open(path).map_err(Failure::Io)?;
    let meta = file.metadata().map_err(Failure::Io)?;
    regular(meta.file_type())?;
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

/// A folder given on the command line stands for its `.json` files (not its subfolders), in
/// name order (byte order); anything else is a file, even one that does not exist (it is then
/// refused with the others, by name). A folder that cannot be listed is one refused input.
pub fn expand(path: PathBuf, inputs: &mut Vec<Input>) {
    if !path.is_dir() {
        inputs.push(Input::File(path));
        return;
    }
    let listed = match std::fs::read_dir(&path) {
        Ok(listed) => listed,
        Err(e) => {
            inputs.push(Input::Unlisted(path, e));
            return;
        }
    };
    let mut names = Vec::new();
    for entry in listed {
        match entry {
            // An entry whose type is unknown is kept: reading it will say what it is.
            Ok(e) if !e.file_type().is_ok_and(|t| t.is_dir()) => {
                let name = e.file_name();
                let b = name.as_encoded_bytes();
                if b.len() >= 5 && b[b.len() - 5..].eq_ignore_ascii_case(b".json") {
                    names.push(name);
                }
            }
            Ok(_) => {}
            // A listing that breaks off: the folder is refused, and what was listed is read.
            Err(e) => {
                inputs.push(Input::Unlisted(path.clone(), e));
                break;
            }
        }
    }
    names.sort_unstable();
    inputs.extend(names.into_iter().map(|n| Input::File(path.join(n))));
}

/// More files than this show a progress bar (when standard error is a terminal).
const PROGRESS_OVER: usize = 200;
/// Files handed to the workers at a time: results come back in order, a batch at a time, so
/// memory stays bounded whatever the number of files.
const BATCH: usize = 512;

/// Runs `work` on every file, on up to as many threads as cores, and hands each result to `sink`
/// in the order of `inputs`, with the input's name as shown (`shown`); a folder that could not be
/// listed comes as its failure. `sink` prints through the function it is given, which writes
/// above the progress bar, and returns `false` to stop (its output cannot be written).
pub fn each<T: Send>(
    inputs: &[Input],
    work: impl Fn(&Path) -> Result<T, Failure> + Sync,
    mut sink: impl FnMut(&str, Result<T, Failure>, &dyn Fn(&str)) -> bool,
) {
    let bar = (inputs.len() > PROGRESS_OVER && io::stderr().is_terminal()).then(|| {
        let bar = ProgressBar::new(inputs.len() as u64);
        if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} {eta}") {
            bar.set_style(style);
        }
        bar
    });
    let say = |line: &str| match &bar {
        Some(b) => b.suspend(|| eprintln!("{line}")),
        None => eprintln!("{line}"),
    };
    let one = |input: &Input| {
        let r = match input {
            Input::File(p) => work(p),
            Input::Unlisted(_, e) => Err(Failure::unlisted(e)),
        };
        if let Some(b) = &bar {
            b.inc(1);
        }
        r
    };
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 16);
    'batches: for batch in inputs.chunks(BATCH) {
        let results: Vec<Result<T, Failure>> = if threads == 1 || batch.len() < 32 {
            batch.iter().map(one).collect()
        } else {
            let part = batch.len().div_ceil(threads);
            std::thread::scope(|s| {
                let handles: Vec<_> = batch
                    .chunks(part)
                    .map(|chunk| {
                        let one = &one;
                        s.spawn(move || chunk.iter().map(one).collect::<Vec<_>>())
                    })
                    .collect();
                handles
                    .into_iter()
                    // A worker only panics on a bug: let the panic through rather than lose files.
                    .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                    .collect()
            })
        };
        for (input, r) in batch.iter().zip(results) {
            if !sink(&shown(input.path()), r, &say) {
                break 'batches;
            }
        }
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }
}
