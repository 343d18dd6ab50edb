use yew::prelude::*;

use super::charts::{bars, heatmap, radar, signed, BarRow};
use super::export_button;
use super::fields::{text_field, Field};
use super::readiness::{add_to_plan, readiness_table, unmet_list};
use super::review::score_text;
use super::start::percent;
use crate::compare::{candidates, compare};
use crate::content::{clause_name, met_text};
use crate::content::{
    holder_info, indicators_of, requirements_of, Pdca, AREAS, CLAUSES, CONTENT_VERSION,
    NON_ANSWERS, PRIORITIES, PURPOSES, REQUIREMENTS,
};
use crate::findings::{
    gaps, holder_findings, met_summary, priority_reason, strengths, unknown_texts,
};
use crate::hooks::{use_app, AppContext};
use crate::i18n::{fill, Lang};
use crate::model::{Answer, Assessment, Mode, PlannedAction};
use crate::numbers::points;
use crate::scoring::{self, contribution, Scores};
use crate::state::{Edit, Plan};
use crate::{csv, files, platform};

const TOOL: &str = concat!("Autodiag 37101 ", env!("CARGO_PKG_VERSION"));

/// The maturity profile: the report a municipality takes to its council. On screen it is a step
/// of the walk; printed (pure `@media print` CSS) it is an A4 report.
#[component]
pub fn Profile() -> Html {
    let app = use_app();
    let tables = use_state(|| [false; 3]);
    let compare_with = use_state(|| None::<String>);
    let Some(a) = app.open() else { return html! {} };
    let (ui, lang) = (app.ui(), app.lang);
    let s = scoring::compute(a);
    let others = candidates(a, &app.assessments);
    let earlier = compare_with
        .as_deref()
        .and_then(|id| others.iter().find(|b| b.id == id).copied());
    let cmp = earlier.map(|b| (compare(a, b), platform::local_date_time(&b.updated, lang)));
    let toggle = |k: usize| {
        let tables = tables.clone();
        Callback::from(move |_| {
            let mut t = *tables;
            t[k] = !t[k];
            tables.set(t);
        })
    };

    let on_compare = {
        let compare_with = compare_with.clone();
        Callback::from(move |v: String| compare_with.set((!v.is_empty()).then_some(v)))
    };
    let compare_picker = (!others.is_empty()).then(|| {
        let options: Vec<(String, String)> = std::iter::once((String::new(), ui.compare_none.to_string()))
            .chain(others.iter().map(|b| (b.id.clone(), platform::local_date_time(&b.updated, lang))))
            .collect();
        let id = app.id("compare");
        let onchange = on_compare.reform(|e: Event| e.target_unchecked_into::<web_sys::HtmlSelectElement>().value());
        html! {
            <div class="field no-print">
                <label for={id.clone()}>{ ui.compare_label }</label>
                <select {id} {onchange}>
                    { for options.into_iter().map(|(v, l)| {
                        let selected = compare_with.as_deref() == Some(v.as_str()) || (v.is_empty() && compare_with.is_none());
                        html! { <option value={v} {selected}>{ l }</option> }
                    }) }
                </select>
            </div>
        }
    });

    let priorities_of_purposes: [&'static str; 6] = std::array::from_fn(|p| {
        a.purposes[p]
            .priority
            .map_or(ui.not_given, |x| PRIORITIES[x as usize].title.get(lang))
    });
    let radar_chart = radar(
        app.id("radar"),
        lang,
        &s.purposes,
        cmp.as_ref()
            .map(|(c, when)| (&c.earlier.purposes, when.clone())),
        priorities_of_purposes,
        tables[0],
        toggle(0),
    );
    let rows: [BarRow; 12] = std::array::from_fn(|i| BarRow {
        level: s.areas[i].map(|x| x.level),
        target: a.areas[i]
            .target
            .map(|t| t.get())
            .or_else(|| s.areas[i].map(|x| x.level + x.gap)),
        earlier: cmp
            .as_ref()
            .and_then(|(c, _)| c.earlier.areas[i].map(|x| x.level)),
        in_scope: a.areas[i].in_scope,
        note: match a.areas[i].level {
            Some(Answer::Na) => Some(NON_ANSWERS[0].title.get(lang)),
            Some(Answer::Unknown) => Some(NON_ANSWERS[1].title.get(lang)),
            _ => None,
        },
    });
    let bar_chart = bars(
        app.id("bars"),
        lang,
        &rows,
        cmp.is_some(),
        tables[1],
        toggle(1),
    );
    let heat = (a.mode == Mode::Full).then(|| {
        let matrix = std::array::from_fn(|ar| std::array::from_fn(|p| contribution(a, ar, p)));
        heatmap(app.id("heatmap"), lang, &matrix, tables[2], toggle(2))
    });

    let print = {
        let standalone = app.host.standalone;
        let footer = fill(ui.report_footer, &[TOOL]);
        Callback::from(move |e: MouseEvent| crate::platform::print(&e, standalone, &footer))
    };
    let download_csv = {
        let app = app.clone();
        Callback::from(move |_| {
            if let Some(a) = app.open() {
                let name = files::export_name(a).replace(".json", ".csv");
                files::download(&name, "text/csv;charset=utf-8", &csv::export(a, app.lang));
            }
        })
    };

    html! {
        <div class="profile">
            { cover(&app, a, &s) }
            <div class="report-actions no-print">
                <button type="button" class="button button-primary" onclick={print}>{ ui.print }</button>
                { export_button(&app, &a.id) }
                <button type="button" class="button" onclick={download_csv}>{ ui.export_csv }</button>
                { for compare_picker }
            </div>
            <super::SharePanel />
            { figures(a, &s, lang) }
            { radar_chart }
            { top_priorities(a, &s, lang) }
            <div class="report-page">
                if a.mode == Mode::Full {
                    <section class="report-section readiness-view">
                        <h2>{ ui.gap.readiness_heading }</h2>
                        <p>{ ui.gap.readiness_intro }</p>
                        <p>{ fill(ui.gap.checklist_progress, &[&s.requirements.overall.answered().to_string(), &s.requirements.overall.asked.to_string()]) }</p>
                        { readiness_table(&s, lang) }
                    </section>
                }
                { bar_chart }
            </div>
            if a.mode == Mode::Full {
                <section class="report-section unmet-section">
                    <h2>{ ui.gap.unmet_heading }</h2>
                    <p class="no-print">{ ui.gap.unmet_intro }</p>
                    { unmet_list(&app, a, &s) }
                </section>
            }
            { findings(&app, a, &s) }
            { followed_indicators(a, lang) }
            { for heat }
            if let Some((c, when)) = &cmp {
                <section class="report-section">
                    <h2>{ fill(ui.change_heading, &[when]) }</h2>
                    <p>{ format!("{}{}{}", ui.overall_label, lang.colon(), signed(c.overall, lang)) }</p>
                    if let Some(d) = c.requirements.overall {
                        <p>{ format!("{}{}{}", ui.gap.requirements_met, lang.colon(), points(d, lang)) }</p>
                    }
                </section>
            }
            { action_plan(&app, a, &s) }
            { all_answers(a, lang) }
            { super::reading(lang) }
            <p class="report-footer">{ fill(ui.report_footer, &[TOOL]) }</p>
        </div>
    }
}

