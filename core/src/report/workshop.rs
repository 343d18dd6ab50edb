//! The workshop's merged view as data: what to discuss first, the spread of each area's answers,
//! and every question's figures. The on-demand module draws it with the report's renderers; the
//! tally form and the consensus stay in the view, since the facilitator acts on them.

use super::chart::{wrap, Chart, Legend, Mark};
use super::{section, Block, Cell, Item as ListItem, List, Row, Table, Tag};
use crate::content::{AREAS, CLAUSES, LEVELS, N_AREAS, PRIORITIES, PURPOSES, REQUIREMENTS};
use crate::i18n::{fill, met_text, Lang};
use crate::numbers::level_text;
use crate::scoring::ItemStats;
use crate::workshop::{met_of_value, Item, Workshop};

/// An item's name; a requirement's says its clause first, as the checklist groups them.
pub fn item_title(item: Item, lang: Lang) -> String {
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
pub fn value_label(item: Item, value: u8, lang: Lang) -> String {
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
pub fn point_text(item: Item, v: f64, lang: Lang) -> String {
    match item {
        Item::Requirement(_) if v.fract() == 0.0 => value_label(item, v as u8, lang),
        Item::Requirement(_) => fill(
            lang.report().met_between,
            &[
                &value_label(item, v.floor() as u8, lang),
                &value_label(item, v.ceil() as u8, lang),
            ],
        ),
        _ => level_text(Some(v), lang),
    }
}

/// The lowest and highest answers: numbers for levels and priorities, words for a requirement.
pub fn range_text(item: Item, s: &ItemStats, lang: Lang) -> String {
    match item {
        Item::Requirement(_) => format!(
            "{} – {}",
            value_label(item, s.min, lang),
            value_label(item, s.max, lang)
        ),
        _ => format!("{} – {}", s.min, s.max),
    }
}

/// The merged view: what to discuss, the spread chart, and every question's figures.
pub fn room(merged: &Workshop, lang: Lang) -> Vec<Block> {
    let w = &lang.ui().workshop;
    let discuss = merged.to_discuss();
    let mut first = vec![Block::Heading {
        level: 2,
        class: "",
        text: w.discuss_heading.into(),
    }];
    if discuss.is_empty() {
        first.push(super::p(w.discuss_none));
    } else {
        first.push(super::p(w.discuss_intro));
        first.push(Block::List(List {
            ordered: false,
            class: "discuss",
            label: w.discuss_heading,
            items: discuss
                .iter()
                .map(|(item, s)| ListItem {
                    parts: vec![
                        super::Inline::Strong(item_title(*item, lang)),
                        super::Inline::Text(format!(
                            "{}{} ({}{}{})",
                            lang.colon(),
                            range_text(*item, s, lang),
                            w.col_median,
                            lang.colon(),
                            point_text(*item, s.median, lang)
                        )),
                    ],
                    ..ListItem::default()
                })
                .collect(),
        }));
    }
    let rows = merged
        .items()
        .into_iter()
        .map(|item| {
            let s = merged.stats(item);
            let disagree = s.is_some_and(|s| s.disagreement);
            let mut cells = vec![Cell::num(merged.counts(item).total().to_string())];
            match s {
                Some(s) => cells.extend([
                    Cell::text(point_text(item, s.median, lang)),
                    Cell::text(range_text(item, &s, lang)),
                    Cell::text(format!(
                        "{} – {}",
                        point_text(item, s.q1, lang),
                        point_text(item, s.q3, lang)
                    )),
                    Cell::text(value_label(
                        item,
                        s.consensus.max(*item.values().start()),
                        lang,
                    )),
                ]),
                // Spans the columns left.
                None => cells.push(Cell::text(w.nothing_yet)),
            }
            Row {
                class: if disagree { "disagree" } else { "" },
                head: item_title(item, lang),
                badge: if disagree { w.to_discuss } else { "" },
                cells,
            }
        })
        .collect();
    let table = Table {
        class: "data workshop-table",
        caption: None,
        head: [
            w.col_item,
            w.col_answers,
            w.col_median,
            w.col_range,
            w.col_iqr,
            w.col_consensus,
        ]
        .map(String::from)
        .to_vec(),
        body: rows,
        foot: Vec::new(),
    };
    vec![
        section("report-section", first),
        Block::Chart(Box::new(spread(merged, lang))),
        section(
            "report-section",
            vec![
                Block::Heading {
                    level: 2,
                    class: "",
                    text: w.table_heading.into(),
                },
                super::para("hint", w.priority_scale),
                // Scrolls sideways on a phone: a region the keyboard can scroll too.
                Block::Group {
                    tag: Tag::Scroll(w.table_heading),
                    class: "table-scroll",
                    blocks: vec![Block::Table(table)],
                },
            ],
        ),
    ]
}

/// For each area: a line from the lowest to the highest answer, a box over the middle half and a
/// dot at the median. The table after it carries the same figures as text (so the chart has no
/// table of its own).
pub fn spread(merged: &Workshop, lang: Lang) -> Chart {
    let w = &lang.ui().workshop;
    const X0: i32 = 270;
    const W: i32 = 310;
    const ROW: i32 = 40;
    // Quarter steps: a median or quartile may be x.5, and then sits between two ticks.
    let x = |v: f64| X0 + (f64::from(W) * v / 4.0).round() as i32;
    let height = 30 + ROW * N_AREAS as i32;
    let mut marks = Vec::new();
    for v in 0..=4u8 {
        let at = x(f64::from(v));
        marks.push(Mark::Line {
            class: "grid",
            from: (at, 4),
            to: (at, height - 16),
        });
        marks.push(Mark::Text {
            class: "tick",
            at: (at, height - 2),
            anchor: "middle",
            lines: vec![v.to_string()],
        });
    }
    for (i, area) in AREAS.iter().enumerate() {
        let y = 20 + ROW * i as i32;
        // Wrapped: the longest titles would run off the left edge. One line sits on the row's
        // axis, two straddle it.
        let lines = wrap(area.title.get(lang), 34);
        let top = if lines.len() > 1 { y - 3 } else { y + 5 };
        marks.push(Mark::Text {
            class: "label",
            at: (X0 - 12, top),
            anchor: "end",
            lines,
        });
        if let Some(s) = merged.stats(Item::Area(i)) {
            marks.push(Mark::Line {
                class: "spread-line",
                from: (x(f64::from(s.min)), y),
                to: (x(f64::from(s.max)), y),
            });
            marks.push(Mark::Rect {
                class: "spread-box",
                at: (x(s.q1), y - 7),
                size: ((x(s.q3) - x(s.q1)).max(2), 14),
                hatch: false,
            });
            marks.push(Mark::Circle {
                class: if s.disagreement {
                    "spread-median disagree"
                } else {
                    "spread-median"
                },
                at: (x(s.median), y),
                r: 5,
            });
        }
    }
    Chart {
        key: "spread",
        class: "spread",
        title: w.chart_title.into(),
        desc: w.chart_desc.into(),
        width: 600,
        height,
        left: 0,
        hatch: false,
        marks,
        legend: Legend {
            ordered: false,
            class: "legend",
            keys: vec![
                ("key key-spread", w.legend_range.into()),
                ("key key-median", w.legend_median.into()),
            ],
        },
        table: Table::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::requirement_index;
    use crate::workshop::Counts;

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

    /// Governance answered 0, 2, 2, 4 (to discuss); education 2, 2, 3, 2; nothing else.
    fn room_of_four() -> Workshop {
        let mut w = Workshop::default();
        w.areas[0] = Counts([1, 0, 2, 0, 1]);
        w.areas[1] = Counts([0, 0, 3, 1, 0]);
        w
    }

    fn rows(blocks: &[Block]) -> Vec<Row> {
        let mut out = Vec::new();
        for b in blocks {
            match b {
                Block::Group { blocks, .. } => out.extend(rows(blocks)),
                Block::Table(t) => out.extend(t.body.clone()),
                _ => {}
            }
        }
        out
    }

    #[test]
    fn the_room_shows_each_figure_and_flags_what_to_discuss() {
        let blocks = room(&room_of_four(), Lang::Fr);
        assert_eq!(
            super::super::headings(&blocks),
            ["À discuter en priorité", "Toutes les questions"]
        );
        let rows = rows(&blocks);
        // Six purposes and twelve areas: no checklist in a quick workshop.
        assert_eq!(rows.len(), 18);
        let governance = rows.iter().find(|r| r.head == AREAS[0].title.fr()).unwrap();
        let texts: Vec<&str> = governance.cells.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["4", "2,0", "0 – 4", "1,0 – 3,0", "2 – Planifié"]);
        assert_eq!(
            (governance.class, governance.badge),
            ("disagree", "À discuter")
        );
        let education = rows.iter().find(|r| r.head == AREAS[1].title.fr()).unwrap();
        assert_eq!((education.class, education.badge), ("", ""));
        // No answer: the count, then one cell that says so across the other columns.
        let health = rows.iter().find(|r| r.head == AREAS[3].title.fr()).unwrap();
        let texts: Vec<&str> = health.cells.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["0", "Pas encore de réponse."]);
        let Block::Group { blocks: first, .. } = &blocks[0] else {
            panic!("the first section")
        };
        let Some(Block::List(list)) = first.last() else {
            panic!("the list to discuss")
        };
        assert_eq!(list.items.len(), 1);
        assert_eq!(list.label, "À discuter en priorité");
    }

    #[test]
    fn the_spread_chart_marks_each_answered_area_only() {
        let chart = spread(&room_of_four(), Lang::En);
        let count = |class: &str| {
            chart
                .marks
                .iter()
                .filter(|m| match m {
                    Mark::Line { class: c, .. }
                    | Mark::Circle { class: c, .. }
                    | Mark::Rect { class: c, .. } => *c == class,
                    _ => false,
                })
                .count()
        };
        assert_eq!(count("spread-line"), 2);
        assert_eq!(count("spread-box"), 2);
        assert_eq!(count("spread-median disagree"), 1);
        assert_eq!(count("spread-median"), 1);
        // Governance: from 0 (x 270) to 4 (x 580), its middle half from 1 to 3, its median at 2.
        assert!(chart.marks.contains(&Mark::Line {
            class: "spread-line",
            from: (270, 20),
            to: (580, 20)
        }));
        assert!(chart.marks.contains(&Mark::Rect {
            class: "spread-box",
            at: (348, 13),
            size: (155, 14),
            hatch: false
        }));
        assert!(chart.marks.contains(&Mark::Circle {
            class: "spread-median disagree",
            at: (425, 20),
            r: 5
        }));
        // Its figures are in the table beside it: no table of its own.
        assert!(chart.table.head.is_empty());
    }
}
