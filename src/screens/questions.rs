//! The steps that ask questions. Each renders the open assessment's answers and turns every change
//! into an `Edit`. Plain functions, not components, so that Yew's per-component code is not
//! repeated for each (see `radio_group`).

use yew::prelude::*;

use crate::components::fields::{select_field, text_field, Field};
use crate::components::{radio_group, Choice, Question};
use crate::content::{
    indicators_of, requirements_of, Text, AREAS, CLAUSES, CONTRIBUTION_LEVELS, EVIDENCE_FIELD,
    HOLDERS, HOLDER_LEVEL_NOTE, HOLDER_QUESTION, INDICATOR_THEMES, LEVELS, NON_ANSWERS,
    PARTICIPATION_LEVELS, PHASES, PRIORITIES, PURPOSES, REQUIREMENTS, REQUIREMENT_ANSWERS,
};
use crate::hooks::{use_app, AppContext};
use crate::i18n::{clause_name, holder_info};
use crate::i18n::{fill, Lang};
use crate::model::*;
use crate::state::Edit;

const DIGITS: [&str; 5] = ["0", "1", "2", "3", "4"];

/// The form value of a level answer (`Answer::id`), or "" when unanswered.
pub fn answer_value(a: Option<Answer>) -> &'static str {
    a.map_or("", Answer::id)
}

pub fn parse_answer(v: &str) -> Option<Answer> {
    Answer::from_id(v)
}

fn level_of(v: &str) -> Option<Level> {
    v.parse::<u8>().ok().and_then(Level::new)
}

/// The 0–4 levels, then "not applicable" and "don't know"; with their descriptors for a current
/// level (the target question comes after them and keeps to the titles). `taking_part`: another
/// body holds the area, so the descriptors say how the community takes part (same scale).
fn level_choices(lang: Lang, current: bool, taking_part: bool) -> Vec<Choice> {
    let levels = LEVELS.iter().map(|l| Choice {
        value: DIGITS[usize::from(l.value)],
        label: format!("{} – {}", l.value, l.title.get(lang)).into(),
        hint: current.then(|| match PARTICIPATION_LEVELS.get(usize::from(l.value)) {
            Some(p) if taking_part => p.get(lang),
            _ => l.descriptor.get(lang),
        }),
    });
    let others = NON_ANSWERS.iter().filter(|_| current).map(|n| Choice {
        value: n.id,
        label: n.title.get(lang).into(),
        hint: Some(n.descriptor.get(lang)),
    });
    levels.chain(others).collect()
}

fn priority_choices(lang: Lang) -> Vec<Choice> {
    PRIORITIES
        .iter()
        .map(|p| Choice {
            value: p.id,
            label: p.title.get(lang).into(),
            hint: None,
        })
        .collect()
}

/// The guiding questions; folded in quick mode, where the level is all that is asked.
fn guide(list: &[Text], lang: Lang, heading: &'static str, folded: bool) -> Html {
    let items = html! { <ul>{ for list.iter().map(|q| html! { <li>{ q.get(lang) }</li> }) }</ul> };
    if folded {
        html! { <details class="guide"><summary>{ heading }</summary>{ items }</details> }
    } else {
        html! { <div class="guide"><h2>{ heading }</h2>{ items }</div> }
    }
}

/// A level question (current maturity of an area or a clause). `note`: what the level measures
/// when another body holds the area.
fn level_question(
    app: &AppContext,
    name: String,
    legend: String,
    value: Option<Answer>,
    edit: fn(usize, Option<Answer>) -> Edit,
    i: usize,
    note: Option<String>,
) -> Html {
    let e = app.editor();
    let taking_part = note.is_some();
    radio_group(Question {
        name,
        legend: legend.into(),
        hint: note.map(AttrValue::from),
        choices: level_choices(app.lang, true, taking_part),
        selected: answer_value(value),
        onchange: Callback::from(move |v: &str| e.emit(edit(i, parse_answer(v)))),
        clear_label: Some(app.lang.walk().clear_answer),
        class: "levels",
    })
}

fn text_edit(
    app: &AppContext,
    id: String,
    label: &'static str,
    hint: Option<AttrValue>,
    value: &str,
    multiline: bool,
    edit: impl Fn(String) -> Edit + 'static,
) -> Html {
    let e = app.editor();
    text_field(Field {
        id,
        label,
        hint,
        value: value.to_string(),
        multiline,
        oninput: Callback::from(move |v| e.emit(edit(v))),
        ..Field::default()
    })
}

