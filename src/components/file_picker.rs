use std::cell::RefCell;
use std::rc::Rc;

use web_sys::{DragEvent, File, HtmlInputElement};
use yew::prelude::*;

use crate::files::MAX_FILE_BYTES;
use crate::hooks::{use_app, AppContext};
use crate::state::Action;

type Reader = Rc<RefCell<Option<gloo::file::callbacks::FileReader>>>;
/// The message under the picker, in the user's language.
type Error = UseStateHandle<Option<String>>;

/// Reads a file the user gave and hands it to the core's import. A problem is a message saying
/// what is wrong; nothing in storage changes. Files over a document's limit are refused by their
/// size, before being read.
fn open(app: &AppContext, file: File, reader: &Reader, error: &Error) {
    error.set(None);
    if !crate::files::fits(file.size()) {
        error.set(Some(app.ui().import_too_big.to_string()));
        return;
    }
    let (app, error, slot) = (app.clone(), error.clone(), reader.clone());
    let task = gloo::file::callbacks::read_as_bytes(&file.into(), move |result| {
        match result {
            Ok(bytes) => app.dispatch(match crate::format::import(&bytes) {
                Ok(a) => Action::Import(Box::new(a)),
                Err(e) => Action::ImportFailed(e),
            }),
            Err(_) => error.set(Some(app.ui().import_unreadable.to_string())),
        }
        slot.borrow_mut().take();
    });
    // A reader is cancelled when dropped: keep it until it has called back.
    *reader.borrow_mut() = Some(task);
}

/// Participants' files read so far, until the last one has called back.
#[derive(Default)]
struct Batch {
    pending: usize,
    merged: Vec<crate::model::Assessment>,
    rejected: Vec<(String, crate::format::ImportError)>,
    readers: Vec<gloo::file::callbacks::FileReader>,
}

/// Reads every participant's file, then opens the workshop's merged view. A file that is too
/// big, unreadable or not an export is listed with the reason, and the others are merged. Too
/// many files, or too many bytes in all, and none is read: the user is told at once.
fn open_workshop(app: &AppContext, files: Vec<File>, error: &Error) {
    use crate::format::ImportError;
    use crate::state::WorkshopSession;

    error.set(None);
    if files.is_empty() {
        return;
    }
    let sizes: Vec<f64> = files.iter().map(|f| f.size()).collect();
    if let Err(too_much) = crate::files::check_workshop(&sizes) {
        error.set(Some(too_much.message(app.lang)));
        return;
    }
    let batch = Rc::new(RefCell::new(Batch {
        pending: files.len(),
        ..Batch::default()
    }));
    let finish = {
        let app = app.clone();
        move |batch: &Rc<RefCell<Batch>>| {
            let mut b = batch.borrow_mut();
            b.pending -= 1;
            if b.pending > 0 {
                return;
            }
            let merged = crate::workshop::Workshop::merge(&b.merged);
            let rejected = std::mem::take(&mut b.rejected);
            // Callbacks have all run: the readers can go.
            b.readers.clear();
            b.merged.clear();
            app.dispatch(Action::Workshop(Box::new(WorkshopSession {
                merged,
                rejected,
                tally: false,
            })));
        }
    };
    for file in files {
        let name = file.name();
        if !crate::files::fits(file.size()) {
            batch.borrow_mut().rejected.push((
                name,
                ImportError::TooLarge {
                    bytes: file.size() as usize,
                    limit: MAX_FILE_BYTES,
                },
            ));
            finish(&batch);
            continue;
        }
        let (b, finish) = (batch.clone(), finish.clone());
        let task = gloo::file::callbacks::read_as_bytes(&file.into(), move |result| {
            {
                let mut batch = b.borrow_mut();
                match result.map(|bytes| crate::format::import(&bytes)) {
                    Ok(Ok(a)) => batch.merged.push(a),
                    Ok(Err(e)) => batch.rejected.push((name, e)),
                    // The file went away or cannot be read: as good as not JSON.
                    Err(_) => batch
                        .rejected
                        .push((name, ImportError::NotJson { line: 1, column: 1 })),
                }
            }
            finish(&b);
        });
        batch.borrow_mut().readers.push(task);
    }
}

#[derive(Properties, PartialEq)]
pub struct FilePickerProps {
    /// Participants' files for a workshop: several at once, merged rather than imported.
    #[prop_or_default]
    pub workshop: bool,
}

/// "Open a self-assessment file", by picking it or dropping it on the zone; or, for a workshop,
/// every participant's file at once.
#[component]
pub fn FilePicker(props: &FilePickerProps) -> Html {
    let app = use_app();
    let ui = app.ui();
    let workshop = props.workshop;
    let reader: Reader = use_mut_ref(|| None);
    let error = use_state(|| None::<String>);
    let dragging = use_state(|| false);

    let onchange = {
        let (app, error, reader) = (app.clone(), error.clone(), reader.clone());
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            if workshop {
                let files = input.files().map(|l| every_file(&l)).unwrap_or_default();
                input.set_value("");
                open_workshop(&app, files, &error);
                return;
            }
            if let Some(file) = input.files().and_then(|list| list.get(0)) {
                // The same file can be picked again after a fix.
                input.set_value("");
                open(&app, file, &reader, &error);
            }
        })
    };
    let ondrop = {
        let (app, error, reader, dragging) =
            (app.clone(), error.clone(), reader.clone(), dragging.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            let files = e.data_transfer().and_then(|d| d.files());
            if workshop {
                open_workshop(
                    &app,
                    files.map(|l| every_file(&l)).unwrap_or_default(),
                    &error,
                );
                return;
            }
            if let Some(file) = files.and_then(|l| l.get(0)) {
                open(&app, file, &reader, &error);
            }
        })
    };
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            // Without this the browser would open the dropped file instead.
            e.prevent_default();
            if !*dragging {
                dragging.set(true);
            }
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let id = app.id(if workshop {
        "workshop-files"
    } else {
        "open-file"
    });
    let (label, hint) = if workshop {
        (ui.workshop.files_label, ui.workshop.files_hint)
    } else {
        (ui.open_file, ui.open_file_hint)
    };
    let hint_id = format!("{id}-hint");
    html! {
        <section class={classes!("panel", "drop-zone", dragging.then_some("dragging"))}
            {ondrop} {ondragover} {ondragleave}>
            <div class="field">
                <label for={id.clone()}>{ label }</label>
                <p class="hint" id={hint_id.clone()}>{ hint }</p>
                if let Some(message) = (*error).clone() {
                    <p class="error" role="alert">{ message }</p>
                }
                <input {id} type="file" accept=".json,application/json" multiple={workshop}
                    aria-describedby={hint_id} {onchange} />
            </div>
        </section>
    }
}

fn every_file(list: &web_sys::FileList) -> Vec<File> {
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}
