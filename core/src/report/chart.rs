//! The charts as data: each a list of SVG marks in whole-number coordinates, a text description,
//! a legend and the data table that is its text alternative. One renderer draws every chart.
//! Colours come from CSS classes only (no `style` attribute, for strict Content-Security-Policies),
//! and every series also differs by line or pattern, so the charts read in greyscale and for
//! colour-blind readers. Whole numbers because float formatting would cost kilobytes of wasm.

use super::{purposes_table, Cell, Row, Table};
use crate::content::{AREAS, NON_ANSWERS, N_AREAS, N_PURPOSES, PURPOSES};
use crate::i18n::{fill, Lang};
use crate::model::{Answer, Assessment};
use crate::numbers::{level_text, signed};
use crate::scoring::{contribution, Scores};

/// One chart: a `figure` with its caption, an SVG with a title and a description, a legend, and
/// a data table the reader can show.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    /// The chart's name within a widget, which its element ids start with.
    pub key: &'static str,
    /// The SVG's class.
    pub class: &'static str,
    /// The figure's caption and the SVG's title.
    pub title: String,
    pub desc: String,
    pub width: i32,
    pub height: i32,
    /// The left edge of the drawing (the radar's labels reach left of 0).
    pub left: i32,
    /// Defines the hatch pattern that `Mark::Rect { hatch: true }` fills with.
    pub hatch: bool,
    pub marks: Vec<Mark>,
    pub legend: Legend,
    pub table: Table,
}

