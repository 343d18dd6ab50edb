use std::cell::RefCell;
use std::rc::Rc;

use web_sys::{DragEvent, File, HtmlInputElement};
use yew::prelude::*;

use crate::files::MAX_FILE_BYTES;
use crate::hooks::{use_app, AppContext};
use crate::state::Action;

type Reader = Rc<RefCell<Option<gloo::file::callbacks::FileReader>>>;

/// Reads a file the user gave and hands it to the core's import. A problem is a message saying
/// what is wrong; nothing in storage changes. Files over 5 MB are refused before being read.
fn open(
    app: &AppContext,
    file: File,
    reader: &Reader,
    error: &UseStateHandle<Option<&'static str>>,
) {
    error.set(None);
    if file.size() > MAX_FILE_BYTES {
        error.set(Some(app.ui().import_too_big));
        return;
    }
    let (app, error, slot) = (app.clone(), error.clone(), reader.clone());
    let task = gloo::file::callbacks::read_as_bytes(&file.into(), move |result| {
        match result {
            Ok(bytes) => app.dispatch(match crate::format::import(&bytes) {
                Ok(a) => Action::Import(Box::new(a)),
                Err(e) => Action::ImportFailed(e),
            }),
            Err(_) => error.set(Some(app.ui().import_unreadable)),
        }
        slot.borrow_mut().take();
    });
    // A reader is cancelled when dropped: keep it until it has called back.
    *reader.borrow_mut() = Some(task);
}

/// "Open a self-assessment file", by picking it or dropping it on the zone.
#[component]
pub fn FilePicker() -> Html {
    let app = use_app();
    let ui = app.ui();
    let reader: Reader = use_mut_ref(|| None);
    let error = use_state(|| None::<&'static str>);
    let dragging = use_state(|| false);

    let onchange = {
        let (app, error, reader) = (app.clone(), error.clone(), reader.clone());
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
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
            if let Some(file) = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|l| l.get(0))
            {
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
    let id = app.id("open-file");
    let hint_id = format!("{id}-hint");
    html! {
        <section class={classes!("panel", "drop-zone", dragging.then_some("dragging"))}
            {ondrop} {ondragover} {ondragleave}>
            <div class="field">
                <label for={id.clone()}>{ ui.open_file }</label>
                <p class="hint" id={hint_id.clone()}>{ ui.open_file_hint }</p>
                if let Some(message) = *error {
                    <p class="error" role="alert">{ message }</p>
                }
                <input {id} type="file" accept=".json,application/json" aria-describedby={hint_id} {onchange} />
            </div>
        </section>
    }
}