/// Options of a drop-down for an enumeration, "not specified" first.
fn options(
    ids: &'static [&'static str],
    labels: &'static [&'static str],
    none: &'static str,
) -> Vec<(&'static str, &'static str)> {
    std::iter::once(("", none))
        .chain(ids.iter().copied().zip(labels.iter().copied()))
        .collect()
}

fn select(
    app: &AppContext,
    id: &str,
    label: &'static str,
    ids: &'static [&'static str],
    labels: &'static [&'static str],
    value: &'static str,
    edit: fn(&str) -> Edit,
) -> Html {
    let e = app.editor();
    select_field(
        app.id(id),
        label,
        options(ids, labels, app.ui().not_given),
        value,
        Callback::from(move |v: String| e.emit(edit(&v))),
    )
}

/// Asks who the community is and what is assessed. A component: the name field may be empty while
/// typing, though the stored name never is.
#[component]
pub fn CommunityStep() -> Html {
    let app = use_app();
    let name = use_state(|| {
        app.open()
            .map(|a| a.community.name.clone())
            .unwrap_or_default()
    });
    let Some(a) = app.open() else { return html! {} };
    let ui = app.ui();
    let c = &a.community;
    let on_name = {
        let (edit, name) = (app.editor(), name.clone());
        Callback::from(move |v: String| {
            name.set(v.clone());
            edit.emit(Edit::Name(v));
        })
    };
    let on_date = {
        let e = app.editor();
        Callback::from(move |v: String| e.emit(Edit::Date((!v.is_empty()).then_some(v))))
    };
    html! {
        <>
            <p class="lead">{ app.lang.walk().community_intro }</p>
            { text_field(Field {
                id: app.id("name"),
                label: ui.name_label,
                value: (*name).clone(),
                required: true,
                error: name.trim().is_empty().then_some(app.lang.walk().name_required),
                oninput: on_name,
                ..Field::default()
            }) }
            <div class="field-row">
                { select(&app, "kind", ui.kind_label, Kind::IDS, &ui.kinds, c.kind.map_or("", Kind::id), |v| Edit::Kind(Kind::from_id(v))) }
                { select(&app, "population", ui.population_label, Population::IDS, &ui.populations, c.population.map_or("", Population::id), |v| Edit::Population(Population::from_id(v))) }
            </div>
            { text_edit(&app, app.id("perimeter"), ui.perimeter_label, Some(app.lang.walk().perimeter_hint.into()), &c.perimeter, false, Edit::Perimeter) }
            <div class="field-row">
                { select(&app, "object", ui.object_label, Object::IDS, &ui.objects, c.object.map_or("", Object::id), |v| Edit::Object(Object::from_id(v))) }
                { select(&app, "scale", ui.scale_label, Scale::IDS, &ui.scales, c.scale.map_or("", Scale::id), |v| Edit::Scale(Scale::from_id(v))) }
                { select(&app, "phase", ui.phase_label, ProjectPhase::IDS, &ui.phases, c.phase.map_or("", ProjectPhase::id), |v| Edit::Phase(ProjectPhase::from_id(v))) }
            </div>
            { text_field(Field {
                id: app.id("date"),
                label: ui.date_label,
                value: c.date.clone().unwrap_or_default(),
                date: true,
                oninput: on_date,
                ..Field::default()
            }) }
            { text_edit(&app, app.id("participants"), ui.participants_label, Some(app.lang.walk().participants_hint.into()), &c.participants, false, Edit::Participants) }
            { text_edit(&app, app.id("community-notes"), ui.notes_label, None, &c.notes, true, Edit::CommunityNotes) }
        </>
    }
}

pub fn scope_step(app: &AppContext, a: &Assessment) -> Html {
    let lang = app.lang;
    let boxes = AREAS.iter().enumerate().map(|(i, area)| {
        let id = app.id(&format!("scope-{}", area.id));
        let checked = a.areas[i].in_scope;
        let e = app.editor();
        html! {
            <div class="choice" key={id.clone()}>
                <input type="checkbox" id={id.clone()} {checked}
                    onchange={move |_| e.emit(Edit::InScope(i, !checked))} />
                <label for={id}><span class="choice-label">{ area.title.get(lang) }</span></label>
            </div>
        }
    });
    html! {
        <>
            <p class="lead">{ app.lang.walk().scope_intro }</p>
            <fieldset class="question">
                <legend>{ app.lang.walk().scope_legend }</legend>
                <div class="choices">{ for boxes }</div>
            </fieldset>
        </>
    }
}

