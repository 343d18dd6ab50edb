//! The gap analysis of content version 2, shared by the review and the profile: how many of the
//! standard's requirements are met, which are not, who holds each area, and where to read further.

use yew::prelude::*;

use super::start::percent;
use crate::content::{CLAUSES, READING, REQUIREMENTS, REQUIREMENT_ANSWERS};
use crate::hooks::AppContext;
use crate::i18n::Lang;
use crate::model::{Assessment, Met};
use crate::scoring::{MetCounts, Scores};
use crate::state::{Edit, Plan};

pub use crate::findings::met_summary;

/// A requirement answer in the UI's words.
pub fn met_text(m: Met, lang: Lang) -> &'static str {
    REQUIREMENT_ANSWERS[m as usize].title.get(lang)
}

/// A clause as the report names it: "§ 4 – Context of the organization".
pub fn clause_name(c: usize, lang: Lang) -> String {
    let cl = &CLAUSES[c];
    format!(
        "{}\u{a0}{} – {}",
        lang.ui().clause_label,
        cl.clause,
        cl.title.get(lang)
    )
}

/// Per clause, what is met, partly met, not met and still to check: the view a council reads.
pub fn readiness_table(s: &Scores, lang: Lang) -> Html {
    let gap = lang.ui().gap;
    let r = &s.requirements;
    let cell = |n: usize| html! { <td class="num">{ n }</td> };
    let share = |c: &MetCounts| {
        c.share()
            .map_or_else(|| "–".to_string(), |x| percent(x, lang))
    };
    let rows = CLAUSES.iter().enumerate().map(|(i, _)| {
        let c = &r.clauses[i];
        html! {
            <tr>
                <th scope="row">{ clause_name(i, lang) }</th>
                { cell(c.yes) }{ cell(c.partly) }{ cell(c.no) }{ cell(c.unknown) }{ cell(c.na) }{ cell(c.asked - c.answered()) }
                <td class="num">{ share(c) }</td>
            </tr>
        }
    });
    let o = &r.overall;
    html! {
        <table class="data readiness">
            <caption>{ gap.readiness_caption }</caption>
            <thead><tr>
                <th scope="col">{ gap.col_clause }</th>
                <th scope="col">{ gap.col_met }</th>
                <th scope="col">{ gap.col_partly }</th>
                <th scope="col">{ gap.col_not_met }</th>
                <th scope="col">{ gap.col_unknown }</th>
                <th scope="col">{ gap.col_na }</th>
                <th scope="col">{ gap.col_unanswered }</th>
                <th scope="col">{ gap.col_share }</th>
            </tr></thead>
            <tbody>{ for rows }</tbody>
            <tfoot><tr>
                <th scope="row">{ gap.col_total }</th>
                { cell(o.yes) }{ cell(o.partly) }{ cell(o.no) }{ cell(o.unknown) }{ cell(o.na) }{ cell(o.asked - o.answered()) }
                <td class="num">{ share(o) }</td>
            </tr></tfoot>
        </table>
    }
}

/// True when the clause's plan already holds an action with this title.
fn planned(a: &Assessment, plan: Plan, title: &str) -> bool {
    plan.actions(a).iter().any(|x| x.title == title)
}

/// A button that adds `title` to `plan`, or the mark that it is there already.
pub fn add_to_plan(app: &AppContext, a: &Assessment, plan: Plan, title: &'static str) -> Html {
    let gap = app.ui().gap;
    if planned(a, plan, title) {
        return html! { <span class="in-plan">{ gap.in_plan }</span> };
    }
    let e = app.editor();
    html! {
        <button type="button" class="link-button no-print"
            onclick={move |_| e.emit(Edit::AddAction(plan, title.to_string()))}>
            { gap.add_to_plan }<span class="visually-hidden">{ format!(" – {title}") }</span>
        </button>
    }
}

/// The requirements answered `no` or `partly`, clause by clause, each with "add to the action
/// plan".
pub fn unmet_list(app: &AppContext, a: &Assessment, s: &Scores) -> Html {
    let (gap, lang) = (app.ui().gap, app.lang);
    let unmet = &s.requirements.unmet;
    if unmet.is_empty() {
        return html! { <p>{ gap.unmet_none }</p> };
    }
    let groups = CLAUSES.iter().enumerate().filter_map(|(c, _)| {
        let items: Vec<usize> = unmet
            .iter()
            .copied()
            .filter(|&r| REQUIREMENTS[r].clause == c)
            .collect();
        (!items.is_empty()).then(|| {
            let lis = items.into_iter().map(|r| {
                let req = &REQUIREMENTS[r];
                let answer = &a.requirements[r];
                let title = req.title.get(lang);
                html! {
                    <li>
                        <strong>{ title }</strong>
                        { format!(" ({})", answer.met.map_or("", |m| met_text(m, lang))) }
                        if !answer.evidence.is_empty() {
                            <span class="evidence">{ format!(" — {}", answer.evidence) }</span>
                        }
                        { " " }
                        { add_to_plan(app, a, Plan::Clause(c), title) }
                    </li>
                }
            });
            html! {
                <div class="unmet-clause">
                    <h3>{ clause_name(c, lang) }</h3>
                    <ul>{ for lis }</ul>
                </div>
            }
        })
    });
    html! { <div class="unmet">{ for groups }</div> }
}

/// Plain links the user opens in a new tab; the app never fetches them.
pub fn reading(lang: Lang) -> Html {
    let gap = lang.ui().gap;
    html! {
        <section class="panel report-section reading">
            <h2>{ gap.reading_heading }</h2>
            <p>{ gap.reading_intro }</p>
            <ul>
                { for READING.iter().map(|l| html! {
                    <li key={l.id}>
                        <a href={l.url} target="_blank" rel="noopener noreferrer" hreflang={l.lang}>
                            { l.title.get(lang) }<span class="visually-hidden">{ format!(" {}", gap.new_tab) }</span>
                        </a>
                        { format!(" — {}", l.what.get(lang)) }
                        <span class="print-only url">{ format!(" ({})", l.url) }</span>
                    </li>
                }) }
            </ul>
        </section>
    }
}
