//! `table`'s output file: never one of the files read, and never left half-written. The CSV goes
//! to a temporary file in the output's own folder, renamed over the output only once it is
//! complete, so a run that fails (a full disk, an error) leaves the previous file as it was.

use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::read::Input;

/// Whether `output` is the same file as one of `inputs`: the same device and inode (so a hard
/// link or a symbolic link to an input is caught too), or elsewhere the same canonical path. An
/// output that does not exist yet cannot be an input that is read.
pub fn is_an_input(output: &Path, inputs: &[Input]) -> bool {
    let Ok(out) = std::fs::metadata(output) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let id = (out.dev(), out.ino());
        inputs.iter().any(|i| match i {
            Input::File(p) => std::fs::metadata(p).is_ok_and(|m| (m.dev(), m.ino()) == id),
            Input::Unlisted(..) => false,
        })
    }
    #[cfg(not(unix))]
    {
        let _ = out;
        let Ok(out) = std::fs::canonicalize(output) else {
            return false;
        };
        inputs.iter().any(|i| match i {
            Input::File(p) => std::fs::canonicalize(p).is_ok_and(|p| p == out),
            Input::Unlisted(..) => false,
        })
    }
}

/// Whether a path names a `.json` file (any case): the CSV would take an export's place.
pub fn is_json_name(path: &Path) -> bool {
    let b = path.as_os_str().as_encoded_bytes();
    b.len() >= 5 && b[b.len() - 5..].eq_ignore_ascii_case(b".json")
}

/// An output file being written.
pub struct Output {
    out: BufWriter<File>,
    /// The temporary file and the file it replaces; `None` when writing straight to the output
    /// (a device such as `/dev/null`, or a named pipe: neither can be replaced by a rename).
    rename: Option<(PathBuf, PathBuf)>,
}

impl Output {
    /// Starts writing `path`. Fails at once when the output cannot be written at all (no such
    /// folder, no permission, a folder in its place), before any file is read.
    pub fn create(path: &Path) -> io::Result<Output> {
        // A symbolic link is followed: the file it points to is replaced, the link stays.
        let target = match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => return Err(io::ErrorKind::IsADirectory.into()),
            Ok(m) if !m.is_file() => {
                let file = OpenOptions::new().write(true).open(path)?;
                return Ok(Output {
                    out: BufWriter::with_capacity(1 << 16, file),
                    rename: None,
                });
            }
            Ok(_) => std::fs::canonicalize(path)?,
            Err(e) if e.kind() == io::ErrorKind::NotFound => path.to_path_buf(),
            Err(e) => return Err(e),
        };
        let folder = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let name = target
            .file_name()
            .ok_or_else(|| io::Error::from(io::ErrorKind::InvalidInput))?;
        let (file, temp) = temporary(folder, name)?;
        // The new file keeps the permissions of the one it replaces.
        if let Ok(m) = std::fs::metadata(&target) {
            let _ = file.set_permissions(m.permissions());
        }
        Ok(Output {
            out: BufWriter::with_capacity(1 << 16, file),
            rename: Some((temp, target)),
        })
    }

    /// Writes what is left, makes it durable, and puts the file in the output's place.
    pub fn commit(mut self) -> io::Result<()> {
        self.out.flush()?;
        let Some((temp, target)) = self.rename.take() else {
            return Ok(());
        };
        let renamed = self
            .out
            .get_ref()
            .sync_all()
            .and_then(|()| std::fs::rename(&temp, &target));
        if renamed.is_err() {
            let _ = std::fs::remove_file(&temp);
        }
        renamed
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.out.write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.out.write_all(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

impl Drop for Output {
    /// An output never committed leaves no temporary file behind.
    fn drop(&mut self) {
        if let Some((temp, _)) = &self.rename {
            let _ = std::fs::remove_file(temp);
        }
    }
}

/// A new file beside the output, hidden, named after it and this process: `.answers.csv.1234.tmp`.
fn temporary(folder: &Path, name: &std::ffi::OsStr) -> io::Result<(File, PathBuf)> {
    let pid = std::process::id();
    let mut last = None;
    for n in 0..100u32 {
        let mut temp = std::ffi::OsString::from(".");
        temp.push(name);
        temp.push(if n == 0 {
            format!(".{pid}.tmp")
        } else {
            format!(".{pid}-{n}.tmp")
        });
        let temp = folder.join(temp);
        match OpenOptions::new().write(true).create_new(true).open(&temp) {
            Ok(file) => return Ok((file, temp)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| io::ErrorKind::AlreadyExists.into()))
}
