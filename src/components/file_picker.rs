use web_sys::{DragEvent, HtmlInputElement};
use yew::prelude::*;

use crate::files::{picked, read_all, Picked, MAX_FILE_BYTES};
use crate::hooks::{use_app, AppContext};
use crate::state::Action;

/// The message under the picker, in the user's language.
type Error = UseStateHandle<Option<String>>;

/// Reads a file the user gave and hands it to the core's import. A problem is a message saying
/// what is wrong; nothing in storage changes. Files over a document's limit are refused by their
/// size, before being read.
fn open(app: &AppContext, file: Picked, error: &Error) {
    error.set(None);
    if !crate::files::fits(file.size) {
        error.set(Some(app.lang.walk().import_too_big.to_string()));
        return;
    }
    let (app, error) = (app.clone(), error.clone());
    read_all(
        vec![file],
        Box::new(move |read| match read.into_iter().next() {
            Some((_, Some(bytes))) => app.dispatch(match crate::format::import(&bytes) {
                Ok(a) => Action::Import(Box::new(a)),
                Err(e) => Action::ImportFailed(e),
            }),
            _ => error.set(Some(app.lang.walk().import_unreadable.to_string())),
        }),
    );
}

/// Reads every participant's file, then opens the workshop's merged view. A file that is too
/// big, unreadable or not an export is listed with the reason, and the others are merged. Too
/// many files, or too many bytes in all, and none is read: the user is told at once.
fn open_workshop(app: &AppContext, files: Vec<Picked>, error: &Error) {
    use crate::format::ImportError;
    use crate::state::WorkshopSession;

    error.set(None);
    if files.is_empty() {
        return;
    }
    let sizes: Vec<f64> = files.iter().map(|f| f.size).collect();
    if let Err(too_much) = crate::files::check_workshop(&sizes) {
        error.set(Some(too_much.message(app.lang)));
        return;
    }
    let (small, big): (Vec<Picked>, Vec<Picked>) =
        files.into_iter().partition(|f| crate::files::fits(f.size));
    let mut rejected: Vec<(String, ImportError)> = big
        .into_iter()
        .map(|f| {
            let bytes = f.size as usize;
            let limit = MAX_FILE_BYTES;
            (f.name, ImportError::TooLarge { bytes, limit })
        })
        .collect();
    let app = app.clone();
    read_all(
        small,
        Box::new(move |read| {
            let mut merged = Vec::new();
            for (name, bytes) in read {
                match bytes.map(|b| crate::format::import(&b)) {
                    Some(Ok(a)) => merged.push(a),
                    Some(Err(e)) => rejected.push((name, e)),
                    // The file went away or cannot be read: as good as not JSON.
                    None => rejected.push((name, ImportError::NotJson { line: 1, column: 1 })),
                }
            }
            app.dispatch(Action::Workshop(Box::new(WorkshopSession {
                merged: crate::workshop::Workshop::merge(&merged),
                rejected,
                tally: false,
            })));
        }),
    );
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
    let error = use_state(|| None::<String>);
    let dragging = use_state(|| false);

    let onchange = {
        let (app, error) = (app.clone(), error.clone());
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let files = picked(input.files());
            // The same file can be picked again after a fix.
            input.set_value("");
            if workshop {
                open_workshop(&app, files, &error);
            } else if let Some(file) = files.into_iter().next() {
                open(&app, file, &error);
            }
        })
    };
    let ondrop = {
        let (app, error, dragging) = (app.clone(), error.clone(), dragging.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            let files = picked(e.data_transfer().and_then(|d| d.files()));
            if workshop {
                open_workshop(&app, files, &error);
            } else if let Some(file) = files.into_iter().next() {
                open(&app, file, &error);
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
        (app.lang.walk().open_file, app.lang.walk().open_file_hint)
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
