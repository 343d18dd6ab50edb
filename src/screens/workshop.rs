//! The workshop screens: the group's merged answers, the show-of-hands tally, and the consensus.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::content::{AREAS, CLAUSES, LEVELS, N_AREAS, PRIORITIES, PURPOSES, REQUIREMENTS};
use crate::hooks::{use_app, AppContext};
use crate::i18n::met_text;
use crate::i18n::{fill, Lang};
use crate::numbers::level_text;
use crate::platform;
use crate::scoring::ItemStats;
use crate::state::{Action, WorkshopSession};
use crate::workshop::{met_of_value, Item, Workshop};

/// An item's name; a requirement's says its clause first, as the checklist groups them.
fn item_title(item: Item, lang: Lang) -> String {
    match item {
        Item::Purpose(i) => PURPOSES[i].title.get(lang).into(),
        Item::Area(i) => AREAS[i].title.get(lang).into(),
        Item::Clause(i) => CLAUSES[i].title.get(lang).into(),
        Item::Requirement(r) => {
            let req = &REQUIREMENTS[r];
            format!(
                "{} – {}",
                CLAUSES[req.clause].title.get(lang),
                req.title.get(lang)
            )
        }
    }
}

/// The name of one value of an item: a priority, a level with its number, or a requirement
/// answer in words.
fn value_label(item: Item, value: u8, lang: Lang) -> String {
    match item {
        Item::Purpose(_) => PRIORITIES[usize::from(value) - 1]
            .title
            .get(lang)
            .to_string(),
        Item::Requirement(_) => met_of_value(value)
            .map(|m| met_text(m, lang))
            .unwrap_or_default()
            .to_string(),
        Item::Area(_) | Item::Clause(_) => {
            format!("{value} – {}", LEVELS[usize::from(value)].title.get(lang))
        }
    }
}

/// A median or a quartile: a number for levels and priorities; for a requirement the answer in
/// words, or the two answers it falls between.
fn point_text(item: Item, v: f64, lang: Lang) -> String {
    match item {
        Item::Requirement(_) if v.fract() == 0.0 => value_label(item, v as u8, lang),
        Item::Requirement(_) => fill(
            lang.ui().met_between,
            &[
                &value_label(item, v.floor() as u8, lang),
                &value_label(item, v.ceil() as u8, lang),
            ],
        ),
        _ => level_text(Some(v), lang),
    }
}

/// The lowest and highest answers: numbers for levels and priorities, words for a requirement.
fn range_text(item: Item, s: &ItemStats, lang: Lang) -> String {
    match item {
        Item::Requirement(_) => format!(
            "{} – {}",
            value_label(item, s.min, lang),
            value_label(item, s.max, lang)
        ),
        _ => format!("{} – {}", s.min, s.max),
    }
}

/// The workshop's merged view, or its tally form.
#[component]
pub fn WorkshopView() -> Html {
    let app = use_app();
    let ui = app.ui();
    let w = &ui.workshop;
    let Some(session) = app.workshop.clone() else {
        return Html::default();
    };
    let merged = &session.merged;
    let summary = if merged.files > 0 {
        fill(
            w.summary,
            &[&merged.files.to_string(), &merged.people().to_string()],
        )
    } else {
        fill(w.tally_summary, &[&merged.people().to_string()])
    };
    let dispatch = app.dispatcher();
    let close = dispatch.reform(|_| Action::WorkshopClose);
    let switch = {
        let tally = session.tally;
        dispatch.reform(move |_| Action::WorkshopTally(!tally))
    };
    html! {
        <section class="workshop" aria-labelledby={app.id("workshop-title")}>
            <div class="wizard-bar no-print">
                <button type="button" class="button" onclick={close}>{ "← " }{ ui.back }</button>
            </div>
            <h1 id={app.id("workshop-title")} tabindex="-1">{ w.title }</h1>
            <p class="lead">{ summary }</p>
            if !session.rejected.is_empty() {
                <div class="notice notice-warn" role="status">
                    <h2>{ w.rejected }</h2>
                    <ul>
                        { for session.rejected.iter().map(|(file, e)| html! {
                            <li><strong>{ file.clone() }</strong>{ app.lang.colon() }{ e.message(app.lang) }</li>
                        }) }
                    </ul>
                </div>
            }
            <p class="no-print">
                <button type="button" class="button" onclick={switch}>
                    { if session.tally { w.view_merged } else { w.view_tally } }
                </button>
            </p>
            if session.tally {
                { tally_form(&app, merged) }
            } else {
                { merged_view(&app, &session) }
                <Consensus />
            }
        </section>
    }
}

