//! The renderers of the report's shapes (`core/src/report.rs`): one small function per shape, so
//! that a report of many tables and lists costs a handful of `html!` trees in the wasm rather than
//! one per element. Views build the report data, then call `Render::blocks`.

use yew::prelude::*;

use crate::hooks::AppContext;
use crate::model::Assessment;
use crate::report::chart::{Chart, Legend, Mark};
use crate::report::{Block, Inline, Item, List, Slot, Table, Tag};
use crate::state::{Action, Edit};

/// What drawing a report needs beyond its data: the widget (ids, dispatch), the assessment the
/// "add to the action plan" buttons look into, the views of the slots, and which charts show
/// their data table.
pub struct Render<'a> {
    pub app: &'a AppContext,
    pub a: Option<&'a Assessment>,
    pub slot: &'a dyn Fn(Slot) -> Html,
    /// The keys of the charts whose table is open.
    pub tables: Option<UseStateHandle<Vec<&'static str>>>,
}

/// An empty class is no class at all.
fn class(c: &'static str) -> Option<&'static str> {
    (!c.is_empty()).then_some(c)
}

impl Render<'_> {
    pub fn blocks(&self, blocks: &[Block]) -> Html {
        blocks.iter().map(|b| self.block(b)).collect()
    }

    fn block(&self, b: &Block) -> Html {
        match b {
            Block::Group {
                tag,
                class: c,
                blocks,
            } => {
                let inner = self.blocks(blocks);
                match tag {
                    Tag::Section => html! { <section class={class(c)}>{ inner }</section> },
                    Tag::Div => html! { <div class={class(c)}>{ inner }</div> },
                    Tag::Scroll(label) => html! {
                        <div class={class(c)} tabindex="0" role="region" aria-label={*label}>{ inner }</div>
                    },
                }
            }
            Block::Heading {
                level,
                class: c,
                text,
            } => {
                let tag = if *level <= 2 { "h2" } else { "h3" };
                html! { <@{tag} class={class(c)}>{ text.clone() }</@> }
            }
            Block::Para { class: c, text } => html! { <p class={class(c)}>{ text.clone() }</p> },
            Block::Line(parts) => html! { <p>{ self.inlines(parts) }</p> },
            Block::Facts { class: c, facts } => html! {
                <dl class={class(c)}>
                    { for facts.iter().map(|f| html! {
                        <div class={f.wide.then_some("wide")}><dt>{ f.term.clone() }</dt><dd>{ f.value.clone() }</dd></div>
                    }) }
                </dl>
            },
            Block::Table(t) => table(t),
            Block::List(l) => self.list(l),
            Block::Chart(c) => self.chart(c),
            Block::Slot(s) => (self.slot)(*s),
        }
    }

    fn list(&self, l: &List) -> Html {
        let items = l.items.iter().map(|i| self.item(i));
        let label = class(l.label);
        if l.ordered {
            html! { <ol class={class(l.class)} aria-label={label}>{ for items }</ol> }
        } else {
            html! { <ul class={class(l.class)} aria-label={label}>{ for items }</ul> }
        }
    }

    fn item(&self, i: &Item) -> Html {
        html! {
            <li class={class(i.class)}>
                { self.inlines(&i.parts) }
                { for i.sub.as_ref().map(|l| self.list(l)) }
            </li>
        }
    }

    fn inlines(&self, parts: &[Inline]) -> Html {
        parts.iter().map(|p| self.inline(p)).collect()
    }

    fn inline(&self, part: &Inline) -> Html {
        let ui = self.app.ui();
        match part {
            Inline::Text(t) => html! { { t.clone() } },
            Inline::Strong(t) => html! { <strong>{ t.clone() }</strong> },
            Inline::Span { class: c, text } => {
                html! { <span class={class(c)}>{ text.clone() }</span> }
            }
            Inline::Goto { step, label } => {
                let step = *step;
                let go = self.app.dispatcher().reform(move |_| Action::Goto(step));
                html! { <button type="button" class="link-button" onclick={go}>{ label.clone() }</button> }
            }
            Inline::AddToPlan { plan, title } => {
                if self
                    .a
                    .is_some_and(|a| plan.actions(a).iter().any(|x| x.title == *title))
                {
                    return html! { <span class="in-plan">{ ui.gap.in_plan }</span> };
                }
                let (plan, title) = (*plan, *title);
                let add = self
                    .app
                    .editor()
                    .reform(move |_| Edit::AddAction(plan, title.to_string()));
                html! {
                    <button type="button" class="link-button no-print" onclick={add}>
                        { ui.gap.add_to_plan }<span class="visually-hidden">{ format!(" – {title}") }</span>
                    </button>
                }
            }
            Inline::Link {
                href,
                hreflang,
                text,
            } => html! {
                <a href={*href} target="_blank" rel="noopener noreferrer" hreflang={*hreflang}>
                    { text.clone() }<span class="visually-hidden">{ format!(" {}", ui.gap.new_tab) }</span>
                </a>
            },
        }
    }

    fn chart(&self, c: &Chart) -> Html {
        let id = self.app.id(c.key);
        let (caption_id, table_id) = (format!("{id}-caption"), format!("{id}-table"));
        let shown = self.tables.as_ref().is_some_and(|t| t.contains(&c.key));
        let toggle = self.tables.clone().map(|t| {
            let key = c.key;
            Callback::from(move |_: MouseEvent| {
                let mut open = (*t).clone();
                match open.iter().position(|k| *k == key) {
                    Some(i) => {
                        open.remove(i);
                    }
                    None => open.push(key),
                }
                t.set(open);
            })
        });
        let hatch = format!("url(#{id}-hatch)");
        html! {
            <figure class="chart" aria-labelledby={caption_id.clone()}>
                <figcaption id={caption_id}>{ c.title.clone() }</figcaption>
                <svg viewBox={format!("{} 0 {} {}", c.left, c.width, c.height)} role="img"
                    aria-labelledby={format!("{id}-title {id}-desc")} class={c.class}>
                    if c.hatch {
                        <defs>
                            <pattern id={format!("{id}-hatch")} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
                                <line class="hatch" x1="0" y1="0" x2="0" y2="6" />
                            </pattern>
                        </defs>
                    }
                    <title id={format!("{id}-title")}>{ c.title.clone() }</title>
                    <desc id={format!("{id}-desc")}>{ c.desc.clone() }</desc>
                    { for c.marks.iter().map(|m| mark(m, &hatch)) }
                </svg>
                { legend(&c.legend) }
                // A chart whose figures are in a table beside it has none of its own.
                if !c.table.head.is_empty() {
                    <button type="button" class="link-button no-print" aria-expanded={shown.to_string()}
                        aria-controls={table_id.clone()} onclick={toggle}>{ self.app.ui().show_table }</button>
                    <div id={table_id} class={classes!("chart-table", (!shown).then_some("closed"))}>{ table(&c.table) }</div>
                }
            </figure>
        }
    }
}

