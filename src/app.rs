use yew::prelude::*;

use crate::components::{LangSwitch, Overview};
use crate::hooks::AppContext;
use crate::i18n::Lang;
use crate::state::{Action, State, StorageError};
use crate::storage::Store;

/// What the host page (or the entry point) tells one widget instance.
#[derive(Properties, Clone, PartialEq)]
pub struct AppProps {
    /// Storage namespace of this instance.
    #[prop_or(AttrValue::Static("default"))]
    pub namespace: AttrValue,
    /// The language to show: the user's stored choice if any, else the host's default.
    #[prop_or_default]
    pub lang: Lang,
    /// Whether `lang` is the user's own earlier choice (then it is kept as such).
    #[prop_or_default]
    pub lang_chosen: bool,
    /// A storage failure met while reading the initial values.
    #[prop_or_default]
    pub storage_error: Option<StorageError>,
    /// The app owns the whole page: it then also sets the document's language and title.
    #[prop_or_default]
    pub standalone: bool,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let state = {
        let p = props.clone();
        use_reducer(move || State::new(p.lang, p.lang_chosen, p.storage_error))
    };
    let context = AppContext::new(state.clone());

    // Remember the language once the user chose one; a refused write is shown, never fatal.
    {
        let store = Store::new(&props.namespace);
        let dispatch = context.dispatcher();
        use_effect_with((state.lang, state.lang_chosen), move |&(lang, chosen)| {
            if chosen {
                dispatch.emit(Action::StorageResult(store.save_lang(lang).err()));
            }
        });
    }
    {
        let standalone = props.standalone;
        use_effect_with(state.lang, move |&lang| {
            if standalone {
                set_document_language(lang);
            }
        });
    }

    let ui = state.lang.ui();
    html! {
        <ContextProvider<AppContext> context={context}>
            <div class="autodiag" lang={state.lang.id()}>
                <header class="masthead">
                    <div class="masthead-inner">
                        <p class="brand">{ ui.app_title }</p>
                        <LangSwitch />
                    </div>
                </header>
                if let Some(e) = state.storage_error {
                    <div class="notice notice-warning" role="alert">
                        { match e {
                            StorageError::Unavailable => ui.storage_unavailable,
                            StorageError::WriteRefused => ui.storage_write_refused,
                        } }
                    </div>
                }
                <main class="content">
                    <h1>{ ui.tagline }</h1>
                    <p class="intro">{ ui.intro }</p>
                    <p class="notice notice-info">{ ui.self_assessment_notice }</p>
                    <p class="notice notice-privacy">{ ui.privacy_notice }</p>
                    <Overview />
                </main>
                <footer class="footer">
                    <p>{ ui.footer }</p>
                </footer>
            </div>
        </ContextProvider<AppContext>>
    }
}

#[cfg(target_arch = "wasm32")]
fn set_document_language(lang: Lang) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        if let Some(root) = doc.document_element() {
            let _ = root.set_attribute("lang", lang.id());
        }
        doc.set_title(lang.ui().app_title);
    }
}

// Effects never run when the first screen is prerendered natively.
#[cfg(not(target_arch = "wasm32"))]
fn set_document_language(_: Lang) {}
