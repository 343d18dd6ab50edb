use yew::prelude::*;

use crate::hooks::AppContext;
use crate::i18n::Lang;
use crate::web::tasks;

/// Two buttons, one per language, each written in its own language (and marked so with `lang`,
/// so that a screen reader pronounces it right).
pub fn lang_switch(app: &AppContext) -> Html {
    let buttons = Lang::ALL.iter().map(|&lang| {
        let dispatch = app.dispatcher();
        let onclick = Callback::from(move |_| tasks::choose_language(lang, dispatch.clone()));
        let current = lang == app.lang;
        html! {
            <button type="button" class="lang-button" lang={lang.id()}
                aria-pressed={if current { "true" } else { "false" }} {onclick}>
                { lang.name() }
            </button>
        }
    });
    html! {
        <div class="lang-switch" role="group" aria-label={app.ui().language_label}>
            { for buttons }
        </div>
    }
}
