use std::cell::RefCell;
use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::files::MAX_FILE_BYTES;
use crate::hooks::use_app;
use crate::state::Action;

/// "Open a self-assessment file": reads a JSON export chosen by the user and hands it to the core's
/// import. A problem is a message saying what is wrong; nothing in storage changes.
#[component]
pub fn FilePicker() -> Html {
    let app = use_app();
    let ui = app.ui();
    // A reader is cancelled when dropped: keep it until it has called back.
    let reader: Rc<RefCell<Option<gloo::file::callbacks::FileReader>>> = use_mut_ref(|| None);
    let error = use_state(|| None::<&'static str>);

    let onchange = {
        let (app, error) = (app.clone(), error.clone());
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let Some(file) = input.files().and_then(|list| list.get(0)) else {
                return;
            };
            // The same file can be picked again after a fix.
            input.set_value("");
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
            *reader.borrow_mut() = Some(task);
        })
    };
    let id = app.id("open-file");
    html! {
        <section class="panel">
            <div class="field">
                <label for={id.clone()}>{ ui.open_file }</label>
                <p class="hint" id={format!("{id}-hint")}>{ ui.open_file_hint }</p>
                if let Some(message) = *error {
                    <p class="error" role="alert">{ message }</p>
                }
                <input {id} type="file" accept=".json,application/json"
                    aria-describedby={format!("{}-hint", app.id("open-file"))} {onchange} />
            </div>
        </section>
    }
}