/// A data table: `th` for the column headers and each row's first cell.
pub fn table(t: &Table) -> Html {
    let columns = t.head.len().saturating_sub(1);
    let rows = |rows: &[crate::report::Row]| -> Html {
        rows.iter()
            .map(|r| {
                let last = r.cells.len().saturating_sub(1);
                // A short row's last cell spans the columns left.
                let span = |k: usize| {
                    (k == last && r.cells.len() < columns).then(|| (columns - last).to_string())
                };
                html! {
                    <tr class={class(r.class)}>
                        <th scope="row">
                            { r.head.clone() }
                            if !r.badge.is_empty() { { " " }<span class="badge">{ r.badge }</span> }
                        </th>
                        { for r.cells.iter().enumerate().map(|(k, c)| html! {
                            <td class={class(c.class)} colspan={span(k)}>{ c.text.clone() }</td>
                        }) }
                    </tr>
                }
            })
            .collect()
    };
    html! {
        <table class={class(t.class)}>
            if let Some(caption) = &t.caption { <caption>{ caption.clone() }</caption> }
            <thead><tr>
                { for t.head.iter().map(|h| if h.is_empty() {
                    html! { <td></td> }
                } else {
                    html! { <th scope="col">{ h.clone() }</th> }
                }) }
            </tr></thead>
            <tbody>{ rows(&t.body) }</tbody>
            if !t.foot.is_empty() { <tfoot>{ rows(&t.foot) }</tfoot> }
        </table>
    }
}

fn legend(l: &Legend) -> Html {
    if l.keys.is_empty() {
        return html! {};
    }
    let items = l.keys.iter().map(|(key, text)| {
        html! { <li>if !key.is_empty() { <span class={*key}></span> }{ text.clone() }</li> }
    });
    if l.ordered {
        html! { <ol class={l.class}>{ for items }</ol> }
    } else {
        html! { <ul class={l.class}>{ for items }</ul> }
    }
}

fn points(points: &[(i32, i32)]) -> String {
    points
        .iter()
        .map(|(x, y)| format!("{x},{y}"))
        .collect::<Vec<_>>()
        .join(" ")
}

fn mark(m: &Mark, hatch: &str) -> Html {
    match m {
        Mark::Polygon { class, points: p } => {
            html! { <polygon class={*class} points={points(p)} /> }
        }
        Mark::Line { class, from, to } => html! {
            <line class={*class} x1={from.0.to_string()} y1={from.1.to_string()} x2={to.0.to_string()} y2={to.1.to_string()} />
        },
        Mark::Circle { class, at, r } => html! {
            <circle class={*class} cx={at.0.to_string()} cy={at.1.to_string()} r={r.to_string()} />
        },
        Mark::Rect {
            class,
            at,
            size,
            hatch: hatched,
        } => html! {
            <rect class={*class} fill={hatched.then(|| hatch.to_string())} x={at.0.to_string()} y={at.1.to_string()}
                width={size.0.to_string()} height={size.1.to_string()} />
        },
        Mark::Text {
            class,
            at,
            anchor,
            lines,
        } => {
            let (x, y) = (at.0.to_string(), at.1.to_string());
            let anchor = (!anchor.is_empty()).then_some(*anchor);
            if let [line] = lines.as_slice() {
                return html! { <text class={*class} x={x} y={y} text-anchor={anchor}>{ line.clone() }</text> };
            }
            html! {
                <text class={*class} x={x.clone()} y={y} text-anchor={anchor}>
                    { for lines.iter().enumerate().map(|(k, l)| html! {
                        <tspan x={x.clone()} dy={if k == 0 { "0" } else { "1.1em" }}>{ l.clone() }</tspan>
                    }) }
                </text>
            }
        }
    }
}

/// Blocks with no slot and no chart table to open: the review, the start screen's reading list.
/// `a`: the assessment whose plan the "add to the action plan" buttons look into, if any.
pub fn plain(app: &AppContext, a: Option<&Assessment>, blocks: &[Block]) -> Html {
    Render {
        app,
        a,
        slot: &|_| html! {},
        tables: None,
    }
    .blocks(blocks)
}