pub fn purposes_step(app: &AppContext, a: &Assessment) -> Html {
    let (ui, lang) = (app.ui(), app.lang);
    let groups = PURPOSES.iter().enumerate().map(|(i, p)| {
        let e = app.editor();
        radio_group(Question {
            name: app.id(&format!("priority-{}", p.id)),
            legend: fill(ui.priority_legend, &[p.title.get(lang)]).into(),
            hint: Some(p.description.get(lang).into()),
            choices: priority_choices(lang),
            selected: a.purposes[i].priority.map_or("", Priority::id),
            clear_label: Some(app.lang.walk().clear_answer),
            onchange: Callback::from(move |v: &str| {
                e.emit(Edit::Priority(i, Priority::from_id(v)))
            }),
            class: "inline",
        })
    });
    html! {
        <>
            <p class="lead">{ app.lang.walk().purposes_step_intro }</p>
            { for groups }
        </>
    }
}

pub fn area_step(app: &AppContext, a: &Assessment, i: usize) -> Html {
    let (ui, lang) = (app.ui(), app.lang);
    let (area, answer) = (&AREAS[i], &a.areas[i]);
    let full = a.mode == Mode::Full;
    let name = |what: &str| app.id(&format!("{what}-{}", area.id));
    // Who holds the area is asked first in full mode: the level's wording depends on it.
    let holder = answer.holder.filter(|_| full);
    let note = holder.filter(|h| h.is_other_body()).map(|h| {
        HOLDER_LEVEL_NOTE
            .get(lang)
            .replace("{holder}", holder_info(h).in_sentence.get(lang))
    });
    let level = level_question(
        app,
        name("level"),
        fill(ui.level_legend, &[area.title.get(lang)]),
        answer.level,
        Edit::Level,
        i,
        note,
    );
    let holder_question = full.then(|| {
        let e = app.editor();
        radio_group(Question {
            name: name("holder"),
            legend: HOLDER_QUESTION.title.get(lang).into(),
            hint: Some(HOLDER_QUESTION.help.get(lang).into()),
            choices: HOLDERS
                .iter()
                .map(|h| Choice {
                    value: h.id,
                    label: h.title.get(lang).into(),
                    hint: Some(h.hint.get(lang)),
                })
                .collect(),
            selected: answer.holder.map_or("", Holder::id),
            clear_label: Some(app.lang.walk().clear_answer),
            onchange: Callback::from(move |v: &str| e.emit(Edit::Holder(i, Holder::from_id(v)))),
            class: "holders",
        })
    });
    let details = full.then(|| {
        let e = app.editor();
        let target = radio_group(Question {
            name: name("target"),
            legend: ui.target_legend.into(),
            choices: level_choices(lang, false, false),
            selected: answer.target.map_or("", |l| DIGITS[usize::from(l.get())]),
            clear_label: Some(app.lang.walk().clear_answer),
            onchange: Callback::from(move |v: &str| e.emit(Edit::Target(i, level_of(v)))),
            class: "inline",
            ..Question::default()
        });
        let e = app.editor();
        let priority = radio_group(Question {
            name: name("area-priority"),
            legend: app.lang.walk().area_priority_legend.into(),
            choices: priority_choices(lang),
            selected: answer.priority.map_or("", Priority::id),
            clear_label: Some(app.lang.walk().clear_answer),
            onchange: Callback::from(move |v: &str| e.emit(Edit::AreaPriority(i, Priority::from_id(v)))),
            class: "inline",
            ..Question::default()
        });
        let contributions = PURPOSES.iter().enumerate().map(|(p, purpose)| {
            let default = area.contributions[p];
            let chosen = answer.contributions[p].map(|c| c.get());
            let choices = CONTRIBUTION_LEVELS
                .iter()
                .map(|c| Choice {
                    value: DIGITS[usize::from(c.value)],
                    label: if chosen.is_none() && c.value == default {
                        format!("{} {}", c.title.get(lang), app.lang.walk().contrib_default).into()
                    } else {
                        c.title.get(lang).into()
                    },
                    hint: None,
                })
                .collect();
            let e = app.editor();
            radio_group(Question {
                name: name(&format!("contrib-{}", purpose.id)),
                legend: purpose.title.get(lang).into(),
                choices,
                selected: DIGITS[usize::from(chosen.unwrap_or(default))],
                onchange: Callback::from(move |v: &str| {
                    // Choosing the default again goes back to following the default matrix.
                    let c = v.parse::<u8>().ok().and_then(Contribution::new).filter(|c| c.get() != default);
                    e.emit(Edit::Contribution(i, p, c))
                }),
                class: "inline compact",
                ..Question::default()
            })
        });
        let themes: Vec<&str> = area.indicator_themes.iter().map(|&t| INDICATOR_THEMES[t].title.get(lang)).collect();
        html! {
            <>
                { target }
                { priority }
                <div class="group">
                    <h2>{ app.lang.walk().contrib_heading }</h2>
                    <p class="hint">{ app.lang.walk().contrib_intro }</p>
                    { for contributions }
                </div>
                { indicators_question(app, answer, i) }
                { text_edit(app, name("indicators"), app.lang.walk().other_indicators_label, Some(fill(app.lang.walk().indicators_hint, &[&themes.join(", ")]).into()), &answer.indicators, true, move |v| Edit::Indicators(i, v)) }
                { text_edit(app, name("notes"), ui.evidence_label, None, &answer.notes, true, move |v| Edit::AreaNotes(i, v)) }
            </>
        }
    });
    html! {
        <>
            <p class="meta">{ format!("ISO 37101, {}\u{a0}{}", app.ui().clause_label, area.clause) }</p>
            <p class="lead">{ area.description.get(lang) }</p>
            { guide(area.questions, lang, app.lang.walk().questions_heading, !full) }
            { for holder_question }
            { level }
            { for details }
        </>
    }
}

