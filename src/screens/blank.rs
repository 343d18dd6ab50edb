use yew::prelude::*;

use crate::hooks::AppContext;

/// Every question with empty boxes, to print for a meeting on paper (`report::blank`).
pub fn blank_questionnaire(app: &AppContext, back: Callback<MouseEvent>) -> Html {
    let (ui, lang) = (app.ui(), app.lang);
    let print = {
        let standalone = app.host.standalone;
        Callback::from(move |e: MouseEvent| crate::platform::print(&e, standalone, ui.footer))
    };
    html! {
        <div class="blank">
            <div class="no-print report-actions">
                <button type="button" class="button" onclick={back}>{ "← " }{ ui.back }</button>
                <button type="button" class="button button-primary" onclick={print}>{ ui.print }</button>
            </div>
            <h1>{ lang.report().blank_title }</h1>
            <p>{ lang.report().blank_intro }</p>
            { crate::components::render::plain(app, None, &crate::report::blank::blank(lang)) }
        </div>
    }
}
