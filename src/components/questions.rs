//! The steps that ask questions. Each renders the open assessment's answers and turns every change
//! into an `Edit`.

use yew::prelude::*;

use super::fields::{SelectField, TextField};
use super::radio_group::{Choice, RadioGroup};
use crate::content::{
    AREAS, CLAUSES, CLIMATE, CONTRIBUTION_LEVELS, INDICATOR_THEMES, LEVELS, NON_ANSWERS, PHASES,
    PRIORITIES, PURPOSES,
};
use crate::hooks::use_app;
use crate::i18n::{fill, Lang};
use crate::model::*;
use crate::state::Edit;

/// The form value of a level answer: "0"–"4", "na", "unknown", or "" when unanswered.
pub fn answer_value(a: Option<Answer>) -> &'static str {
    match a {
        None => "",
        Some(Answer::Na) => "na",
        Some(Answer::Unknown) => "unknown",
        Some(Answer::Level(l)) => ["0", "1", "2", "3", "4"][usize::from(l.get())],
    }
}

pub fn parse_answer(v: &str) -> Option<Answer> {
    match v {
        "na" => Some(Answer::Na),
        "unknown" => Some(Answer::Unknown),
        _ => level_of(v).map(Answer::Level),
    }
}

fn level_of(v: &str) -> Option<Level> {
    v.parse::<u8>().ok().and_then(Level::new)
}

