use yew::prelude::*;

use crate::hooks::AppContext;
use crate::state::Action;
use crate::{files, format, platform};

/// A button that downloads the assessment `id` as a format v1 JSON file, and remembers when.
pub fn export_button(app: &AppContext, id: &str) -> Html {
    let onclick = {
        let (app, id) = (app.clone(), id.to_string());
        Callback::from(move |e: MouseEvent| {
            let Some(a) = app.find(&id) else { return };
            if files::download(
                &files::export_name(a),
                "application/json",
                &format::export(a),
            ) {
                if let Some(target) = e.target() {
                    crate::events::emit(&target, "exported", a);
                }
                app.dispatch(Action::Exported {
                    id: id.clone(),
                    at: platform::now(),
                });
            }
        })
    };
    html! {
        <button type="button" class="button" {onclick}>{ app.ui().export_json }</button>
    }
}
