use yew::prelude::*;

use crate::hooks::use_app;
use crate::state::Action;
use crate::{files, format, platform};

#[derive(Properties, PartialEq)]
pub struct ExportButtonProps {
    pub id: AttrValue,
}

/// Downloads the assessment `id` as a format v1 JSON file, and remembers when.
#[component]
pub fn ExportButton(props: &ExportButtonProps) -> Html {
    let app = use_app();
    let onclick = {
        let (app, id) = (app.clone(), props.id.clone());
        Callback::from(move |_| {
            let Some(a) = app.find(&id) else { return };
            if files::download(
                &files::export_name(a),
                "application/json",
                &format::export(a),
            ) {
                let at = platform::now();
                let _ = app.store.save_exported(&id, &at);
                app.dispatch(Action::Exported {
                    id: id.to_string(),
                    at,
                });
            }
        })
    };
    html! {
        <button type="button" class="button" {onclick}>{ app.ui().export_json }</button>
    }
}