/// The 0–4 levels, then "not applicable" and "don't know"; with their descriptors for a current
/// level (the target question comes after them and keeps to the titles).
fn level_choices(lang: Lang, current: bool) -> Vec<Choice> {
    let levels = LEVELS.iter().map(|l| Choice {
        value: ["0", "1", "2", "3", "4"][usize::from(l.value)],
        label: format!("{} – {}", l.value, l.title.get(lang)).into(),
        hint: current.then(|| l.descriptor.get(lang)),
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
fn questions(
    list: &[crate::content::Text],
    lang: Lang,
    heading: &'static str,
    folded: bool,
) -> Html {
    let items = html! { <ul>{ for list.iter().map(|q| html! { <li>{ q.get(lang) }</li> }) }</ul> };
    if folded {
        html! {
            <details class="guide">
                <summary>{ heading }</summary>
                { items }
            </details>
        }
    } else {
        html! {
            <div class="guide">
                <h2>{ heading }</h2>
                { items }
            </div>
        }
    }
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

#[component]
pub fn CommunityStep() -> Html {
    let app = use_app();
    // The name field may be empty while typing; the stored name never is.
    let name = use_state(|| {
        app.open()
            .map(|a| a.community.name.clone())
            .unwrap_or_default()
    });
    let Some(a) = app.open() else { return html! {} };
    let (ui, edit) = (app.ui(), app.editor());
    let c = &a.community;
    let name_error = name
        .trim()
        .is_empty()
        .then_some(AttrValue::Static(ui.name_required));
    let on_name = {
        let (edit, name) = (edit.clone(), name.clone());
        Callback::from(move |v: String| {
            name.set(v.clone());
            edit.emit(Edit::Name(v));
        })
    };
    macro_rules! select {
        ($field:ident, $ty:ident, $labels:expr, $label:expr, $edit:ident) => {{
            let e = edit.clone();
            html! {
                <SelectField id={app.id(stringify!($field))} label={$label}
                    options={options($ty::IDS, &$labels, ui.not_given)}
                    value={c.$field.map_or("", $ty::id)}
                    onchange={Callback::from(move |v: String| e.emit(Edit::$edit($ty::from_id(&v))))} />
            }
        }};
    }
    let text = |id: &str,
                label: &'static str,
                hint: Option<&'static str>,
                value: &str,
                multiline: bool,
                f: fn(String) -> Edit| {
        let e = edit.clone();
        html! {
            <TextField id={app.id(id)} {label} hint={hint.map(AttrValue::Static)} value={value.to_string()}
                {multiline} oninput={Callback::from(move |v| e.emit(f(v)))} />
        }
    };
    let on_date = {
        let e = edit.clone();
        Callback::from(move |v: String| e.emit(Edit::Date((!v.is_empty()).then_some(v))))
    };
    html! {
        <>
            <p class="lead">{ ui.community_intro }</p>
            <TextField id={app.id("name")} label={ui.name_label} value={(*name).clone()} required=true
                error={name_error} oninput={on_name} />
            <div class="field-row">
                { select!(kind, Kind, ui.kinds, ui.kind_label, Kind) }
                { select!(population, Population, ui.populations, ui.population_label, Population) }
            </div>
            { text("perimeter", ui.perimeter_label, Some(ui.perimeter_hint), &c.perimeter, false, Edit::Perimeter) }
            <div class="field-row">
                { select!(object, Object, ui.objects, ui.object_label, Object) }
                { select!(scale, Scale, ui.scales, ui.scale_label, Scale) }
                { select!(phase, ProjectPhase, ui.phases, ui.phase_label, Phase) }
            </div>
            <TextField id={app.id("date")} label={ui.date_label} kind="date"
                value={c.date.clone().unwrap_or_default()} oninput={on_date} />
            { text("participants", ui.participants_label, Some(ui.participants_hint), &c.participants, false, Edit::Participants) }
            { text("community-notes", ui.notes_label, None, &c.notes, true, Edit::CommunityNotes) }
        </>
    }
}

#[component]
pub fn ScopeStep() -> Html {
    let app = use_app();
    let Some(a) = app.open() else { return html! {} };
    let (ui, lang, edit) = (app.ui(), app.lang, app.editor());
    let boxes = AREAS.iter().enumerate().map(|(i, area)| {
        let id = app.id(&format!("scope-{}", area.id));
        let checked = a.areas[i].in_scope;
        let e = edit.clone();
        html! {
            <div class="choice">
                <input type="checkbox" id={id.clone()} {checked}
                    onchange={move |_| e.emit(Edit::InScope(i, !checked))} />
                <label for={id}><span class="choice-label">{ area.title.get(lang) }</span></label>
            </div>
        }
    });
    html! {
        <>
            <p class="lead">{ ui.scope_intro }</p>
            <fieldset class="question">
                <legend>{ ui.scope_legend }</legend>
                <div class="choices">{ for boxes }</div>
            </fieldset>
        </>
    }
}

#[component]
pub fn PurposesStep() -> Html {
    let app = use_app();
    let Some(a) = app.open() else { return html! {} };
    let (ui, lang, edit) = (app.ui(), app.lang, app.editor());
    let groups = PURPOSES.iter().enumerate().map(|(i, p)| {
        let e = edit.clone();
        html! {
            <RadioGroup name={app.id(&format!("priority-{}", p.id))}
                legend={fill(ui.priority_legend, &[p.title.get(lang)])}
                hint={Some(AttrValue::Static(p.description.get(lang)))}
                choices={priority_choices(lang)}
                selected={a.purposes[i].priority.map_or("", Priority::id)}
                clear_label={Some(AttrValue::Static(ui.clear_answer))}
                onchange={Callback::from(move |v: AttrValue| e.emit(Edit::Priority(i, Priority::from_id(&v))))}
                class="inline" />
        }
    });
    html! {
        <>
            <p class="lead">{ ui.purposes_step_intro }</p>
            { for groups }
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct IndexProps {
    pub index: usize,
}

#[component]
pub fn AreaStep(props: &IndexProps) -> Html {
    let app = use_app();
    let Some(a) = app.open() else { return html! {} };
    let (ui, lang, edit) = (app.ui(), app.lang, app.editor());
    let i = props.index;
    let (area, answer) = (&AREAS[i], &a.areas[i]);
    let full = a.mode == Mode::Full;
    let name = |what: &str| app.id(&format!("{what}-{}", area.id));
    let level = {
        let e = edit.clone();
        html! {
            <RadioGroup name={name("level")} legend={fill(ui.level_legend, &[area.title.get(lang)])}
                choices={level_choices(lang, true)} selected={answer_value(answer.level)}
                clear_label={Some(AttrValue::Static(ui.clear_answer))}
                onchange={Callback::from(move |v: AttrValue| e.emit(Edit::Level(i, parse_answer(&v))))}
                class="levels" />
        }
    };
    let details = full.then(|| {
        let e = edit.clone();
        let target = html! {
            <RadioGroup name={name("target")} legend={ui.target_legend}
                choices={level_choices(lang, false)}
                selected={answer.target.map_or("", |l| ["0", "1", "2", "3", "4"][usize::from(l.get())])}
                clear_label={Some(AttrValue::Static(ui.clear_answer))}
                onchange={Callback::from(move |v: AttrValue| e.emit(Edit::Target(i, level_of(&v))))}
                class="inline" />
        };
        let e = edit.clone();
        let priority = html! {
            <RadioGroup name={name("area-priority")} legend={ui.area_priority_legend}
                choices={priority_choices(lang)} selected={answer.priority.map_or("", Priority::id)}
                clear_label={Some(AttrValue::Static(ui.clear_answer))}
                onchange={Callback::from(move |v: AttrValue| e.emit(Edit::AreaPriority(i, Priority::from_id(&v))))}
                class="inline" />
        };
        let contributions = PURPOSES.iter().enumerate().map(|(p, purpose)| {
            let default = area.contributions[p];
            let chosen = answer.contributions[p].map(|c| c.get());
            let choices = CONTRIBUTION_LEVELS
                .iter()
                .map(|c| Choice {
                    value: ["0", "1", "2"][usize::from(c.value)],
                    label: if chosen.is_none() && c.value == default {
                        format!("{} {}", c.title.get(lang), ui.contrib_default).into()
                    } else {
                        c.title.get(lang).into()
                    },
                    hint: None,
                })
                .collect::<Vec<_>>();
            let e = edit.clone();
            html! {
                <RadioGroup name={name(&format!("contrib-{}", purpose.id))} legend={purpose.title.get(lang)}
                    choices={choices}
                    selected={["0", "1", "2"][usize::from(chosen.unwrap_or(default))]}
                    onchange={Callback::from(move |v: AttrValue| {
                        let c = v.parse::<u8>().ok().and_then(Contribution::new);
                        // Choosing the default again goes back to following the default matrix.
                        let c = c.filter(|c| c.get() != default);
                        e.emit(Edit::Contribution(i, p, c))
                    })}
                    class="inline compact" />
            }
        });
        let themes: Vec<&str> = area.indicator_themes.iter().map(|&t| INDICATOR_THEMES[t].title.get(lang)).collect();
        let (e1, e2) = (edit.clone(), edit.clone());
        html! {
            <>
                { target }
                { priority }
                <div class="group">
                    <h2>{ ui.contrib_heading }</h2>
                    <p class="hint">{ ui.contrib_intro }</p>
                    { for contributions }
                </div>
                <TextField id={name("indicators")} label={ui.indicators_label} multiline=true
                    hint={Some(AttrValue::from(fill(ui.indicators_hint, &[&themes.join(", ")])))}
                    value={answer.indicators.clone()}
                    oninput={Callback::from(move |v| e1.emit(Edit::Indicators(i, v)))} />
                <TextField id={name("notes")} label={ui.evidence_label} multiline=true
                    value={answer.notes.clone()}
                    oninput={Callback::from(move |v| e2.emit(Edit::AreaNotes(i, v)))} />
            </>
        }
    });
    html! {
        <>
            <p class="meta">{ format!("ISO 37101, {} {}", ui.clause_label, area.clause) }</p>
            <p class="lead">{ area.description.get(lang) }</p>
            { questions(area.questions, lang, ui.questions_heading, !full) }
            { level }
            { for details }
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct PhaseProps {
    pub phase: usize,
}

#[component]
pub fn PhaseStep(props: &PhaseProps) -> Html {
    let app = use_app();
    let Some(a) = app.open() else { return html! {} };
    let (ui, lang, edit) = (app.ui(), app.lang, app.editor());
    let clauses = PHASES[props.phase].clauses.iter().map(|&c| {
        let clause = &CLAUSES[c];
        let answer = &a.clauses[c];
        let (e1, e2, e3) = (edit.clone(), edit.clone(), edit.clone());
        let climate = (c == 0).then(|| {
            let yes_no = vec![
                Choice { value: "yes", label: ui.yes.into(), hint: None },
                Choice { value: "no", label: ui.no.into(), hint: None },
            ];
            html! {
                <RadioGroup name={app.id("climate")} legend={ui.climate_legend}
                    hint={Some(AttrValue::from(format!("{} {}", CLIMATE.question.get(lang), CLIMATE.help.get(lang))))}
                    choices={yes_no}
                    selected={answer.climate_relevant.map_or("", |b| if b { "yes" } else { "no" })}
                    clear_label={Some(AttrValue::Static(ui.clear_answer))}
                    onchange={Callback::from(move |v: AttrValue| e3.emit(Edit::Climate(match v.as_str() {
                        "yes" => Some(true),
                        "no" => Some(false),
                        _ => None,
                    })))}
                    class="inline" />
            }
        });
        html! {
            <article class="clause">
                <h2>{ format!("{} {} – {}", ui.clause_label, clause.clause, clause.title.get(lang)) }</h2>
                <p class="lead">{ clause.description.get(lang) }</p>
                { questions(clause.questions, lang, ui.questions_heading, false) }
                <RadioGroup name={app.id(&format!("clause-{}", clause.id))}
                    legend={fill(ui.clause_level_legend, &[clause.title.get(lang)])}
                    choices={level_choices(lang, true)} selected={answer_value(answer.level)}
                    clear_label={Some(AttrValue::Static(ui.clear_answer))}
                    onchange={Callback::from(move |v: AttrValue| e1.emit(Edit::ClauseLevel(c, parse_answer(&v))))}
                    class="levels" />
                { for climate }
                <TextField id={app.id(&format!("clause-notes-{}", clause.id))} label={ui.evidence_label}
                    multiline=true value={answer.notes.clone()}
                    oninput={Callback::from(move |v| e2.emit(Edit::ClauseNotes(c, v)))} />
            </article>
        }
    });
    html! { <>{ for clauses }</> }
}
