use yew::prelude::*;

pub use crate::numbers::score_text;

use super::readiness::unmet_list;
use super::start::percent;
use super::wizard::step_title;
use crate::content::{Pdca, AREAS, CLAUSES, N_REQUIREMENTS, PRIORITIES, PURPOSES, REQUIREMENTS};
use crate::findings::met_summary;
use crate::findings::unknown_text;
use crate::hooks::AppContext;
use crate::i18n::fill;
use crate::model::{Assessment, Mode};
use crate::scoring::{self, Section};
use crate::state::Action;
use crate::steps::{step_progress, steps, Step};

/// What is answered and what is left (each a link to its step), then a plain summary of the
/// scores. The profile screen builds on this.
pub fn review_step(app: &AppContext, a: &Assessment) -> Html {
    let (ui, lang) = (app.ui(), app.lang);
    let s = scoring::compute(a);
    let goto = |step: Step| app.dispatcher().reform(move |_| Action::Goto(step));

    let left: Vec<Html> = steps(a)
        .into_iter()
        .filter(|&st| {
            let (done, asked) = step_progress(a, st);
            done < asked
        })
        .map(|st| {
            let (done, asked) = step_progress(a, st);
            html! {
                <li>
                    <button type="button" class="link-button" onclick={goto(st)}>{ step_title(st, lang) }</button>
                    if asked > 1 {
                        { format!(" ({})", fill(ui.progress, &[&done.to_string(), &asked.to_string()])) }
                    }
                </li>
            }
        })
        .collect();

    let purposes = PURPOSES.iter().enumerate().map(|(i, p)| {
        let priority = a.purposes[i]
            .priority
            .map_or(ui.not_given, |pr| PRIORITIES[pr as usize].title.get(lang));
        html! {
            <tr>
                <th scope="row">{ p.title.get(lang) }</th>
                <td>{ priority }</td>
                <td>{ score_text(s.purposes[i], lang) }</td>
            </tr>
        }
    });
    let priorities = s.priorities.iter().map(|&i| {
        let gap = s.areas[i].map_or(0, |x| x.gap).to_string();
        html! {
            <li>
                <button type="button" class="link-button" onclick={goto(Step::Area(i))}>{ AREAS[i].title.get(lang) }</button>
                { format!(" – {}", fill(ui.priority_why, &[&gap])) }
            </li>
        }
    });
    let out_of_scope: Vec<&str> = AREAS
        .iter()
        .zip(&a.areas)
        .filter(|(_, x)| !x.in_scope)
        .map(|(area, _)| area.title.get(lang))
        .collect();
    let unknowns: Vec<Html> = scoring::unknowns(a)
        .into_iter()
        .map(|(section, i)| {
            let (title, step) = match section {
                Section::Area => (AREAS[i].title.get(lang).to_string(), Step::Area(i)),
                Section::Clause => (CLAUSES[i].title.get(lang).to_string(), Step::Phase(CLAUSES[i].phase)),
                Section::Requirement => (unknown_text(section, i, lang), Step::Phase(CLAUSES[REQUIREMENTS[i].clause].phase)),
                Section::Holder => (unknown_text(section, i, lang), Step::Area(i)),
            };
            html! { <li><button type="button" class="link-button" onclick={goto(step)}>{ title }</button></li> }
        })
        .collect();

    html! {
        <>
            <p class="lead">{ ui.review_intro }</p>
            <h2>{ ui.left_heading }</h2>
            if left.is_empty() {
                <p>{ ui.all_answered }</p>
            } else {
                <ul class="left">{ for left }</ul>
            }
            <h2>{ ui.scores_heading }</h2>
            <dl class="figures">
                <div><dt>{ ui.completion_label }</dt><dd>{ percent(s.completion, lang) }</dd></div>
                <div><dt>{ ui.overall_label }</dt><dd>{ score_text(s.overall, lang) }</dd></div>
                if a.mode == Mode::Full {
                    <div><dt>{ ui.management_label }</dt><dd>{ score_text(s.management.overall, lang) }</dd></div>
                    { for Pdca::ALL.iter().map(|&p| html! {
                        <div><dt>{ p.info().title.get(lang) }</dt><dd>{ score_text(s.management.phase(p), lang) }</dd></div>
                    }) }
                    <div class="wide"><dt>{ ui.gap.requirements_met }</dt><dd>{ met_summary(&s.requirements.overall, lang) }</dd></div>
                }
            </dl>
            if a.mode == Mode::Full {
                <h2>{ ui.gap.checklist_heading }</h2>
                <p>{ fill(ui.gap.checklist_progress, &[&s.requirements.overall.answered().to_string(), &N_REQUIREMENTS.to_string()]) }</p>
                <h3>{ ui.gap.unmet_heading }</h3>
                { unmet_list(app, a, &s) }
            }
            <table class="data">
                <caption>{ ui.purpose_scores_heading }</caption>
                <thead><tr>
                    <th scope="col">{ ui.col_purpose }</th>
                    <th scope="col">{ ui.col_priority }</th>
                    <th scope="col">{ ui.col_achievement }</th>
                </tr></thead>
                <tbody>{ for purposes }</tbody>
            </table>
            <h2>{ ui.priorities_heading }</h2>
            if s.priorities.is_empty() {
                <p>{ ui.no_priorities }</p>
            } else {
                <ol>{ for priorities }</ol>
            }
            if !unknowns.is_empty() {
                <h2>{ ui.unknowns_heading }</h2>
                <ul>{ for unknowns }</ul>
            }
            if !out_of_scope.is_empty() {
                <h2>{ ui.out_of_scope_heading }</h2>
                <p>{ out_of_scope.join(", ") }</p>
            }
        </>
    }
}