/// A shape of an SVG chart. `class` names its colour and line in the style sheet.
#[derive(Clone, Debug, PartialEq)]
pub enum Mark {
    Polygon {
        class: &'static str,
        points: Vec<(i32, i32)>,
    },
    Line {
        class: &'static str,
        from: (i32, i32),
        to: (i32, i32),
    },
    Circle {
        class: &'static str,
        at: (i32, i32),
        r: i32,
    },
    Rect {
        class: &'static str,
        at: (i32, i32),
        size: (i32, i32),
        hatch: bool,
    },
    /// Text, one line or several stacked; `anchor` is SVG's `text-anchor` (empty: the start).
    Text {
        class: &'static str,
        at: (i32, i32),
        anchor: &'static str,
        lines: Vec<String>,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Legend {
    pub ordered: bool,
    pub class: &'static str,
    /// Each entry: the class of its colour key (empty: no key) and its text.
    pub keys: Vec<(&'static str, String)>,
}

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

fn radar_point(axis: usize, value: f64) -> (i32, i32) {
    let r = (f64::from(R) * value / 4.0).round() as i32;
    let (ux, uy) = AXES[axis];
    (CX + ux * r / 1000, CY + uy * r / 1000)
}

/// Splits a label into lines of about `width` characters, at spaces.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
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

fn text(class: &'static str, at: (i32, i32), anchor: &'static str, line: String) -> Mark {
    Mark::Text {
        class,
        at,
        anchor,
        lines: vec![line],
    }
}

/// The six purposes' achievement (0–4), with an earlier assessment's as a dashed outline.
pub fn radar(a: &Assessment, s: &Scores, earlier: Option<(&Scores, &str)>, lang: Lang) -> Chart {
    let mut marks: Vec<Mark> = (1..=4)
        .map(|l| Mark::Polygon {
            class: "grid",
            points: (0..N_PURPOSES)
                .map(|i| radar_point(i, f64::from(l)))
                .collect(),
        })
        .collect();
    marks.extend((0..N_PURPOSES).map(|i| Mark::Line {
        class: "grid",
        from: (CX, CY),
        to: radar_point(i, 4.0),
    }));
    marks.extend((1..=4).map(|l| {
        let (x, y) = radar_point(0, f64::from(l));
        text("tick", (x + 4, y + 4), "", l.to_string())
    }));
    let mut series = |values: &[Option<f64>; N_PURPOSES], class: &'static str| {
        let known: Vec<(usize, f64)> = values
            .iter()
            .enumerate()
            .filter_map(|(i, v)| v.map(|v| (i, v)))
            .collect();
        // A missing value is "not computable", never zero: no closed shape, dots only.
        if known.len() == N_PURPOSES {
            marks.push(Mark::Polygon {
                class,
                points: known.iter().map(|&(i, v)| radar_point(i, v)).collect(),
            });
        }
        marks.extend(known.iter().map(|&(i, v)| Mark::Circle {
            class,
            at: radar_point(i, v),
            r: 4,
        }));
    };
    if let Some((e, _)) = earlier {
        series(&e.purposes, "series-earlier");
    }
    series(&s.purposes, "series-now");
    marks.extend(PURPOSES.iter().enumerate().map(|(i, p)| {
        let (x, y) = radar_point(i, 4.7);
        let anchor = match AXES[i].0 {
            0 => "middle",
            v if v > 0 => "start",
            _ => "end",
        };
        let lines = wrap(p.title.get(lang), 18);
        // Labels above the centre grow upwards, so that they never cover the chart.
        let top = y - if AXES[i].1 < 0 {
            16 * (lines.len() as i32 - 1)
        } else {
            0
        };
        Mark::Text {
            class: "label",
            at: (x, top),
            anchor,
            lines,
        }
    }));
    let desc = PURPOSES
        .iter()
        .zip(&s.purposes)
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
    let keys = match earlier {
        Some((_, when)) => vec![
            ("key key-now", lang.report().legend_now.to_string()),
            (
                "key key-earlier",
                fill(lang.report().legend_earlier, &[when]),
            ),
        ],
        None => Vec::new(),
    };
    Chart {
        key: "radar",
        class: "radar",
        title: lang.report().radar_title.to_string(),
        desc: format!("{} {desc}", lang.report().radar_desc),
        width: 600,
        height: 440,
        left: -40,
        hatch: false,
        marks,
        legend: Legend {
            ordered: false,
            class: "legend",
            keys,
        },
        table: purposes_table(a, s, earlier.map(|(e, _)| e), None, lang),
    }
}

/// The level of each area as the bars and their table say it: its number, or why there is none.
fn area_level(a: &Assessment, s: &Scores, i: usize, lang: Lang) -> Result<u8, &'static str> {
    let ui = lang.ui();
    if !a.areas[i].in_scope {
        return Err(lang.report().not_assessed);
    }
    match (s.areas[i], a.areas[i].level) {
        (Some(x), _) => Ok(x.level),
        (None, Some(Answer::Na)) => Err(NON_ANSWERS[0].title.get(lang)),
        (None, Some(Answer::Unknown)) => Err(NON_ANSWERS[1].title.get(lang)),
        (None, _) => Err(ui.unanswered_mark),
    }
}

/// The target drawn for an area: only one someone set (none is assumed).
fn area_target(a: &Assessment, _: &Scores, i: usize) -> Option<u8> {
    a.areas[i].target.map(|t| t.get())
}

/// Current and target level of the twelve areas, side by side, with an earlier assessment's
/// level as a dashed line.
pub fn bars(a: &Assessment, s: &Scores, earlier: Option<&Scores>, lang: Lang) -> Chart {
    let ui = lang.ui();
    const X0: i32 = 10;
    const W: i32 = 480;
    const ROW: i32 = 50;
    let x = |v: u8| X0 + W * i32::from(v) / 4;
    let height = 30 + ROW * N_AREAS as i32;
    let mut marks = Vec::new();
    for v in 0..=4u8 {
        marks.push(Mark::Line {
            class: "grid",
            from: (x(v), 8),
            to: (x(v), height - 14),
        });
        marks.push(text("tick", (x(v), height - 2), "middle", v.to_string()));
    }
    let earlier_level = |i: usize| earlier.and_then(|e| e.areas[i].map(|x| x.level));
    for (i, area) in AREAS.iter().enumerate() {
        let y = 24 + ROW * i as i32;
        let title = area.title.get(lang);
        let level = area_level(a, s, i, lang);
        let label = match level {
            Ok(_) => title.to_string(),
            Err(why) => format!("{title} ({why})"),
        };
        marks.push(text("label", (X0, y), "", label));
        if let Ok(l) = level {
            marks.push(Mark::Rect {
                class: "bar-now",
                at: (X0, y + 6),
                size: ((x(l) - X0).max(2), 12),
                hatch: false,
            });
        }
        if let Some(t) = area_target(a, s, i) {
            marks.push(Mark::Rect {
                class: "bar-target",
                at: (X0, y + 20),
                size: ((x(t) - X0).max(2), 8),
                hatch: true,
            });
        }
        if let Some(e) = earlier_level(i) {
            marks.push(Mark::Line {
                class: "bar-earlier",
                from: (x(e), y + 2),
                to: (x(e), y + 30),
            });
        }
    }
    let level_cell = |i: usize| match area_level(a, s, i, lang) {
        Ok(l) => l.to_string(),
        // The table leaves an unanswered area blank, where the chart says it in words.
        Err(why) if why == ui.unanswered_mark => String::new(),
        Err(why) => why.to_string(),
    };
    let desc = (0..N_AREAS)
        .map(|i| {
            let level = match area_level(a, s, i, lang) {
                Ok(l) => l.to_string(),
                Err(why) => why.to_string(),
            };
            format!("{}{}{level}", AREAS[i].title.get(lang), lang.colon())
        })
        .collect::<Vec<_>>()
        .join(" ; ");
    let mut head = vec![
        lang.report().csv_area.to_string(),
        lang.report().col_level.to_string(),
        lang.report().col_target.to_string(),
    ];
    let mut keys = vec![("key key-now", lang.report().legend_current.to_string())];
    // No target bar without a target someone set: no key for it either.
    if (0..N_AREAS).any(|i| area_target(a, s, i).is_some()) {
        keys.push(("key key-target", lang.report().legend_target.to_string()));
    }
    if earlier.is_some() {
        head.push(lang.report().col_change.to_string());
        keys.push(("key key-earlier-line", lang.report().col_change.to_string()));
    }
    let body = (0..N_AREAS)
        .map(|i| {
            let mut cells = vec![
                Cell::text(level_cell(i)),
                Cell::text(
                    area_target(a, s, i)
                        .map(|t| t.to_string())
                        .unwrap_or_default(),
                ),
            ];
            if earlier.is_some() {
                let now = s.areas[i].map(|x| x.level);
                let change = now
                    .zip(earlier_level(i))
                    .map(|(n, e)| f64::from(n) - f64::from(e));
                cells.push(Cell::text(signed(change, lang)));
            }
            Row {
                head: AREAS[i].title.get(lang).to_string(),
                cells,
                ..Row::default()
            }
        })
        .collect();
    Chart {
        key: "bars",
        class: "bars",
        title: lang.report().bars_title.to_string(),
        desc,
        width: 500,
        height,
        left: 0,
        hatch: true,
        marks,
        legend: Legend {
            ordered: false,
            class: "legend",
            keys,
        },
        table: Table::data(head, body),
    }
}

/// The classes of a contribution's cell and of its number, 0 to 2.
const CELL_CLASSES: [(&str, &str); 3] = [
    ("cell cell-0", "cell-text cell-text-0"),
    ("cell cell-1", "cell-text cell-text-1"),
    ("cell cell-2", "cell-text cell-text-2"),
];

/// The 12 × 6 contribution matrix as shaded cells that also carry their number.
pub fn heatmap(a: &Assessment, lang: Lang) -> Chart {
    const LEFT: i32 = 250;
    const CELL: i32 = 40;
    const TOP: i32 = 30;
    let mut marks: Vec<Mark> = (0..N_PURPOSES)
        .map(|p| {
            let x = LEFT + CELL * p as i32 + CELL / 2;
            text("tick", (x, 20), "middle", (p + 1).to_string())
        })
        .collect();
    for (ar, area) in AREAS.iter().enumerate() {
        let y = TOP + CELL * ar as i32;
        let mut label = area.title.get(lang).to_string();
        if label.chars().count() > 31 {
            label = label.chars().take(30).collect::<String>() + "…";
        }
        marks.push(text("label", (LEFT - 8, y + 25), "end", label));
        for p in 0..N_PURPOSES {
            let v = contribution(a, ar, p);
            let (cell, number) = CELL_CLASSES[usize::from(v).min(2)];
            let x = LEFT + CELL * p as i32;
            marks.push(Mark::Rect {
                class: cell,
                at: (x, y),
                size: (CELL, CELL),
                hatch: false,
            });
            marks.push(text(
                number,
                (x + CELL / 2, y + 25),
                "middle",
                v.to_string(),
            ));
        }
    }
    let mut head = vec![String::new()];
    head.extend(PURPOSES.iter().map(|p| p.title.get(lang).to_string()));
    let body = AREAS
        .iter()
        .enumerate()
        .map(|(ar, area)| Row {
            head: area.title.get(lang).to_string(),
            cells: (0..N_PURPOSES)
                .map(|p| Cell::text(contribution(a, ar, p).to_string()))
                .collect(),
            ..Row::default()
        })
        .collect();
    Chart {
        key: "heatmap",
        class: "heatmap",
        title: lang.report().heatmap_title.to_string(),
        desc: lang.report().heatmap_title.to_string(),
        width: LEFT + CELL * 6 + 10,
        height: TOP + CELL * 12 + 10,
        left: 0,
        hatch: false,
        marks,
        legend: Legend {
            ordered: true,
            class: "legend legend-purposes",
            keys: PURPOSES
                .iter()
                .map(|p| ("", p.title.get(lang).to_string()))
                .collect(),
        },
        table: Table::data(head, body),
    }
}
