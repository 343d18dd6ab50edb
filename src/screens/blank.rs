use yew::prelude::*;

use crate::content::{
    requirements_of, Text, AREAS, CLAUSES, HOLDERS, HOLDER_QUESTION, LEVELS, NON_ANSWERS, PHASES,
    PRIORITIES, PURPOSES, REQUIREMENTS, REQUIREMENT_ANSWERS,
};
use crate::hooks::AppContext;
use crate::i18n::clause_name;
use crate::i18n::{fill, Lang};

fn boxes(labels: impl Iterator<Item = String>) -> Html {
    html! {
        <p class="boxes">{ for labels.map(|l| html! { <span class="box">{ format!("☐ {l}") }</span> }) }</p>
    }
}

fn level_boxes(lang: Lang, with_non_answers: bool) -> Html {
    let levels = (0..5).map(|l| l.to_string());
    let others = NON_ANSWERS
        .iter()
        .filter(|_| with_non_answers)
        .map(|n| n.title.get(lang).to_string());
    boxes(levels.chain(others))
}

fn questions(list: &[Text], lang: Lang) -> Html {
    html! { <ul>{ for list.iter().map(|q| html! { <li>{ q.get(lang) }</li> }) }</ul> }
}

/// Every question with empty boxes, to print for a meeting on paper.
pub fn blank_questionnaire(app: &AppContext, back: Callback<MouseEvent>) -> Html {
    let (ui, lang) = (app.ui(), app.lang);
    let print = {
        let standalone = app.host.standalone;
        Callback::from(move |e: MouseEvent| crate::platform::print(&e, standalone, ui.footer))
    };
    let lines = html! { <div class="write-lines"><span></span><span></span></div> };
    html! {
        <div class="blank">
            <div class="no-print report-actions">
                <button type="button" class="button" onclick={back}>{ "← " }{ ui.back }</button>
                <button type="button" class="button button-primary" onclick={print}>{ ui.print }</button>
            </div>
            <h1>{ ui.blank_title }</h1>
            <p>{ ui.blank_intro }</p>
            <ul class="scale">
                { for LEVELS.iter().map(|l| html! {
                    <li><strong>{ format!("{} – {}", l.value, l.title.get(lang)) }</strong>{ format!("{}{}", lang.colon(), l.descriptor.get(lang)) }</li>
                }) }
            </ul>
            <div class="blank-item">
                <p><strong>{ ui.name_label }</strong></p>{ lines.clone() }
                <p><strong>{ ui.date_label }</strong></p>{ lines.clone() }
                <p><strong>{ ui.participants_label }</strong></p>{ lines.clone() }
            </div>
            <h2>{ ui.step_purposes }</h2>
            { for PURPOSES.iter().map(|p| html! {
                <div class="blank-item">
                    <h3>{ p.title.get(lang) }</h3>
                    <p>{ p.description.get(lang) }</p>
                    <p class="box-label">{ fill(ui.priority_legend, &[p.title.get(lang)]) }</p>
                    { boxes(PRIORITIES.iter().map(|x| x.title.get(lang).to_string())) }
                </div>
            }) }
            <h2>{ ui.areas_heading }</h2>
            { for AREAS.iter().map(|a| html! {
                <div class="blank-item">
                    <h3>{ format!("{} – {}", a.clause, a.title.get(lang)) }</h3>
                    <p>{ a.description.get(lang) }</p>
                    { questions(a.questions, lang) }
                    <p class="box-label">{ HOLDER_QUESTION.title.get(lang) }</p>
                    { boxes(HOLDERS.iter().map(|h| h.title.get(lang).to_string())) }
                    <p class="box-label">{ fill(ui.level_legend, &[a.title.get(lang)]) }</p>
                    { level_boxes(lang, true) }
                    <p class="box-label">{ ui.target_legend }</p>
                    { level_boxes(lang, false) }
                    <p class="box-label">{ ui.evidence_label }</p>
                    { lines.clone() }
                </div>
            }) }
            <h2>{ fill(ui.step_phase, &[""]).trim_end_matches([' ', ':', '\u{a0}']).to_string() }</h2>
            { for PHASES.iter().flat_map(|ph| ph.clauses.iter()).map(|&c| {
                let cl = &CLAUSES[c];
                html! {
                    <div class="blank-item">
                        <h3>{ clause_name(c, lang) }</h3>
                        { questions(cl.questions, lang) }
                        { for requirements_of(c).map(|r| html! {
                            <>
                                <p class="box-label">{ REQUIREMENTS[r].question.get(lang) }</p>
                                { boxes(REQUIREMENT_ANSWERS.iter().map(|x| x.title.get(lang).to_string())) }
                            </>
                        }) }
                        <p class="box-label">{ fill(ui.clause_level_legend, &[cl.title.get(lang)]) }</p>
                        { level_boxes(lang, true) }
                    </div>
                }
            }) }
            <p class="report-footer">{ ui.footer }</p>
        </div>
    }
}
