use yew::prelude::*;

use crate::components::render::Render;
use crate::hooks::AppContext;
use crate::model::Assessment;
use crate::report;
use crate::scoring;

/// What is answered and what is left (each a link to its step), then a plain summary of the
/// scores (`report::review`).
pub fn review_step(app: &AppContext, a: &Assessment) -> Html {
    let blocks = report::review(a, &scoring::compute(a), app.lang);
    Render {
        app,
        a: Some(a),
        slot: &|_| html! {},
        tables: None,
    }
    .blocks(&blocks)
}
