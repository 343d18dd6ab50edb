use yew::prelude::*;

use crate::components::render::Render;
use crate::hooks::AppContext;
use crate::model::Assessment;
use crate::report;

/// What is answered and what is left (each a link to its step), then a plain summary of the
/// scores (`report::review`).
pub fn review_step(app: &AppContext, a: &Assessment) -> Html {
    let Some(s) = app.scores.as_ref() else {
        return html! {};
    };
    let blocks = report::review(a, s, app.lang);
    Render {
        app,
        a: Some(a),
        slot: &|_| html! {},
        tables: None,
    }
    .blocks(&blocks)
}