pub fn phase_step(app: &AppContext, a: &Assessment, phase: usize) -> Html {
    let (ui, lang) = (app.ui(), app.lang);
    let clauses = PHASES[phase].clauses.iter().map(|&c| {
        let clause = &CLAUSES[c];
        let answer = &a.clauses[c];
        html! {
            <article class="clause">
                <h2>{ clause_name(c, lang) }</h2>
                <p class="lead">{ clause.description.get(lang) }</p>
                { guide(clause.questions, lang, app.lang.walk().questions_heading, false) }
                { checklist(app, a, c) }
                { level_question(app, app.id(&format!("clause-{}", clause.id)), fill(ui.clause_level_legend, &[clause.title.get(lang)]), answer.level, Edit::ClauseLevel, c, None) }
                { text_edit(app, app.id(&format!("clause-notes-{}", clause.id)), ui.evidence_label, None, &answer.notes, true, move |v| Edit::ClauseNotes(c, v)) }
            </article>
        }
    });
    let (answered, asked) = PHASES[phase]
        .clauses
        .iter()
        .flat_map(|&c| requirements_of(c))
        .fold((0, 0), |(n, t), r| {
            (n + usize::from(a.requirements[r].met.is_some()), t + 1)
        });
    html! {
        <>
            <p class="checklist-progress" aria-live="polite">
                { fill(ui.gap.checklist_progress, &[&answered.to_string(), &asked.to_string()]) }
            </p>
            { for clauses }
        </>
    }
}

/// A requirement's id as it may appear in an element id.
pub fn requirement_slug(r: usize) -> String {
    REQUIREMENTS[r].id.replace('.', "-")
}

