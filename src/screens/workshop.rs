//! The workshop screens: the group's merged answers, the show-of-hands tally, and the consensus.
//!
//! The first module draws the frame (the heading, the files left out, the switch between the two
//! views) and keeps the counts; what is in the frame is drawn by the on-demand module
//! ([`workshop_body`]), whose edits come back as actions.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::OnDemand;
use crate::hooks::{use_app, AppContext};
use crate::i18n::fill;
use crate::platform;
use crate::remote::Screen;
use crate::report::workshop::{item_title, value_label};
use crate::state::Action;
use crate::workshop::{Item, Workshop};

/// The workshop's merged view, or its tally form.
#[component]
pub fn WorkshopView() -> Html {
    let app = use_app();
    let ui = app.ui();
    let w = &ui.workshop;
    let Some(session) = app.workshop.clone() else {
        return Html::default();
    };
    let merged = &session.merged;
    let summary = if merged.files > 0 {
        fill(
            w.summary,
            &[&merged.files.to_string(), &merged.people().to_string()],
        )
    } else {
        fill(w.tally_summary, &[&merged.people().to_string()])
    };
    let dispatch = app.dispatcher();
    let close = dispatch.reform(|_| Action::WorkshopClose);
    let switch = {
        let tally = session.tally;
        dispatch.reform(move |_| Action::WorkshopTally(!tally))
    };
    html! {
        <section class="workshop" aria-labelledby={app.id("workshop-title")}>
            <div class="wizard-bar no-print">
                <button type="button" class="button" onclick={close}>{ "← " }{ ui.back }</button>
            </div>
            <h1 id={app.id("workshop-title")} tabindex="-1">{ w.title }</h1>
            <p class="lead">{ summary }</p>
            if !session.rejected.is_empty() {
                <div class="notice notice-warn" role="status">
                    <h2>{ w.rejected }</h2>
                    <ul>
                        { for session.rejected.iter().map(|(file, e)| html! {
                            <li><strong>{ file.clone() }</strong>{ app.lang.colon() }{ e.message(app.lang) }</li>
                        }) }
                    </ul>
                </div>
            }
            <p class="no-print">
                <button type="button" class="button" onclick={switch}>
                    { if session.tally { w.view_merged } else { w.view_tally } }
                </button>
            </p>
            <OnDemand screen={if session.tally { Screen::Tally } else { Screen::Workshop }} />
        </section>
    }
}

/// What the on-demand module draws in the frame: the tally form, or the merged view with the
/// consensus to save.
pub fn workshop_body(app: &AppContext) -> Html {
    let Some(session) = app.workshop.clone() else {
        return Html::default();
    };
    if session.tally {
        tally_form(app, &session.merged)
    } else {
        let room = crate::report::workshop::room(&session.merged, app.lang);
        html! {
            <>
                { crate::components::render::plain(app, None, &room) }
                <Consensus />
            </>
        }
    }
}

/// An item's part of an element id: its kind's letter and its index.
fn dom_key(item: Item) -> String {
    let (kind, i) = match item {
        Item::Purpose(i) => ('p', i),
        Item::Area(i) => ('a', i),
        Item::Clause(i) => ('c', i),
        Item::Requirement(i) => ('r', i),
    };
    format!("{kind}{i}")
}

/// Tally mode: for each question, how many hands went up for each answer.
fn tally_form(app: &AppContext, merged: &Workshop) -> Html {
    let (lang, w) = (app.lang, &app.ui().workshop);
    let items = merged.tally_items();
    html! {
        <div class="tally">
            <p>{ w.tally_intro }</p>
            <p class="hint">{ w.priority_scale }</p>
            { for items.into_iter().map(|item| {
                let counts = *merged.counts(item);
                let name = item_title(item, lang);
                let name = name.as_str();
                html! {
                    <fieldset class="tally-item">
                        <legend>{ name }</legend>
                        <div class="tally-values">
                            { for item.values().map(|value| {
                                let id = app.id(&format!("tally-{}-{value}", dom_key(item)));
                                let label = value_label(item, value, lang);
                                let full = fill(w.people_for, &[name, &label]);
                                let onchange = app.dispatcher().reform(move |e: Event| {
                                    let input = e.target_unchecked_into::<HtmlInputElement>();
                                    let people = input.value().trim().parse::<u32>().unwrap_or(0);
                                    Action::WorkshopCount { item, value, people }
                                });
                                html! {
                                    <div class="tally-value">
                                        <label for={id.clone()} aria-label={full}>{ label }</label>
                                        <input {id} type="number" inputmode="numeric" min="0" step="1"
                                            value={counts.0[usize::from(value)].to_string()} {onchange} />
                                    </div>
                                }
                            }) }
                        </div>
                    </fieldset>
                }
            }) }
        </div>
    }
}

/// Saves the suggested consensus under a name the facilitator can change.
#[component]
fn Consensus() -> Html {
    let app = use_app();
    let w = &app.ui().workshop;
    let community = app
        .workshop
        .as_ref()
        .map(|s| s.merged.community.clone())
        .filter(|c| !c.is_empty());
    let name = use_state(|| match community {
        Some(c) => fill(w.consensus_default, &[&c]),
        None => w.consensus_untitled.to_string(),
    });
    let onsubmit = {
        let (app, name) = (app.clone(), name.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if name.trim().is_empty() {
                return;
            }
            app.dispatch(Action::WorkshopConsensus {
                id: platform::new_id(),
                now: platform::now(),
                name: (*name).clone(),
            });
        })
    };
    let id = app.id("consensus-name");
    let oninput = {
        let name = name.clone();
        Callback::from(move |e: InputEvent| {
            name.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    html! {
        <section class="panel no-print">
            <h2>{ w.consensus_heading }</h2>
            <p>{ w.consensus_intro }</p>
            <form {onsubmit}>
                // Written out rather than `fields::text_field`: that would be a second copy of
                // the helper's code in the on-demand module, for one plain field.
                <div class="field">
                    <label for={id.clone()}>{ w.consensus_name }</label>
                    <input {id} type="text" maxlength={crate::model::MAX_TEXT_CHARS.to_string()}
                        value={(*name).clone()} required=true {oninput} />
                </div>
                <button type="submit" class="button button-primary">{ w.consensus_button }</button>
            </form>
        </section>
    }
}