fn cover(app: &AppContext, a: &Assessment, s: &Scores) -> Html {
    let (ui, lang) = (app.ui(), app.lang);
    let c = &a.community;
    let label = |labels: &[&'static str], i: Option<usize>| i.map(|i| labels[i].to_string());
    let facts: Vec<(&str, String)> = [
        (ui.kind_label, label(&ui.kinds, c.kind.map(|k| k.index()))),
        (
            ui.population_label,
            label(&ui.populations, c.population.map(|k| k.index())),
        ),
        (
            ui.perimeter_label,
            Some(c.perimeter.clone()).filter(|p| !p.is_empty()),
        ),
        (
            ui.object_label,
            label(&ui.objects, c.object.map(|k| k.index())),
        ),
        (
            ui.scale_label,
            label(&ui.scales, c.scale.map(|k| k.index())),
        ),
        (
            ui.phase_label,
            label(&ui.phases, c.phase.map(|k| k.index())),
        ),
        (ui.date_label, c.date.clone()),
        (
            ui.participants_label,
            Some(c.participants.clone()).filter(|p| !p.is_empty()),
        ),
        (
            ui.col_mode,
            Some(
                if a.mode == Mode::Quick {
                    ui.mode_quick
                } else {
                    ui.mode_full
                }
                .to_string(),
            ),
        ),
        (ui.completion_label, Some(percent(s.completion, lang))),
    ]
    .into_iter()
    .filter_map(|(k, v)| v.map(|v| (k, v)))
    .collect();
    html! {
        <div class="report-cover">
            <p class="report-kicker">{ ui.app_title }</p>
            <h2 class="report-title">{ c.name.clone() }</h2>
            <dl class="facts">
                { for facts.into_iter().map(|(k, v)| html! { <div><dt>{ k }</dt><dd>{ v }</dd></div> }) }
            </dl>
            <p class="notice notice-info">{ ui.self_assessment_notice }</p>
            if a.content_version != CONTENT_VERSION {
                <p class="meta">{ fill(ui.gap.content_version_note, &[&a.content_version, CONTENT_VERSION]) }</p>
            }
        </div>
    }
}

fn figures(a: &Assessment, s: &Scores, lang: Lang) -> Html {
    let ui = lang.ui();
    html! {
        <dl class="figures">
            <div><dt>{ ui.overall_label }</dt><dd>{ score_text(s.overall, lang) }</dd></div>
            <div><dt>{ ui.completion_label }</dt><dd>{ format!("{} ({})", percent(s.completion, lang), fill(ui.progress, &[&s.answered.to_string(), &s.asked.to_string()])) }</dd></div>
            if a.mode == Mode::Full {
                <div><dt>{ ui.management_label }</dt><dd>{ score_text(s.management.overall, lang) }</dd></div>
                { for Pdca::ALL.iter().map(|&p| html! {
                    <div><dt>{ p.info().title.get(lang) }</dt><dd>{ score_text(s.management.phase(p), lang) }</dd></div>
                }) }
                <div class="wide"><dt>{ ui.gap.requirements_met }</dt><dd>{ met_summary(&s.requirements.overall, lang) }</dd></div>
            }
        </dl>
    }
}

/// The suggested priorities with one sentence of why each: on the report's first page.
fn top_priorities(a: &Assessment, s: &Scores, lang: Lang) -> Html {
    let ui = lang.ui();
    let priorities = s
        .priorities
        .iter()
        .take(TOP_PRIORITIES)
        .map(|&i| html! { <li>{ priority_reason(a, s, i, lang) }</li> });
    html! {
        <section class="report-section top-priorities">
            <h2>{ ui.priorities_heading }</h2>
            if s.priorities.is_empty() { <p>{ ui.no_priorities }</p> } else { <ol>{ for priorities }</ol> }
            if s.priorities.len() > TOP_PRIORITIES {
                <p>{ fill(ui.gap.more_priorities, &[&(s.priorities.len() - TOP_PRIORITIES).to_string()]) }</p>
            }
        </section>
    }
}

/// How many suggested priorities the report's first page lists; the action plan has them all.
const TOP_PRIORITIES: usize = 3;

/// The suggested indicators the community follows, area by area, with their latest values.
fn followed_indicators(a: &Assessment, lang: Lang) -> Html {
    let ui = lang.ui();
    let blocks: Vec<Html> = (0..AREAS.len())
        .filter(|&i| a.areas[i].followed.iter().any(Option::is_some))
        .map(|i| {
            let items = indicators_of(i)
                .iter()
                .zip(&a.areas[i].followed)
                .filter_map(|(ind, f)| {
                    f.as_ref().map(|f| {
                        let mut value = [f.value.as_str(), f.unit.as_str()]
                            .iter()
                            .filter(|x| !x.is_empty())
                            .copied()
                            .collect::<Vec<_>>()
                            .join("\u{a0}");
                        if let Some(y) = f.year {
                            value = if value.is_empty() {
                                y.to_string()
                            } else {
                                format!("{value} ({y})")
                            };
                        }
                        html! {
                            <li>
                                { ind.title.get(lang) }
                                if !value.is_empty() { { lang.colon() }<strong>{ value }</strong> }
                            </li>
                        }
                    })
                });
            html! {
                <div class="note">
                    <h3>{ AREAS[i].title.get(lang) }</h3>
                    <ul>{ for items }</ul>
                </div>
            }
        })
        .collect();
    if blocks.is_empty() {
        return html! {};
    }
    html! {
        <section class="report-section">
            <h2>{ ui.gap.followed_heading }</h2>
            { for blocks }
        </section>
    }
}

/// Strengths, gaps and suggested priorities, each with one plain sentence of why; then the notes
/// given and the things to find out.
fn findings(app: &AppContext, a: &Assessment, s: &Scores) -> Html {
    let (ui, lang) = (app.ui(), app.lang);
    let strengths: Vec<Html> = strengths(s, lang)
        .into_iter()
        .map(|t| html! { <li>{ t }</li> })
        .collect();
    let gaps: Vec<Html> = gaps(a, s, lang)
        .into_iter()
        .map(|t| html! { <li>{ t }</li> })
        .collect();
    // Areas another body holds, or nobody: what the level means there and what to ask for.
    let holders: Vec<Html> = holder_findings(a, lang)
        .into_iter()
        .map(|f| {
            let i = f.area;
            html! {
                <li class={classes!(f.nobody.then_some("flag"))}>
                    if f.nobody { <strong>{ crate::content::NOBODY_FLAG.title.get(lang) }{ lang.colon() }</strong> }
                    { f.text }
                    <ul class="suggestions">
                        { for f.actions.iter().map(|t| html! {
                            <li>{ t.get(lang) }{ " " }{ add_to_plan(app, a, Plan::Area(i), t.get(lang)) }</li>
                        }) }
                    </ul>
                </li>
            }
        })
        .collect();
    // The community's own notes come first: they frame everything after them.
    let community_notes = (!a.community.notes.is_empty()).then(|| {
        html! {
            <div class="note">
                <h3>{ ui.step_community }</h3>
                <p class="pre">{ a.community.notes.clone() }</p>
            </div>
        }
    });
    let area_notes = AREAS
        .iter()
        .zip(&a.areas)
        .filter(|(_, x)| !x.notes.is_empty() || !x.indicators.is_empty())
        .map(|(area, x)| html! {
            <div class="note">
                <h3>{ area.title.get(lang) }</h3>
                if !x.indicators.is_empty() { <p><strong>{ ui.indicators_label }{ lang.colon() }</strong>{ x.indicators.clone() }</p> }
                if !x.notes.is_empty() { <p class="pre">{ x.notes.clone() }</p> }
            </div>
        });
    let notes: Vec<Html> = community_notes.into_iter().chain(area_notes).collect();
    let unknowns: Vec<Html> = unknown_texts(a, lang)
        .into_iter()
        .map(|t| html! { <li>{ t }</li> })
        .collect();
    html! {
        <>
            <section class="report-section">
                <h2>{ ui.strengths_heading }</h2>
                if strengths.is_empty() { <p>{ ui.no_priorities }</p> } else { <ul>{ for strengths }</ul> }
                <h2>{ ui.gaps_heading }</h2>
                if gaps.is_empty() { <p>{ ui.no_priorities }</p> } else { <ul>{ for gaps }</ul> }
            </section>
            if !holders.is_empty() {
                <section class="report-section holders">
                    <h2>{ ui.gap.holders_heading }</h2>
                    <ul>{ for holders }</ul>
                </section>
            }
            if !unknowns.is_empty() {
                <section class="report-section">
                    <h2>{ ui.unknowns_heading }</h2>
                    <ul>{ for unknowns }</ul>
                </section>
            }
            if !notes.is_empty() {
                <section class="report-section">
                    <h2>{ ui.notes_heading }</h2>
                    { for notes }
                </section>
            }
        </>
    }
}

fn action_plan(app: &AppContext, a: &Assessment, s: &Scores) -> Html {
    let (ui, lang) = (app.ui(), app.lang);
    // The suggested priorities, then any other area that already has actions, then the clauses
    // that have some (an unmet requirement added to the plan).
    let mut plans: Vec<Plan> = s.priorities.iter().map(|&i| Plan::Area(i)).collect();
    plans.extend(
        (0..AREAS.len())
            .filter(|i| !a.areas[*i].actions.is_empty() && !s.priorities.contains(i))
            .map(Plan::Area),
    );
    plans.extend(
        (0..CLAUSES.len())
            .filter(|&c| !a.clauses[c].actions.is_empty())
            .map(Plan::Clause),
    );
    let blocks = plans.into_iter().map(|plan| {
        let (key, title) = match plan {
            Plan::Area(i) => (AREAS[i].id, AREAS[i].title.get(lang).to_string()),
            Plan::Clause(c) => (CLAUSES[c].id, clause_name(c, lang)),
        };
        let actions = plan.actions(a).iter().enumerate().map(|(k, act)| {
            let field = |what: &str, label: &'static str, value: String, date: bool, f: fn(PlannedAction, String) -> PlannedAction| {
                let (e, current) = (app.editor(), act.clone());
                text_field(Field {
                    id: app.id(&format!("action-{key}-{k}-{what}")),
                    label,
                    value,
                    date,
                    oninput: Callback::from(move |v: String| e.emit(Edit::SetAction(plan, k, f(current.clone(), v)))),
                    ..Field::default()
                })
            };
            let remove = { let e = app.editor(); move |_| e.emit(Edit::RemoveAction(plan, k)) };
            html! {
                <li class="action">
                    { field("title", ui.action_title, act.title.clone(), false, |a, v| PlannedAction { title: v, ..a }) }
                    <div class="field-row">
                        { field("owner", ui.action_owner, act.owner.clone(), false, |a, v| PlannedAction { owner: v, ..a }) }
                        { field("due", ui.action_due, act.due.clone().unwrap_or_default(), true, |a, v| PlannedAction { due: (!v.is_empty()).then_some(v), ..a }) }
                    </div>
                    <button type="button" class="link-button no-print" onclick={remove}>
                        { ui.remove_action }<span class="visually-hidden">{ format!(" – {title}") }</span>
                    </button>
                </li>
            }
        });
        let add = { let e = app.editor(); move |_| e.emit(Edit::AddAction(plan, String::new())) };
        html! {
            <div class="plan-area" key={key}>
                <h3>{ title.clone() }</h3>
                <ol class="actions">{ for actions }</ol>
                <button type="button" class="button no-print" onclick={add}>
                    { ui.add_action }<span class="visually-hidden">{ format!(" – {title}") }</span>
                </button>
            </div>
        }
    });
    html! {
        <section class="report-section">
            <h2>{ ui.actions_heading }</h2>
            <p class="no-print">{ ui.actions_intro }</p>
            if s.priorities.is_empty() { <p>{ ui.no_priorities }</p> }
            { for blocks }
        </section>
    }
}

