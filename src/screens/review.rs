use yew::prelude::*;

use crate::hooks::AppContext;
use crate::model::Assessment;
use crate::report;

/// What is answered and what is left (each a link to its step), then a plain summary of the
/// scores (`report::review`).
pub fn review_step(app: &AppContext, a: &Assessment) -> Html {
    let Some(s) = app.scores.as_ref() else {
        return html! {};
    };
    crate::components::render::plain(app, Some(a), &report::review(a, s, app.lang))
}
