//! Hand-written SVG charts. Each is a `figure` with a caption, an SVG with a title and a text
//! description, and a data table the user can show. Colours come from CSS classes only (no `style`
//! attribute, for strict Content-Security-Policies), and every series also differs by line or
//! pattern, so the charts read in greyscale and for colour-blind readers. Coordinates are whole
//! numbers: float formatting would cost kilobytes of wasm.

use yew::prelude::*;

pub use crate::numbers::{level_text, signed};

use crate::content::{AREAS, N_AREAS, N_PURPOSES, PURPOSES};
use crate::i18n::Lang;

/// Unit vectors (× 1000) of the six radar axes, clockwise from the top.
const AXES: [(i32, i32); N_PURPOSES] = [
    (0, -1000),
    (866, -500),
    (866, 500),
    (0, 1000),
    (-866, 500),
    (-866, -500),
];
const CX: i32 = 260;
const CY: i32 = 215;
const R: i32 = 130;

fn point(axis: usize, value: f64) -> (i32, i32) {
    let r = (f64::from(R) * value / 4.0).round() as i32;
    let (ux, uy) = AXES[axis];
    (CX + ux * r / 1000, CY + uy * r / 1000)
}

fn points(values: impl Iterator<Item = (usize, f64)>) -> String {
    values
        .map(|(i, v)| {
            let (x, y) = point(i, v);
            format!("{x},{y}")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Splits a label into lines of about `width` characters, at spaces.
pub(super) fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split(' ') {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

fn figure(
    id: String,
    caption: &str,
    svg: Html,
    table: Html,
    show_table: bool,
    toggle: Callback<MouseEvent>,
    lang: Lang,
) -> Html {
    let table_id = format!("{id}-table");
    html! {
        <figure class="chart" aria-labelledby={format!("{id}-caption")}>
            <figcaption id={format!("{id}-caption")}>{ caption.to_string() }</figcaption>
            { svg }
            <button type="button" class="link-button no-print" aria-expanded={show_table.to_string()}
                aria-controls={table_id.clone()} onclick={toggle}>{ lang.ui().show_table }</button>
            <div id={table_id} class={classes!("chart-table", (!show_table).then_some("closed"))}>{ table }</div>
        </figure>
    }
}

/// The six purposes' achievement (0–4), with an earlier assessment's as a dashed outline.
#[allow(clippy::too_many_arguments)]
pub fn radar(
    id: String,
    lang: Lang,
    now: &[Option<f64>; N_PURPOSES],
    earlier: Option<(&[Option<f64>; N_PURPOSES], String)>,
    priorities: [&'static str; N_PURPOSES],
    show_table: bool,
    toggle: Callback<MouseEvent>,
) -> Html {
    let ui = lang.ui();
    let rings = (1..=4).map(|l| {
        html! { <polygon class="grid" points={points((0..6).map(|i| (i, f64::from(l))))} /> }
    });
    let spokes = (0..N_PURPOSES).map(|i| {
        let (x, y) = point(i, 4.0);
        html! { <line class="grid" x1={CX.to_string()} y1={CY.to_string()} x2={x.to_string()} y2={y.to_string()} /> }
    });
    let labels = PURPOSES.iter().enumerate().map(|(i, p)| {
        let (x, y) = point(i, 4.7);
        let anchor = match AXES[i].0 {
            0 => "middle",
            v if v > 0 => "start",
            _ => "end",
        };
        let lines = wrap(p.title.get(lang), 18);
        let top = y - if AXES[i].1 < 0 { 16 * (lines.len() as i32 - 1) } else { 0 };
        html! {
            <text class="label" x={x.to_string()} y={top.to_string()} text-anchor={anchor}>
                { for lines.iter().enumerate().map(|(k, l)| html! {
                    <tspan x={x.to_string()} dy={if k == 0 { "0" } else { "1.1em" }}>{ l.clone() }</tspan>
                }) }
            </text>
        }
    });
    let series = |values: &[Option<f64>; N_PURPOSES], class: &'static str| {
        let known: Vec<(usize, f64)> = values
            .iter()
            .enumerate()
            .filter_map(|(i, v)| v.map(|v| (i, v)))
            .collect();
        let shape = if known.len() == N_PURPOSES {
            html! { <polygon class={class} points={points(known.iter().copied())} /> }
        } else {
            // A missing value is "not computable", never zero: no closed shape, dots only.
            html! {}
        };
        let dots = known.iter().map(|&(i, v)| {
            let (x, y) = point(i, v);
            html! { <circle class={class} cx={x.to_string()} cy={y.to_string()} r="4" /> }
        });
        html! { <g>{ shape }{ for dots }</g> }
    };
    let desc = PURPOSES
        .iter()
        .zip(now)
        .map(|(p, v)| {
            format!(
                "{}{}{}",
                p.title.get(lang),
                lang.colon(),
                level_text(*v, lang)
            )
        })
        .collect::<Vec<_>>()
        .join(" ; ");
    let svg = html! {
        <svg viewBox="-40 0 600 440" role="img" aria-labelledby={format!("{id}-title {id}-desc")} class="radar">
            <title id={format!("{id}-title")}>{ ui.radar_title }</title>
            <desc id={format!("{id}-desc")}>{ format!("{} {desc}", ui.radar_desc) }</desc>
            { for rings }
            { for spokes }
            { for (1..=4).map(|l| {
                let (x, y) = point(0, f64::from(l));
                html! { <text class="tick" x={(x + 4).to_string()} y={(y + 4).to_string()}>{ l.to_string() }</text> }
            }) }
            if let Some((values, _)) = &earlier {
                { series(values, "series-earlier") }
            }
            { series(now, "series-now") }
            { for labels }
        </svg>
    };
    let legend = earlier.as_ref().map(|(_, when)| html! {
        <ul class="legend">
            <li><span class="key key-now"></span>{ ui.legend_now }</li>
            <li><span class="key key-earlier"></span>{ crate::i18n::fill(ui.legend_earlier, &[when]) }</li>
        </ul>
    });
    let table = html! {
        <table class="data">
            <thead><tr>
                <th scope="col">{ ui.col_purpose }</th>
                <th scope="col">{ ui.col_priority }</th>
                <th scope="col">{ ui.col_achievement }</th>
                if earlier.is_some() { <th scope="col">{ ui.col_change }</th> }
            </tr></thead>
            <tbody>
                { for PURPOSES.iter().enumerate().map(|(i, p)| html! {
                    <tr>
                        <th scope="row">{ p.title.get(lang) }</th>
                        <td>{ priorities[i] }</td>
                        <td>{ level_text(now[i], lang) }</td>
                        if let Some((before, _)) = &earlier {
                            <td>{ signed(now[i].zip(before[i]).map(|(a, b)| a - b), lang) }</td>
                        }
                    </tr>
                }) }
            </tbody>
        </table>
    };
    figure(
        id,
        ui.radar_title,
        html! { <>{ svg }{ for legend }</> },
        table,
        show_table,
        toggle,
        lang,
    )
}

pub struct BarRow {
    pub level: Option<u8>,
    pub target: Option<u8>,
    pub earlier: Option<u8>,
    pub in_scope: bool,
    /// The answer as text when it is not a level ("don't know", …).
    pub note: Option<&'static str>,
}

/// Current and target level of the twelve areas, side by side.
pub fn bars(
    id: String,
    lang: Lang,
    rows: &[BarRow; N_AREAS],
    comparing: bool,
    show_table: bool,
    toggle: Callback<MouseEvent>,
) -> Html {
    let ui = lang.ui();
    const X0: i32 = 10;
    const W: i32 = 480;
    const ROW: i32 = 50;
    let x = |v: u8| X0 + W * i32::from(v) / 4;
    let height = 30 + ROW * N_AREAS as i32;
    let rows_svg = AREAS.iter().zip(rows).enumerate().map(|(i, (area, r))| {
        let y = 24 + ROW * i as i32;
        let title = area.title.get(lang).to_string();
        let status = if !r.in_scope {
            Some(ui.not_assessed)
        } else if r.level.is_none() {
            Some(r.note.unwrap_or(ui.unanswered_mark))
        } else {
            None
        };
        html! {
            <g>
                <text class="label" x={X0.to_string()} y={y.to_string()}>
                    { match status { Some(s) => format!("{title} ({s})"), None => title } }
                </text>
                if let Some(l) = r.level {
                    <rect class="bar-now" x={X0.to_string()} y={(y + 6).to_string()} width={(x(l) - X0).max(2).to_string()} height="12" />
                }
                if let Some(t) = r.target {
                    <rect class="bar-target" fill={format!("url(#{id}-hatch)")} x={X0.to_string()} y={(y + 20).to_string()} width={(x(t) - X0).max(2).to_string()} height="8" />
                }
                if let Some(e) = r.earlier.filter(|_| comparing) {
                    <line class="bar-earlier" x1={x(e).to_string()} x2={x(e).to_string()} y1={(y + 2).to_string()} y2={(y + 30).to_string()} />
                }
            </g>
        }
    });
    let grid = (0..=4u8).map(|v| html! {
        <g>
            <line class="grid" x1={x(v).to_string()} x2={x(v).to_string()} y1="8" y2={(height - 14).to_string()} />
            <text class="tick" x={x(v).to_string()} y={(height - 2).to_string()} text-anchor="middle">{ v.to_string() }</text>
        </g>
    });
    let desc = AREAS
        .iter()
        .zip(rows)
        .map(|(a, r)| {
            let level = r.level.map_or_else(
                || {
                    if r.in_scope {
                        r.note.unwrap_or(ui.unanswered_mark).to_string()
                    } else {
                        ui.not_assessed.to_string()
                    }
                },
                |l| l.to_string(),
            );
            format!("{}{}{level}", a.title.get(lang), lang.colon())
        })
        .collect::<Vec<_>>()
        .join(" ; ");
    let svg = html! {
        <svg viewBox={format!("0 0 500 {height}")} role="img" aria-labelledby={format!("{id}-title {id}-desc")} class="bars">
            <defs>
                <pattern id={format!("{id}-hatch")} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
                    <line class="hatch" x1="0" y1="0" x2="0" y2="6" />
                </pattern>
            </defs>
            <title id={format!("{id}-title")}>{ ui.bars_title }</title>
            <desc id={format!("{id}-desc")}>{ desc }</desc>
            { for grid }
            { for rows_svg }
        </svg>
    };
    let legend = html! {
        <ul class="legend">
            <li><span class="key key-now"></span>{ ui.legend_current }</li>
            <li><span class="key key-target"></span>{ ui.legend_target }</li>
            if comparing { <li><span class="key key-earlier-line"></span>{ ui.col_change }</li> }
        </ul>
    };
    let table = html! {
        <table class="data">
            <thead><tr>
                <th scope="col">{ ui.csv_area }</th>
                <th scope="col">{ ui.col_level }</th>
                <th scope="col">{ ui.col_target }</th>
                if comparing { <th scope="col">{ ui.col_change }</th> }
            </tr></thead>
            <tbody>
                { for AREAS.iter().zip(rows).map(|(a, r)| html! {
                    <tr>
                        <th scope="row">{ a.title.get(lang) }</th>
                        <td>{ r.level.map_or_else(|| if r.in_scope { r.note.unwrap_or("").to_string() } else { ui.not_assessed.to_string() }, |l| l.to_string()) }</td>
                        <td>{ r.target.map(|t| t.to_string()).unwrap_or_default() }</td>
                        if comparing {
                            <td>{ signed(r.level.zip(r.earlier).map(|(a, b)| f64::from(a) - f64::from(b)), lang) }</td>
                        }
                    </tr>
                }) }
            </tbody>
        </table>
    };
    figure(
        id,
        ui.bars_title,
        html! { <>{ svg }{ legend }</> },
        table,
        show_table,
        toggle,
        lang,
    )
}

/// The 12 × 6 contribution matrix as shaded cells that also carry their number.
pub fn heatmap(
    id: String,
    lang: Lang,
    matrix: &[[u8; N_PURPOSES]; N_AREAS],
    show_table: bool,
    toggle: Callback<MouseEvent>,
) -> Html {
    let ui = lang.ui();
    const LEFT: i32 = 250;
    const CELL: i32 = 40;
    const TOP: i32 = 30;
    let header = (0..N_PURPOSES).map(|p| {
        let x = LEFT + CELL * p as i32 + CELL / 2;
        html! { <text class="tick" x={x.to_string()} y="20" text-anchor="middle">{ (p + 1).to_string() }</text> }
    });
    let rows = AREAS.iter().enumerate().map(|(a, area)| {
        let y = TOP + CELL * a as i32;
        let mut label = area.title.get(lang).to_string();
        if label.chars().count() > 31 {
            label = label.chars().take(30).collect::<String>() + "…";
        }
        html! {
            <g>
                <text class="label" x={(LEFT - 8).to_string()} y={(y + 25).to_string()} text-anchor="end">{ label }</text>
                { for (0..N_PURPOSES).map(|p| {
                    let v = matrix[a][p];
                    let x = LEFT + CELL * p as i32;
                    html! {
                        <g>
                            <rect class={format!("cell cell-{v}")} x={x.to_string()} y={y.to_string()} width={CELL.to_string()} height={CELL.to_string()} />
                            <text class={format!("cell-text cell-text-{v}")} x={(x + CELL / 2).to_string()} y={(y + 25).to_string()} text-anchor="middle">{ v.to_string() }</text>
                        </g>
                    }
                }) }
            </g>
        }
    });
    let svg = html! {
        <svg viewBox={format!("0 0 {} {}", LEFT + CELL * 6 + 10, TOP + CELL * 12 + 10)} role="img"
            aria-labelledby={format!("{id}-title {id}-desc")} class="heatmap">
            <title id={format!("{id}-title")}>{ ui.heatmap_title }</title>
            <desc id={format!("{id}-desc")}>{ ui.heatmap_title }</desc>
            { for header }
            { for rows }
        </svg>
    };
    let legend = html! {
        <ol class="legend legend-purposes">
            { for PURPOSES.iter().map(|p| html! { <li>{ p.title.get(lang) }</li> }) }
        </ol>
    };
    let table = html! {
        <table class="data">
            <thead><tr>
                <td></td>
                { for PURPOSES.iter().map(|p| html! { <th scope="col">{ p.title.get(lang) }</th> }) }
            </tr></thead>
            <tbody>
                { for AREAS.iter().enumerate().map(|(a, area)| html! {
                    <tr>
                        <th scope="row">{ area.title.get(lang) }</th>
                        { for (0..N_PURPOSES).map(|p| html! { <td>{ matrix[a][p].to_string() }</td> }) }
                    </tr>
                }) }
            </tbody>
        </table>
    };
    figure(
        id,
        ui.heatmap_title,
        html! { <>{ svg }{ legend }</> },
        table,
        show_table,
        toggle,
        lang,
    )
}