/// Every answer with its notes: the table the printed report ends with.
fn all_answers(a: &Assessment, lang: Lang) -> Html {
    let ui = lang.ui();
    let full = a.mode == Mode::Full;
    let area_rows = AREAS.iter().zip(&a.areas).map(|(area, x)| html! {
        <tr>
            <th scope="row">{ area.title.get(lang) }</th>
            <td>{ if x.in_scope { crate::content::answer_text(x.level, lang) } else { ui.not_assessed.to_string() } }</td>
            <td>{ x.target.map(|t| t.get().to_string()).unwrap_or_default() }</td>
            if full { <td>{ x.holder.map_or("", |h| holder_info(h).title.get(lang)) }</td> }
            <td class="pre">{ x.notes.clone() }</td>
        </tr>
    });
    let clause_rows = a.clauses.iter().enumerate().filter(|_| full).map(|(c, x)| {
        html! {
            <>
                <tr>
                    <th scope="row">{ clause_name(c, lang) }</th>
                    <td>{ crate::content::answer_text(x.level, lang) }</td>
                    <td></td>
                    <td></td>
                    <td class="pre">{ x.notes.clone() }</td>
                </tr>
                { for requirements_of(c).map(|r| {
                    let ans = &a.requirements[r];
                    html! {
                        <tr class="requirement-row">
                            <th scope="row">{ REQUIREMENTS[r].title.get(lang) }</th>
                            <td>{ ans.met.map_or("", |m| met_text(m, lang)) }</td>
                            <td></td>
                            <td></td>
                            <td class="pre">{ ans.evidence.clone() }</td>
                        </tr>
                    }
                }) }
            </>
        }
    });
    let purpose_rows = PURPOSES.iter().zip(&a.purposes).map(|(p, x)| {
        html! {
            <tr>
                <th scope="row">{ p.title.get(lang) }</th>
                <td>{ x.priority.map_or("", |pr| PRIORITIES[pr as usize].title.get(lang)) }</td>
                <td></td>
                if full { <td></td> }
                <td></td>
            </tr>
        }
    });
    html! {
        <section class="report-section answers">
            <h2>{ ui.answers_heading }</h2>
            <table class="data">
                <thead><tr>
                    <th scope="col">{ ui.csv_title }</th>
                    <th scope="col">{ ui.csv_level }</th>
                    <th scope="col">{ ui.col_target }</th>
                    if full { <th scope="col">{ ui.gap.holder_col }</th> }
                    <th scope="col">{ ui.csv_notes }</th>
                </tr></thead>
                <tbody>
                    { for purpose_rows }
                    { for area_rows }
                    { for clause_rows }
                </tbody>
            </table>
        </section>
    }
}