/// The merged view: what to discuss, the spread chart, and every question's figures.
fn merged_view(app: &AppContext, session: &WorkshopSession) -> Html {
    let (lang, w) = (app.lang, &app.ui().workshop);
    let merged = &session.merged;
    let discuss = merged.to_discuss();
    let stats: Vec<(Item, Option<ItemStats>)> = merged
        .items()
        .into_iter()
        .map(|i| (i, merged.stats(i)))
        .collect();
    html! {
        <>
            <section class="report-section">
                <h2 id={app.id("discuss")}>{ w.discuss_heading }</h2>
                if discuss.is_empty() {
                    <p>{ w.discuss_none }</p>
                } else {
                    <p>{ w.discuss_intro }</p>
                    <ul class="discuss" aria-labelledby={app.id("discuss")}>
                        { for discuss.iter().map(|(item, s)| html! {
                            <li>
                                <strong>{ item_title(*item, lang) }</strong>{ lang.colon() }
                                { range_text(*item, s, lang) }
                                { format!(" ({}{}{})", w.col_median, lang.colon(), point_text(*item, s.median, lang)) }
                            </li>
                        }) }
                    </ul>
                }
            </section>
            { spread_chart(app, merged) }
            <section class="report-section">
                <h2>{ w.table_heading }</h2>
                <p class="hint">{ w.priority_scale }</p>
                // Scrolls sideways on a phone: focusable, so the keyboard can scroll it too.
                <div class="table-scroll" tabindex="0" role="region" aria-label={w.table_heading}>
                    <table class="data workshop-table">
                        <thead><tr>
                            <th scope="col">{ w.col_item }</th>
                            <th scope="col">{ w.col_answers }</th>
                            <th scope="col">{ w.col_median }</th>
                            <th scope="col">{ w.col_range }</th>
                            <th scope="col">{ w.col_iqr }</th>
                            <th scope="col">{ w.col_consensus }</th>
                        </tr></thead>
                        <tbody>
                            { for stats.iter().map(|(item, s)| html! {
                                <tr class={classes!(s.is_some_and(|s| s.disagreement).then_some("disagree"))}>
                                    <th scope="row">
                                        { item_title(*item, lang) }
                                        if s.is_some_and(|s| s.disagreement) {
                                            { " " }<span class="badge">{ w.to_discuss }</span>
                                        }
                                    </th>
                                    <td>{ merged.counts(*item).total() }</td>
                                    if let Some(s) = s {
                                        <td>{ point_text(*item, s.median, lang) }</td>
                                        <td>{ range_text(*item, s, lang) }</td>
                                        <td>{ format!("{} – {}", point_text(*item, s.q1, lang), point_text(*item, s.q3, lang)) }</td>
                                        <td>{ value_label(*item, s.consensus.max(*item.values().start()), lang) }</td>
                                    } else {
                                        <td colspan="4">{ w.nothing_yet }</td>
                                    }
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            </section>
        </>
    }
}

/// For each area: a line from the lowest to the highest answer, a box over the middle half and a
/// dot at the median. The table after it carries the same figures as text.
fn spread_chart(app: &AppContext, merged: &Workshop) -> Html {
    let (lang, w) = (app.lang, &app.ui().workshop);
    const X0: i32 = 270;
    const W: i32 = 310;
    const ROW: i32 = 40;
    // Quarter steps: a median or quartile may be x.5, and then sits between two ticks.
    let x = |v: f64| X0 + (f64::from(W) * v / 4.0).round() as i32;
    let height = 30 + ROW * N_AREAS as i32;
    let id = app.id("spread");
    let rows = AREAS.iter().enumerate().map(|(i, area)| {
        let y = 20 + ROW * i as i32;
        let s = merged.stats(Item::Area(i));
        let lines = crate::report::chart::wrap(area.title.get(lang), 34);
        let two = lines.len() > 1;
        html! {
            <g>
                <text class="label" x={(X0 - 12).to_string()} y={y.to_string()} text-anchor="end">
                    // Wrapped: the longest titles would run off the left edge. One line sits
                    // on the row's axis, two straddle it.
                    { for lines.into_iter().enumerate().map(|(k, line)| html! {
                        <tspan x={(X0 - 12).to_string()} dy={match (k, two) { (0, false) => "0.35em", (0, true) => "-0.25em", _ => "1.15em" }}>{ line }</tspan>
                    }) }
                </text>
                if let Some(s) = s {
                    <line class="spread-line" x1={x(f64::from(s.min)).to_string()} x2={x(f64::from(s.max)).to_string()}
                        y1={y.to_string()} y2={y.to_string()} />
                    <rect class="spread-box" x={x(s.q1).to_string()} y={(y - 7).to_string()}
                        width={(x(s.q3) - x(s.q1)).max(2).to_string()} height="14" />
                    <circle class={classes!("spread-median", s.disagreement.then_some("disagree"))}
                        cx={x(s.median).to_string()} cy={y.to_string()} r="5" />
                }
            </g>
        }
    });
    let grid = (0..=4u8).map(|v| html! {
        <g>
            <line class="grid" x1={x(f64::from(v)).to_string()} x2={x(f64::from(v)).to_string()} y1="4" y2={(height - 16).to_string()} />
            <text class="tick" x={x(f64::from(v)).to_string()} y={(height - 2).to_string()} text-anchor="middle">{ v.to_string() }</text>
        </g>
    });
    html! {
        <figure class="chart">
            <figcaption><h2>{ w.chart_title }</h2></figcaption>
            <svg viewBox={format!("0 0 600 {height}")} role="img" aria-labelledby={format!("{id}-title {id}-desc")} class="spread">
                <title id={format!("{id}-title")}>{ w.chart_title }</title>
                <desc id={format!("{id}-desc")}>{ w.chart_desc }</desc>
                { for grid }
                { for rows }
            </svg>
            <ul class="legend">
                <li><span class="key key-spread"></span>{ w.legend_range }</li>
                <li><span class="key key-median"></span>{ w.legend_median }</li>
            </ul>
        </figure>
    }
}

/// Tally mode: for each question, how many hands went up for each answer.
fn tally_form(app: &AppContext, merged: &Workshop) -> Html {
    let (lang, w) = (app.lang, &app.ui().workshop);
    let items = merged.tally_items();
    html! {
        <div class="tally">
            <p>{ w.tally_intro }</p>
            <p class="hint">{ w.priority_scale }</p>
            { for items.into_iter().map(|item| {
                let counts = *merged.counts(item);
                let name = item_title(item, lang);
                let name = name.as_str();
                html! {
                    <fieldset class="tally-item">
                        <legend>{ name }</legend>
                        <div class="tally-values">
                            { for item.values().map(|value| {
                                let id = app.id(&format!("tally-{item:?}-{value}").replace(['(', ')'], ""));
                                let label = value_label(item, value, lang);
                                let full = fill(w.people_for, &[name, &label]);
                                let onchange = app.dispatcher().reform(move |e: Event| {
                                    let input = e.target_unchecked_into::<HtmlInputElement>();
                                    let people = input.value().trim().parse::<u32>().unwrap_or(0);
                                    Action::WorkshopCount { item, value, people }
                                });
                                html! {
                                    <div class="tally-value">
                                        <label for={id.clone()} aria-label={full}>{ label }</label>
                                        <input {id} type="number" inputmode="numeric" min="0" step="1"
                                            value={counts.0[usize::from(value)].to_string()} {onchange} />
                                    </div>
                                }
                            }) }
                        </div>
                    </fieldset>
                }
            }) }
        </div>
    }
}

/// Saves the suggested consensus under a name the facilitator can change.
#[component]
fn Consensus() -> Html {
    let app = use_app();
    let w = &app.ui().workshop;
    let community = app
        .workshop
        .as_ref()
        .map(|s| s.merged.community.clone())
        .filter(|c| !c.is_empty());
    let name = use_state(|| match community {
        Some(c) => fill(w.consensus_default, &[&c]),
        None => w.consensus_untitled.to_string(),
    });
    let onsubmit = {
        let (app, name) = (app.clone(), name.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if name.trim().is_empty() {
                return;
            }
            app.dispatch(Action::WorkshopConsensus {
                id: platform::new_id(),
                now: platform::now(),
                name: (*name).clone(),
            });
        })
    };
    html! {
        <section class="panel no-print">
            <h2>{ w.consensus_heading }</h2>
            <p>{ w.consensus_intro }</p>
            <form {onsubmit}>
                { crate::components::fields::text_field(crate::components::fields::Field {
                    id: app.id("consensus-name"),
                    label: w.consensus_name,
                    value: (*name).clone(),
                    required: true,
                    oninput: Callback::from(move |v| name.set(v)),
                    ..Default::default()
                }) }
                <button type="submit" class="button button-primary">{ w.consensus_button }</button>
            </form>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::requirement_index;

    #[test]
    fn requirement_answers_read_as_words() {
        let item = Item::Requirement(requirement_index("context.scope").unwrap());
        let words = |v| value_label(item, v, Lang::Fr);
        assert_eq!([words(0), words(1), words(2)], ["Non", "En partie", "Oui"]);
        assert_eq!(value_label(item, 2, Lang::En), "Yes");
        assert_eq!(point_text(item, 1.0, Lang::Fr), "En partie");
        assert_eq!(
            point_text(item, 1.5, Lang::Fr),
            "entre «\u{a0}En partie\u{a0}» et «\u{a0}Oui\u{a0}»"
        );
        assert_eq!(point_text(item, 0.5, Lang::En), "between “No” and “Partly”");
        let s = crate::scoring::item_stats(&[0, 2])
            .unwrap()
            .of_requirement();
        assert_eq!(range_text(item, &s, Lang::En), "No – Yes");
        assert_eq!(
            item_title(item, Lang::Fr),
            format!(
                "{} – {}",
                CLAUSES[0].title.fr(),
                REQUIREMENTS[requirement_index("context.scope").unwrap()]
                    .title
                    .fr()
            )
        );
        // Levels keep their numbers.
        let area = Item::Area(0);
        assert_eq!(point_text(area, 2.5, Lang::Fr), "2,5");
        assert_eq!(range_text(area, &s, Lang::Fr), "0 – 2");
    }
}
