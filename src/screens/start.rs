use yew::prelude::*;

use crate::components::fields::{text_field, Field};
use crate::components::{overview, AssessmentList, FilePicker, OnDemand};
use crate::components::{radio_group, Choice, Question};
use crate::hooks::use_app;
use crate::model::Mode;
use crate::platform;
use crate::remote::Screen;
use crate::state::Action;

/// The start screen: what this is, start a new assessment, resume one, open a file, and the user's
/// data (privacy, delete everything).
#[component]
pub fn StartScreen() -> Html {
    let app = use_app();
    let ui = app.ui();
    let name = use_state(String::new);
    let mode = use_state(|| app.host.modes.first());
    let tried = use_state(|| false);
    let confirm_all = use_state(|| false);
    let blank = use_state(|| false);
    if *blank {
        let b = blank.clone();
        let back = Callback::from(move |()| b.set(false));
        return html! { <OnDemand screen={Screen::Blank} on_back={back} /> };
    }

    let name_error = (*tried && name.trim().is_empty()).then_some(app.lang.walk().name_required);
    let onsubmit = {
        let (app, name, mode, tried) = (app.clone(), name.clone(), mode.clone(), tried.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            tried.set(true);
            if name.trim().is_empty() {
                focus_by_id(&app.id("new-name"));
                return;
            }
            platform::request_persistent_storage();
            app.dispatch(Action::Create {
                id: platform::new_id(),
                now: platform::now(),
                mode: *mode,
                name: name.trim().to_string(),
            });
        })
    };
    let mode_choices: Vec<Choice> = [
        (
            Mode::Quick,
            app.lang.walk().quick_title,
            app.lang.walk().quick_desc,
        ),
        (
            Mode::Full,
            app.lang.walk().full_title,
            app.lang.walk().full_desc,
        ),
    ]
    .into_iter()
    .filter(|(m, ..)| app.host.modes.allows(*m))
    .map(|(m, label, hint)| Choice {
        value: m.id(),
        label: label.into(),
        hint: Some(hint),
    })
    .collect();
    // One mode allowed: say which, rather than ask a question with one answer.
    let only_mode = (mode_choices.len() == 1).then(|| mode_choices[0].clone());
    let on_mode = {
        let mode = mode.clone();
        Callback::from(move |v: &str| mode.set(Mode::from_id(v).unwrap_or(Mode::Quick)))
    };
    let open_tally = app.dispatcher().reform(|_| {
        Action::Workshop(Box::new(crate::state::WorkshopSession {
            tally: true,
            ..Default::default()
        }))
    });
    let delete_all = {
        let (app, confirm_all) = (app.clone(), confirm_all.clone());
        Callback::from(move |_| {
            confirm_all.set(false);
            app.dispatch(Action::DeleteAll);
        })
    };

    html! {
        <div class="start">
            <h1 tabindex="-1">{ app.lang.walk().tagline }</h1>
            if app.host.intro {
                <p class="intro">{ ui.intro }</p>
            }
            <p class="notice notice-info">{ ui.self_assessment_notice }</p>
            <p class="notice notice-privacy">{ app.lang.walk().privacy_notice }</p>

            if !app.assessments.is_empty() {
                <AssessmentList />
            }

            <section class="panel new-assessment">
                <h2>{ app.lang.walk().new_heading }</h2>
                <form {onsubmit} novalidate=true>
                    { text_field(Field {
                        id: app.id("new-name"),
                        label: ui.name_label,
                        hint: Some(app.lang.walk().name_hint.into()),
                        value: (*name).clone(),
                        required: true,
                        error: name_error,
                        oninput: Callback::from(move |v| name.set(v)),
                        ..Field::default()
                    }) }
                    if let Some(only) = only_mode {
                        <p class="only-mode"><strong>{ only.label }</strong>{ " — " }{ only.hint }</p>
                    } else {
                        { radio_group(Question {
                            name: app.id("new-mode"),
                            legend: app.lang.walk().mode_legend.into(),
                            choices: mode_choices,
                            selected: mode.id(),
                            onchange: on_mode,
                            class: "modes",
                            ..Question::default()
                        }) }
                    }
                    <button type="submit" class="button button-primary">{ app.lang.walk().start_button }</button>
                </form>
            </section>

            <FilePicker />
            <section class="panel">
                <button type="button" class="button" onclick={move |_| blank.set(true)}>{ app.lang.walk().blank_button }</button>
            </section>

            // A facilitator who reaches for the workshop will need its module: fetch it then.
            <section class="panel workshop-entry" onfocusin={|_| crate::web::extras::prefetch()}
                onpointerenter={|_| crate::web::extras::prefetch()}>
                <h2>{ ui.workshop.heading }</h2>
                <p>{ ui.workshop.intro }</p>
                <FilePicker workshop=true />
                <button type="button" class="button" onclick={open_tally}>{ ui.workshop.tally_button }</button>
            </section>

            if app.host.intro {
                { overview(&app) }
            }
            { crate::components::render::plain(&app, None, &[crate::report::reading(app.lang)]) }

            <section class="panel">
                <h2>{ app.lang.walk().data_heading }</h2>
                <p>{ app.lang.walk().privacy_notice }</p>
                <p>{ app.lang.walk().privacy_people }</p>
                if *confirm_all {
                    <div class="confirm" role="group" aria-label={app.lang.walk().delete_all}>
                        <p>{ app.lang.walk().confirm_delete_all }</p>
                        <button type="button" class="button button-danger" onclick={delete_all}>
                            { app.lang.walk().confirm_yes_delete_all }
                        </button>
                        <button type="button" class="button"
                            onclick={let c = confirm_all.clone(); move |_| c.set(false)}>{ ui.cancel }</button>
                    </div>
                } else {
                    <button type="button" class="button button-danger-outline"
                        onclick={move |_| confirm_all.set(true)}>{ app.lang.walk().delete_all }</button>
                }
            </section>
        </div>
    }
}

use crate::web::tasks::focus_by_id;
