//! The gap analysis of content version 2, shared by the review and the profile: how many of the
//! standard's requirements are met, which are not, who holds each area, and where to read further.

use yew::prelude::*;

use super::start::percent;
use crate::content::{CLAUSES, READING, REQUIREMENTS};
use crate::hooks::AppContext;
use crate::i18n::Lang;
use crate::model::Assessment;
use crate::scoring::{MetCounts, Scores};
use crate::state::{Edit, Plan};

use crate::content::{clause_name, met_text};

/// Per clause, what is met, partly met, not met and still to check: the view a council reads.
pub fn readiness_table(s: &Scores, lang: Lang) -> Html {
    let gap = &lang.ui().gap;
    let r = &s.requirements;
    // One row per clause, then the total: the counts, then the share met.
    let row = |name: String, c: &MetCounts| {
        let counts = [
            c.yes,
            c.partly,
            c.no,
            c.unknown,
            c.na,
            c.asked - c.answered(),
        ];
        let share = c
            .share()
            .map_or_else(|| "–".to_string(), |x| percent(x, lang));
        html! {
            <tr>
                <th scope="row">{ name }</th>
                { for counts.iter().map(|n| html! { <td class="num">{ n }</td> }) }
                <td class="num">{ share }</td>
            </tr>
        }
    };
    let rows = (0..CLAUSES.len()).map(|i| row(clause_name(i, lang), &r.clauses[i]));
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
            <tfoot>{ row(gap.col_total.to_string(), &r.overall) }</tfoot>
        </table>
    }
}

/// True when the clause's plan already holds an action with this title.
fn planned(a: &Assessment, plan: Plan, title: &str) -> bool {
    plan.actions(a).iter().any(|x| x.title == title)
}

/// A button that adds `title` to `plan`, or the mark that it is there already.
pub fn add_to_plan(app: &AppContext, a: &Assessment, plan: Plan, title: &'static str) -> Html {
    let gap = &app.ui().gap;
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
    let (gap, lang) = (&app.ui().gap, app.lang);
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
    let gap = &lang.ui().gap;
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
