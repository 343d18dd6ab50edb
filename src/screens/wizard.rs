use yew::prelude::*;

use super::questions::{area_step, phase_step, purposes_step, scope_step, CommunityStep};
use crate::components::{export_button, OnDemand};
use crate::hooks::use_app;
use crate::i18n::fill;
use crate::model::Mode;
use crate::platform;
use crate::remote::Screen;
use crate::state::{Action, Edit};
use crate::steps::{step_progress, steps, Step};

/// Changes after which an export is suggested, as browsers may evict a site's storage.
const LONG_SITTING_EDITS: u32 = 25;

/// The guided walk through the open assessment: where you are, the current step, and the way on.
#[component]
pub fn Wizard() -> Html {
    let app = use_app();
    // The walk's steps, where the user is, and the next one (computed before the hook below).
    let walk = app.open().map(|a| {
        let all = steps(a);
        let step = app.step.unwrap_or(all[0]);
        let pos = all.iter().position(|s| *s == step).unwrap_or(0);
        (a, all, step, pos)
    });
    // The review (then the profile) is one step away: fetch their module now, so that it opens
    // at once.
    let soon = walk.as_ref().is_some_and(|(_, all, _, pos)| {
        matches!(all.get(pos + 1), Some(Step::Review | Step::Profile))
    });
    use_effect_with(soon, |&soon| {
        if soon {
            crate::web::extras::prefetch();
        }
    });
    let Some((a, all, step, pos)) = walk else {
        return html! {};
    };
    let (ui, lang) = (app.ui(), app.lang);
    let Some(scores) = app.scores.as_ref() else {
        return html! {};
    };
    let goto = |s: Step| app.dispatcher().reform(move |_| Action::Goto(s));

    let menu = all.iter().enumerate().map(|(i, &s)| {
        let (done, asked) = step_progress(a, s);
        let status = (asked > 0).then_some(if done == asked {
            app.lang.walk().answered_mark
        } else {
            ui.unanswered_mark
        });
        let current = (s == step).then_some("step");
        html! {
            <li class={classes!(status.map(|_| if done == asked { "done" } else { "todo" }))}>
                <button type="button" class="link-button" aria-current={current} onclick={goto(s)}>
                    { format!("{}. {}", i + 1, s.title(lang)) }
                    if let Some(status) = status {
                        <span class="step-status">{ format!(" ({status})") }</span>
                    }
                </button>
            </li>
        }
    });

    let body = match step {
        Step::Community => html! { <CommunityStep /> },
        Step::Scope => scope_step(&app, a),
        Step::Purposes => purposes_step(&app, a),
        Step::Area(i) => area_step(&app, a, i),
        Step::Phase(p) => phase_step(&app, a, p as usize),
        Step::Review => html! { <OnDemand screen={Screen::Review} /> },
        Step::Profile => html! { <OnDemand screen={Screen::Profile} /> },
    };
    let prev = pos.checked_sub(1).map(|i| all[i]);
    let next = all.get(pos + 1).copied();

    let (total, n) = (all.len().to_string(), (pos + 1).to_string());
    let exported = app
        .exported
        .get(&a.id)
        .map(|at| platform::local_date_time(at, lang));

    html! {
        <div class="wizard">
            <div class="wizard-bar">
                <button type="button" class="link-button" onclick={app.dispatcher().reform(|_| Action::Close)}>
                    { "← " }{ app.lang.walk().back_to_list }
                </button>
                <p class="assessment-title">{ a.community.name.clone() }</p>
                <p class="save-status" role="status">
                    if app.storage_error.is_none() {
                        { "✓ " }{ app.lang.walk().saved }
                    } else {
                        { "⚠ " }{ app.lang.walk().not_saved }
                    }
                </p>
            </div>
            <div class="progress-line">
                <p>
                    <strong>{ fill(app.lang.walk().step_of, &[&n, &total]) }</strong>
                    { " · " }
                    { fill(ui.progress, &[&scores.answered.to_string(), &scores.asked.to_string()]) }
                </p>
                <progress max={scores.asked.to_string()} value={scores.answered.to_string()}
                    aria-label={app.lang.walk().col_completion} />
            </div>
            if a.mode == Mode::Full && a.predates_checklist() {
                <div class="notice notice-info new-questions" role="note">
                    <p>{ fill(app.lang.walk().new_questions, &[&a.content_version]) }</p>
                    <button type="button" class="button" onclick={{
                        let (e, heading) = (app.editor(), app.id("step-heading"));
                        // The note goes away with its button: focus goes to the step's heading.
                        move |_| { e.emit(Edit::ContentSeen); crate::web::tasks::focus_by_id(&heading); }
                    }}>{ app.lang.walk().new_questions_ok }</button>
                </div>
            }
            // Keyed by step: the menu is closed again once it took the user somewhere.
            // Opened, the menu may be about to jump to the review or the profile: their module is
            // fetched meanwhile (once; a jump elsewhere has only cost its download).
            <details class="step-menu" key={step.id()} ontoggle={|_| crate::web::extras::prefetch()}>
                <summary>{ app.lang.walk().steps_label }</summary>
                <nav aria-label={app.lang.walk().steps_label}>
                    <ol>{ for menu }</ol>
                </nav>
            </details>

            // Keyed by step: each step's controls are new elements, never another step's reused.
            <section class="step" key={step.id()} aria-labelledby={app.id("step-heading")}>
                <h1 id={app.id("step-heading")} tabindex="-1">{ step.title(lang) }</h1>
                { body }
            </section>

            <div class="step-nav">
                if let Some(p) = prev {
                    <button type="button" class="button" onclick={goto(p)}>{ "← " }{ app.lang.walk().previous }</button>
                }
                if let Some(nx) = next {
                    <button type="button" class="button button-primary" onclick={goto(nx)}
                        aria-describedby={app.id("next-is")}>{ ui.next }{ " →" }</button>
                    <p class="next-is" id={app.id("next-is")}>{ fill(app.lang.walk().next_is, &[&nx.title(lang)]) }</p>
                }
            </div>

            <div class="backup">
                if app.edits_since_export >= LONG_SITTING_EDITS {
                    <p class="notice notice-info">{ app.lang.walk().long_sitting }</p>
                }
                <p>
                    { match &exported {
                        Some(at) => fill(app.lang.walk().last_export, &[at]),
                        None => app.lang.walk().never_exported.to_string(),
                    } }
                </p>
                { export_button(&app, &a.id) }
            </div>
        </div>
    }
}
