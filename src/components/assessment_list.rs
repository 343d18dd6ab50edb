use yew::prelude::*;

use super::fields::{text_field, Field};
use crate::hooks::use_app;
use crate::i18n::fill;
use crate::model::Mode;
use crate::numbers::percent;
use crate::platform;
use crate::scoring;
use crate::state::Action;

#[derive(Clone, PartialEq)]
enum RowMode {
    Normal,
    Renaming(String, String),
    ConfirmDelete(String),
}

/// The assessments saved in this browser, most recent first, with what can be done to each.
#[component]
pub fn AssessmentList() -> Html {
    let app = use_app();
    let ui = app.ui();
    let row_mode = use_state(|| RowMode::Normal);
    // Most recent first; among equal times, the one added last.
    let mut list: Vec<_> = app.assessments.iter().enumerate().collect();
    crate::model::sort_small_by(&mut list, |(i, a), (j, b)| {
        b.updated.cmp(&a.updated).then(j.cmp(i))
    });
    // Each one's completion, computed once for its row and for the prefetch below.
    let list: Vec<_> = list
        .into_iter()
        .map(|(_, a)| (a, scoring::compute(a).completion))
        .collect();
    // A finished assessment is one click from its profile: fetch the profile's module now.
    let finished = list.iter().any(|&(_, done)| done >= 1.0);
    use_effect_with(finished, |&finished| {
        if finished {
            crate::web::extras::prefetch();
        }
    });

    let rows = list.into_iter().map(|(a, done)| {
        let id = a.id.clone();
        let name = a.community.name.clone();
        let completion = percent(done, app.lang);
        let mode = if a.mode == Mode::Quick { ui.mode_quick } else { ui.mode_full };
        let updated = platform::local_date_time(&a.updated, app.lang);
        let actions = match &*row_mode {
            RowMode::Renaming(rid, text) if *rid == id => {
                let text_state = row_mode.clone();
                let (rid2, rid3) = (rid.clone(), rid.clone());
                let value = text.clone();
                let save = {
                    let (app, row_mode, value) = (app.clone(), row_mode.clone(), value.clone());
                    Callback::from(move |e: SubmitEvent| {
                        e.prevent_default();
                        if !value.trim().is_empty() {
                            app.dispatch(Action::Rename {
                                id: rid3.clone(),
                                name: value.trim().to_string(),
                                now: platform::now(),
                            });
                            row_mode.set(RowMode::Normal);
                        }
                    })
                };
                html! {
                    <form class="inline-form" onsubmit={save}>
                        { text_field(Field {
                            id: app.id("rename"),
                            label: app.lang.walk().rename_label,
                            value,
                            oninput: Callback::from(move |v| text_state.set(RowMode::Renaming(rid2.clone(), v))),
                            ..Field::default()
                        }) }
                        <button type="submit" class="button button-primary">{ app.lang.walk().save }</button>
                        <button type="button" class="button"
                            onclick={let m = row_mode.clone(); move |_| m.set(RowMode::Normal)}>{ ui.cancel }</button>
                    </form>
                }
            }
            RowMode::ConfirmDelete(rid) if *rid == id => {
                let (app2, row_mode2, rid) = (app.clone(), row_mode.clone(), rid.clone());
                html! {
                    <div class="confirm" role="group" aria-label={app.lang.walk().delete}>
                        <p>{ fill(app.lang.walk().confirm_delete, &[&name]) }</p>
                        <button type="button" class="button button-danger" onclick={move |_| {
                            row_mode2.set(RowMode::Normal);
                            app2.dispatch(Action::Delete(rid.clone()));
                        }}>{ app.lang.walk().confirm_yes_delete }</button>
                        <button type="button" class="button"
                            onclick={let m = row_mode.clone(); move |_| m.set(RowMode::Normal)}>{ ui.cancel }</button>
                    </div>
                }
            }
            _ => {
                let open = app.dispatcher().reform({ let id = id.clone(); move |_| Action::Open(id.clone()) });
                let rename = { let (m, id, n) = (row_mode.clone(), id.clone(), name.clone()); move |_| m.set(RowMode::Renaming(id.clone(), n.clone())) };
                let duplicate = {
                    let (app, id, copy) = (app.clone(), id.clone(), format!("{name}{}", app.lang.walk().copy_suffix));
                    move |_| app.dispatch(Action::Duplicate {
                        id: id.clone(),
                        new_id: platform::new_id(),
                        now: platform::now(),
                        name: copy.clone(),
                    })
                };
                let delete = { let (m, id) = (row_mode.clone(), id.clone()); move |_| m.set(RowMode::ConfirmDelete(id.clone())) };
                let hidden = html! { <span class="visually-hidden">{ format!(" – {name}") }</span> };
                html! {
                    <div class="row-actions">
                        <button type="button" class="button button-primary" onclick={open}>{ app.lang.walk().resume }{ hidden.clone() }</button>
                        <button type="button" class="button" onclick={rename}>{ app.lang.walk().rename }{ hidden.clone() }</button>
                        <button type="button" class="button" onclick={duplicate}>{ app.lang.walk().duplicate }{ hidden.clone() }</button>
                        <button type="button" class="button button-danger-outline" onclick={delete}>{ app.lang.walk().delete }{ hidden }</button>
                    </div>
                }
            }
        };
        html! {
            <li class="assessment" key={a.id.clone()}>
                <h3 class="assessment-name">{ a.community.name.clone() }</h3>
                <dl class="facts">
                    <div><dt>{ ui.col_mode }</dt><dd>{ mode }</dd></div>
                    <div><dt>{ app.lang.walk().col_completion }</dt><dd>{ completion }</dd></div>
                    <div><dt>{ app.lang.walk().col_updated }</dt><dd>{ updated }</dd></div>
                </dl>
                { actions }
            </li>
        }
    });
    html! {
        <section class="panel">
            <h2>{ app.lang.walk().list_heading }</h2>
            <ul class="assessments">{ for rows }</ul>
        </section>
    }
}
