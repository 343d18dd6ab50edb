use yew::prelude::*;

use crate::hooks::AppContext;
use crate::i18n::Lang;
use crate::web::tasks;

/// Two buttons, one per language, each written in its own language (and marked so with `lang`,
/// so that a screen reader pronounces it right).
pub fn lang_switch(app: &AppContext) -> Html {
    let buttons = Lang::ALL.iter().map(|&lang| {
        let dispatch = app.dispatcher();
        // One fetch at a time: a second click while the texts come does nothing.
        let loading = app.lang_loading.is_some();
        let onclick = Callback::from(move |_| {
            if !loading {
                tasks::choose_language(lang, dispatch.clone())
            }
        });
        let current = lang == app.lang;
        let busy = app.lang_loading == Some(lang);
        html! {
            <button type="button" class="lang-button" lang={lang.id()}
                aria-pressed={if current { "true" } else { "false" }}
                aria-busy={busy.then_some("true")} {onclick}>
                { lang.name() }
            </button>
        }
    });
    html! {
        <div class="lang-switch" role="group" aria-label={app.lang.walk().language_label}>
            { for buttons }
        </div>
    }
}
