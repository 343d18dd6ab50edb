//! What the views ask of the browser that takes time or listens: share links read from and
//! written to the address, the clipboard, other windows' storage changes, focus and the document's
//! language. Each returns at once and reports through a callback; natively (the prerender) each
//! does nothing, since effects never run there.

use yew::Callback;

use crate::i18n::Lang;
use crate::share::TooLong;
use crate::state::Action;
use crate::storage::Store;

/// Offers the assessment a share link carries, now and whenever the address's fragment changes
/// (a link opened in a tab where the app already runs): decoded and validated exactly as a file
/// import, then `dispatch`ed as `Action::Shared`. Returns what stops listening.
pub fn watch_share_links(namespace: String, dispatch: Callback<Action>) -> impl FnOnce() {
    #[cfg(target_arch = "wasm32")]
    {
        let check = move || {
            let (_, fragment) = super::platform::address();
            let dispatch = dispatch.clone();
            match crate::share::payload(&fragment, &namespace) {
                None => {}
                Some(Err(refused)) => {
                    super::platform::clear_fragment();
                    dispatch.emit(Action::Shared(Err(refused)));
                }
                Some(Ok(bytes)) => wasm_bindgen_futures::spawn_local(async move {
                    let result = super::platform::inflate_raw(&bytes).await.and_then(|json| {
                        crate::format::import(&json)
                            .map(Box::new)
                            .map_err(crate::share::Refused::Invalid)
                    });
                    if result.is_err() {
                        super::platform::clear_fragment();
                    }
                    dispatch.emit(Action::Shared(result));
                }),
            }
        };
        check();
        let listener = web_sys::window()
            .map(|w| gloo::events::EventListener::new(&w, "hashchange", move |_| check()));
        move || drop(listener)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (namespace, dispatch);
        || ()
    }
}

/// Switches to `lang` once its texts are here: at once when they are, else once its pack is
/// loaded; when it cannot be, the app says so and stays in its language.
pub fn choose_language(lang: Lang, dispatch: Callback<Action>) {
    #[cfg(target_arch = "wasm32")]
    {
        if crate::i18n::is_available(lang) {
            dispatch.emit(Action::SetLang(lang));
            return;
        }
        dispatch.emit(Action::LangLoading(lang));
        wasm_bindgen_futures::spawn_local(async move {
            dispatch.emit(if super::platform::load_language(lang).await {
                Action::SetLang(lang)
            } else {
                Action::LangUnavailable(lang)
            });
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    dispatch.emit(Action::SetLang(lang));
}

/// Compresses `json` and gives back the share link to this page for the widget of `namespace`.
pub fn make_share_link(json: String, namespace: String, done: Callback<Result<String, TooLong>>) {
    #[cfg(target_arch = "wasm32")]
    wasm_bindgen_futures::spawn_local(async move {
        if let Ok(bytes) = super::platform::deflate_raw(json.as_bytes()).await {
            let (page, _) = super::platform::address();
            done.emit(crate::share::link(&page, &bytes, &namespace));
        }
    });
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (json, namespace, done);
}

/// Copies `text` to the clipboard; `done` gets whether it worked.
pub fn copy_to_clipboard(text: String, done: Callback<bool>) {
    #[cfg(target_arch = "wasm32")]
    wasm_bindgen_futures::spawn_local(async move {
        done.emit(super::platform::copy_text(&text).await);
    });
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (text, done);
}

/// Moves keyboard focus to the element with this id, if it is there.
pub fn focus_by_id(id: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        if let Some(el) = super::platform::element_by_id(id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = id;
}

/// The page's `lang` and title follow the widget's language.
pub fn set_document_language(lang: Lang) {
    #[cfg(target_arch = "wasm32")]
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        if let Some(root) = doc.document_element() {
            let _ = root.set_attribute("lang", lang.id());
        }
        doc.set_title(lang.ui().app_title);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = lang;
}

/// Listens to other windows' changes to this widget's stored assessments and `dispatch`es what
/// they mean here (`state::from_other_window`). Natively there are no other windows.
pub fn listen_to_other_windows(
    store: Store,
    dispatch: Callback<Action>,
) -> Option<gloo::events::EventListener> {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let window = web_sys::window()?;
        Some(gloo::events::EventListener::new(
            &window,
            "storage",
            move |event| {
                let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
                    return;
                };
                let Some(key) = event.key() else { return };
                let Some(id) = store.assessment_id(&key) else {
                    return;
                };
                if let Some(action) =
                    crate::state::from_other_window(id, event.new_value().as_deref())
                {
                    dispatch.emit(action);
                }
            },
        ))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (store, dispatch);
        None
    }
}
