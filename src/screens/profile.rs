use yew::prelude::*;

use crate::compare::{candidates, compare};
use crate::components::export_button;
use crate::components::fields::{text_field, Field};
use crate::components::render::Render;
use crate::content::{AREAS, CLAUSES};
use crate::hooks::{use_app, AppContext};
use crate::i18n::clause_name;
use crate::i18n::fill;
use crate::model::{Assessment, PlannedAction};
use crate::report::{self, Earlier, Slot};
use crate::scoring::Scores;
use crate::state::{Edit, Plan};
use crate::{csv, files, platform};

const TOOL: &str = concat!("Autodiag 37101 ", env!("CARGO_PKG_VERSION"));

/// The maturity profile: the report a municipality takes to its council. On screen it is a step
/// of the walk; printed (pure `@media print` CSS) it is an A4 report. Its figures and texts are
/// the report data (`report::profile`), built once per revision of the assessment, of the one it
/// is compared with, and of the language.
#[component]
pub fn Profile() -> Html {
    let app = use_app();
    let tables = use_state(Vec::<&'static str>::new);
    let compare_with = use_state(|| None::<String>);
    let open = app.open();
    let earlier = open.and_then(|a| {
        let id = compare_with.as_deref()?;
        candidates(a, &app.assessments)
            .into_iter()
            .find(|b| b.id == id)
    });
    let deps = (
        open.map(|a| (a.id.clone(), a.revision)),
        earlier.map(|b| (b.id.clone(), b.revision)),
        app.lang,
    );
    let built = {
        let (app, lang) = (app.clone(), app.lang);
        let compare_id = (*compare_with).clone();
        use_memo(deps, move |_| {
            let a = app.open()?;
            let b = compare_id.and_then(|id| {
                candidates(a, &app.assessments)
                    .into_iter()
                    .find(|b| b.id == id)
            });
            // The context's scores, of this very revision (the memo's key).
            let s = app.scores.as_ref().clone()?;
            let when = b.map(|b| platform::local_date_time(&b.updated, lang));
            let change = b.map(|b| compare(a, b));
            let earlier = change
                .as_ref()
                .zip(when.as_deref())
                .map(|(change, when)| Earlier { change, when });
            let blocks = report::profile(a, &s, earlier.as_ref(), lang, TOOL);
            Some((s, blocks))
        })
    };
    let (Some(a), Some((s, blocks))) = (open, &*built) else {
        return html! {};
    };
    let slot = |slot: Slot| match slot {
        Slot::Actions => report_actions(&app, a, &compare_with),
        Slot::Share => html! { <crate::components::SharePanel /> },
        Slot::ActionPlan => action_plan(&app, a, s),
    };
    let render = Render {
        app: &app,
        a: Some(a),
        slot: &slot,
        tables: Some(tables),
    };
    html! { <div class="profile">{ render.blocks(blocks) }</div> }
}

/// Print, the JSON and CSV files, and the earlier assessment to compare with.
fn report_actions(
    app: &AppContext,
    a: &Assessment,
    compare_with: &UseStateHandle<Option<String>>,
) -> Html {
    let (ui, lang) = (app.ui(), app.lang);
    let others = candidates(a, &app.assessments);
    let compare_picker = (!others.is_empty()).then(|| {
        let options: Vec<(String, String)> = std::iter::once((String::new(), lang.report().compare_none.to_string()))
            .chain(others.iter().map(|b| (b.id.clone(), platform::local_date_time(&b.updated, lang))))
            .collect();
        let id = app.id("compare");
        let onchange = {
            let compare_with = compare_with.clone();
            Callback::from(move |e: Event| {
                let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
                compare_with.set((!v.is_empty()).then_some(v));
            })
        };
        html! {
            <div class="field no-print">
                <label for={id.clone()}>{ lang.report().compare_label }</label>
                <select {id} {onchange}>
                    { for options.into_iter().map(|(v, l)| {
                        let selected = compare_with.as_deref() == Some(v.as_str()) || (v.is_empty() && compare_with.is_none());
                        html! { <option value={v} {selected}>{ l }</option> }
                    }) }
                </select>
            </div>
        }
    });
    let print = {
        let standalone = app.host.standalone;
        let footer = fill(lang.report().report_footer, &[TOOL]);
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
        <div class="report-actions no-print">
            <button type="button" class="button button-primary" onclick={print}>{ ui.print }</button>
            { export_button(app, &a.id) }
            <button type="button" class="button" onclick={download_csv}>{ lang.report().export_csv }</button>
            { for compare_picker }
        </div>
    }
}

fn action_plan(app: &AppContext, a: &Assessment, s: &Scores) -> Html {
    let lang = app.lang;
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
                    { field("title", lang.report().action_title, act.title.clone(), false, |a, v| PlannedAction { title: v, ..a }) }
                    <div class="field-row">
                        { field("owner", lang.report().action_owner, act.owner.clone(), false, |a, v| PlannedAction { owner: v, ..a }) }
                        { field("due", lang.report().action_due, act.due.clone().unwrap_or_default(), true, |a, v| PlannedAction { due: (!v.is_empty()).then_some(v), ..a }) }
                    </div>
                    <button type="button" class="link-button no-print" onclick={remove}>
                        { lang.report().remove_action }<span class="visually-hidden">{ format!(" – {title}") }</span>
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
                    { lang.report().add_action }<span class="visually-hidden">{ format!(" – {title}") }</span>
                </button>
            </div>
        }
    });
    html! {
        <section class="report-section">
            <h2>{ lang.report().actions_heading }</h2>
            <p class="no-print">{ lang.report().actions_intro }</p>
            if s.priorities.is_empty() { <p>{ lang.report().no_priorities }</p> }
            { for blocks }
        </section>
    }
}