/// The clause's requirements, each a question with its evidence, before the clause's level.
fn checklist(app: &AppContext, a: &Assessment, c: usize) -> Html {
    let (ui, lang) = (app.ui(), app.lang);
    let items = requirements_of(c).map(|r| {
        let req = &REQUIREMENTS[r];
        let answer = &a.requirements[r];
        let slug = requirement_slug(r);
        let hint = match (req.hls, req.help) {
            (Some(n), Some(h)) => Some(format!("§\u{a0}{n}. {}", h.get(lang))),
            (Some(n), None) => Some(format!("§\u{a0}{n}")),
            (None, Some(h)) => Some(h.get(lang).to_string()),
            (None, None) => None,
        };
        let e = app.editor();
        let question = radio_group(Question {
            name: app.id(&format!("req-{slug}")),
            legend: req.question.get(lang).into(),
            hint: hint.map(AttrValue::from),
            choices: REQUIREMENT_ANSWERS
                .iter()
                .map(|x| Choice {
                    value: x.id,
                    label: x.title.get(lang).into(),
                    hint: None,
                })
                .collect(),
            selected: answer.met.map_or("", Met::id),
            clear_label: Some(app.lang.walk().clear_answer),
            onchange: Callback::from(move |v: &str| e.emit(Edit::Requirement(r, Met::from_id(v)))),
            class: "inline compact",
        });
        // « Sans objet » asks why, in the same field: the report lists it as an exclusion.
        let na = answer.met == Some(Met::Na);
        let evidence = text_field(Field {
            id: app.id(&format!("evidence-{slug}")),
            label: if na {
                app.lang.walk().na_reason_label
            } else {
                EVIDENCE_FIELD.label.get(lang)
            },
            hint: Some(if na {
                app.lang.walk().na_reason_hint.into()
            } else {
                format!(
                    "{} {}",
                    EVIDENCE_FIELD.help.get(lang),
                    req.evidence_hint.get(lang)
                )
                .into()
            }),
            value: answer.evidence.clone(),
            oninput: {
                let e = app.editor();
                Callback::from(move |v| e.emit(Edit::Evidence(r, v)))
            },
            ..Field::default()
        });
        html! {
            <div class="requirement" key={slug}>
                <h4 class="requirement-title">{ req.title.get(lang) }</h4>
                { question }
                { evidence }
            </div>
        }
    });
    html! {
        <div class="group checklist">
            <h3>{ ui.gap.checklist_heading }</h3>
            <p class="hint">{ app.lang.walk().checklist_intro }{ " " }{ EVIDENCE_FIELD.help.get(lang) }</p>
            { for items }
        </div>
    }
}

/// The area's suggested indicators: a box to tick for each, and once ticked its latest value, unit
/// and year.
fn indicators_question(app: &AppContext, answer: &AreaAnswer, i: usize) -> Html {
    let lang = app.lang;
    let items = indicators_of(i).iter().enumerate().map(|(k, ind)| {
        let id = app.id(&format!("ind-{}", ind.id.replace('.', "-")));
        let followed = answer.followed[k].clone();
        let checked = followed.is_some();
        let toggle = {
            let e = app.editor();
            move |_| e.emit(Edit::Follow(i, k, (!checked).then(Followed::default)))
        };
        let hint_id = format!("{id}-hint");
        let details = followed.map(|f| {
            let field = |what: &str, label: &'static str, value: String, max: usize, numeric: bool, set: fn(Followed, String) -> Followed| {
                let (e, current) = (app.editor(), f.clone());
                text_field(Field {
                    id: format!("{id}-{what}"),
                    label,
                    value,
                    max_chars: Some(max),
                    numeric,
                    oninput: Callback::from(move |v: String| e.emit(Edit::Follow(i, k, Some(set(current.clone(), v))))),
                    ..Field::default()
                })
            };
            html! {
                <div class="field-row indicator-values" role="group" aria-label={ind.title.get(lang)}>
                    { field("value", app.lang.walk().value_label, f.value.clone(), MAX_VALUE_CHARS, false, |f, v| Followed { value: v, ..f }) }
                    { field("unit", app.lang.walk().unit_label, f.unit.clone(), MAX_UNIT_CHARS, false, |f, v| Followed { unit: v, ..f }) }
                    { field("year", app.lang.walk().year_label, f.year.map(|y| y.to_string()).unwrap_or_default(), 4, true, |f, v| Followed { year: v.trim().parse().ok(), ..f }) }
                </div>
            }
        });
        html! {
            <li class="indicator" key={id.clone()}>
                <div class="choice">
                    <input type="checkbox" id={id.clone()} {checked} aria-describedby={hint_id.clone()} onchange={toggle} />
                    <label for={id.clone()}>
                        <span class="choice-label">{ ind.title.get(lang) }</span>
                    </label>
                </div>
                <p class="hint" id={hint_id}>
                    { format!("{} ({}). {}{}{}", ind.unit_hint.get(lang), INDICATOR_THEMES[ind.theme].title.get(lang), app.lang.walk().source_label, lang.colon(), ind.source_hint.get(lang)) }
                </p>
                { for details }
            </li>
        }
    });
    html! {
        <fieldset class="question indicators">
            <legend>{ app.lang.walk().indicators_heading }</legend>
            <p class="hint">{ app.lang.walk().indicators_intro }</p>
            <ul class="indicator-list">{ for items }</ul>
        </fieldset>
    }
}
