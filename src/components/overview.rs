use yew::prelude::*;

use crate::content::{AREAS, PURPOSES};
use crate::hooks::AppContext;

/// The framework at a glance: the 6 purposes and the 12 areas of action, from the content data.
pub fn overview(app: &AppContext) -> Html {
    let (lang, ui) = (app.lang, app.ui());
    html! {
        <>
            <section class="panel">
                <h2>{ app.lang.walk().purposes_heading }</h2>
                <p class="lead">{ app.lang.walk().purposes_intro }</p>
                <ol class="cards">
                    { for PURPOSES.iter().map(|p| html! {
                        <li class="card" key={p.id}>
                            <h3>{ p.title.get(lang) }</h3>
                            <p>{ p.description.get(lang) }</p>
                        </li>
                    }) }
                </ol>
            </section>
            <section class="panel">
                <h2>{ ui.areas_heading }</h2>
                <p class="lead">{ app.lang.walk().areas_intro }</p>
                <ol class="cards">
                    { for AREAS.iter().map(|a| html! {
                        <li class="card" key={a.id}>
                            <h3>{ a.title.get(lang) }</h3>
                            <p>{ a.description.get(lang) }</p>
                            <p class="meta">{ format!("{}\u{a0}{}", app.ui().clause_label, a.clause) }</p>
                        </li>
                    }) }
                </ol>
            </section>
        </>
    }
}
