//! Files, at the edge: downloads of exports and reading of picked files. The limits and names
//! are the core's (`autodiag_core::files`).

use std::cell::RefCell;
use std::rc::Rc;

pub use autodiag_core::files::*;

/// A file the user picked or dropped, not read yet.
pub struct Picked {
    pub name: String,
    pub size: f64,
    file: web_sys::File,
}

/// The files of a file input's list or of a drop, in order.
pub fn picked(list: Option<web_sys::FileList>) -> Vec<Picked> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length())
        .filter_map(|i| list.get(i))
        .map(|file| Picked {
            name: file.name(),
            size: file.size(),
            file,
        })
        .collect()
}

/// What reading gave for each file, by name: its bytes, or `None` when it went away or cannot
/// be read.
pub type Read = Vec<(String, Option<Vec<u8>>)>;

/// Reads `files`, then calls `done` once with every result, in the files' order. `done` is boxed
/// by the caller: one copy of this function in the wasm, whatever calls it.
pub fn read_all(files: Vec<Picked>, done: Box<dyn FnOnce(Read)>) {
    /// The readers (cancelled when dropped) and the results, until the last one has called back.
    struct Batch {
        results: Vec<Option<Option<Vec<u8>>>>,
        readers: Vec<gloo::file::callbacks::FileReader>,
        names: Vec<String>,
        done: Option<Box<dyn FnOnce(Read)>>,
    }
    let batch = Rc::new(RefCell::new(Batch {
        results: files.iter().map(|_| None).collect(),
        readers: Vec::new(),
        names: files.iter().map(|f| f.name.clone()).collect(),
        done: Some(done),
    }));
    if files.is_empty() {
        let done = batch.borrow_mut().done.take();
        if let Some(done) = done {
            done(Vec::new());
        }
        return;
    }
    for (k, f) in files.into_iter().enumerate() {
        let b = batch.clone();
        let task = gloo::file::callbacks::read_as_bytes(&f.file.into(), move |result| {
            let finished = {
                let mut batch = b.borrow_mut();
                batch.results[k] = Some(result.ok());
                batch.results.iter().all(Option::is_some)
            };
            if finished {
                let (names, results, done) = {
                    let mut batch = b.borrow_mut();
                    // Callbacks have all run: the readers can go.
                    batch.readers.clear();
                    (
                        std::mem::take(&mut batch.names),
                        std::mem::take(&mut batch.results),
                        batch.done.take(),
                    )
                };
                if let Some(done) = done {
                    done(
                        names
                            .into_iter()
                            .zip(results.into_iter().flatten())
                            .collect(),
                    );
                }
            }
        });
        batch.borrow_mut().readers.push(task);
    }
}

/// Offers `text` to the user as a downloaded file.
#[cfg(target_arch = "wasm32")]
pub fn download(name: &str, mime: &str, text: &str) -> bool {
    use wasm_bindgen::JsCast;

    let blob = gloo::file::Blob::new_with_options(text, Some(mime));
    let url = gloo::file::ObjectUrl::from(blob);
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let Some(a) = doc
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return false;
    };
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // Revoking the URL at once can cancel the download in some browsers: keep it a while.
    gloo::timers::callback::Timeout::new(60_000, move || drop(url)).forget();
    true
}

#[cfg(not(target_arch = "wasm32"))]
pub fn download(_: &str, _: &str, _: &str) -> bool {
    false
}
