//! The report as data: everything the review, the maturity profile and the printed report show,
//! as plain values (sections, headings, facts, tables, lists, charts) built once per revision from
//! the assessment and its scores. The app draws each shape with one small renderer
//! (`src/components/render.rs`); what the user acts on (buttons, the action plan's form, the share
//! panel) stays in the views and is marked here by a `Slot` or an `Inline` action. The documents a
//! council edits read the same values.
//!
//! Every figure and sentence comes from `scoring`, `findings` and `numbers`: this module only
//! arranges them, so that each (the headline figures, the purposes table, a priority's title) is
//! written once.

pub mod blank;
pub mod chart;
pub mod workshop;

use crate::compare::Comparison;
use crate::content::{
    indicators_of, requirements_of, Pdca, AREAS, CLAUSES, CONTENT_VERSION, NOBODY_FLAG,
    N_REQUIREMENTS, PURPOSES, READING, REQUIREMENTS,
};
use crate::findings::{
    demonstrated_summary, gaps, holder_findings, met_summary, mismatches, priority_reason,
    strengths, unknown_text, unknown_texts,
};
use crate::i18n::{answer_text, clause_name, holder_info, met_text, priority_title};
use crate::i18n::{fill, Lang};
use crate::model::{Assessment, Mode};
use crate::numbers::{percent, points, score_text, signed};
use crate::scoring::{unknowns, MetCounts, Scores, Section};
use crate::state::Plan;
use crate::steps::{step_progress, steps, Step};

/// How many suggested priorities the report's first page lists; the action plan has them all.
pub const TOP_PRIORITIES: usize = 3;

/// The element a group of blocks is drawn in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tag {
    Section,
    Div,
    /// A `div` that scrolls sideways (a wide table on a phone): a region named by this label,
    /// which the keyboard can focus and scroll.
    Scroll(&'static str),
}

/// One shape of the report.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// Blocks kept together in a `section` or a `div` of a class (the print layout reads it).
    Group {
        tag: Tag,
        class: &'static str,
        blocks: Vec<Block>,
    },
    Heading {
        level: u8,
        class: &'static str,
        text: String,
    },
    Para {
        class: &'static str,
        text: String,
    },
    /// A paragraph of several pieces (a label in bold, then its text).
    Line(Vec<Inline>),
    /// A description list: a term and its value, some spanning the whole width.
    Facts {
        class: &'static str,
        facts: Vec<Fact>,
    },
    Table(Table),
    List(List),
    Chart(Box<chart::Chart>),
    /// Where the view puts what the user acts on.
    Slot(Slot),
}

/// The interactive parts a view draws in place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    /// Print, download and compare.
    Actions,
    /// The share link and its QR code.
    Share,
    /// The action plan's form.
    ActionPlan,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Fact {
    pub term: String,
    pub value: String,
    /// Spans the whole width of the list.
    pub wide: bool,
}

/// A data table: column headers, then rows that each start with a row header.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Table {
    pub class: &'static str,
    pub caption: Option<String>,
    /// The column headers; an empty first one is a blank corner cell.
    pub head: Vec<String>,
    pub body: Vec<Row>,
    pub foot: Vec<Row>,
}

impl Table {
    /// A data table with no caption and no foot: the charts' text alternatives, the answers.
    pub fn data(head: Vec<String>, body: Vec<Row>) -> Table {
        Table {
            class: "data",
            caption: None,
            head,
            body,
            foot: Vec::new(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Row {
    pub class: &'static str,
    pub head: String,
    /// A mark after the row's header (empty: none).
    pub badge: &'static str,
    /// With fewer cells than columns, the last one spans the columns left.
    pub cells: Vec<Cell>,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Cell {
    /// `num` (figures, right-aligned) or `pre` (free text kept as typed), or none.
    pub class: &'static str,
    pub text: String,
}

impl Cell {
    fn text(text: impl Into<String>) -> Cell {
        Cell {
            class: "",
            text: text.into(),
        }
    }

    fn num(text: impl Into<String>) -> Cell {
        Cell {
            class: "num",
            text: text.into(),
        }
    }

    fn pre(text: impl Into<String>) -> Cell {
        Cell {
            class: "pre",
            text: text.into(),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct List {
    pub ordered: bool,
    pub class: &'static str,
    /// The list's accessible name (empty: none).
    pub label: &'static str,
    pub items: Vec<Item>,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Item {
    pub class: &'static str,
    pub parts: Vec<Inline>,
    pub sub: Option<List>,
}

impl Item {
    fn text(text: impl Into<String>) -> Item {
        Item {
            parts: vec![Inline::Text(text.into())],
            ..Item::default()
        }
    }
}

/// A piece of a list item's line.
#[derive(Clone, Debug, PartialEq)]
pub enum Inline {
    Text(String),
    Strong(String),
    Span {
        class: &'static str,
        text: String,
    },
    /// A link to a step of the walk.
    Goto {
        step: Step,
        label: String,
    },
    /// "Add to the action plan", or the mark that it is there already.
    AddToPlan {
        plan: Plan,
        title: &'static str,
    },
    /// A page to read elsewhere, opened in a new tab.
    Link {
        href: &'static str,
        hreflang: &'static str,
        text: String,
    },
}

fn list(ordered: bool, class: &'static str, items: Vec<Item>) -> Block {
    Block::List(List {
        ordered,
        class,
        label: "",
        items,
    })
}

fn h(level: u8, text: impl Into<String>) -> Block {
    Block::Heading {
        level,
        class: "",
        text: text.into(),
    }
}

fn p(text: impl Into<String>) -> Block {
    para("", text)
}

fn para(class: &'static str, text: impl Into<String>) -> Block {
    Block::Para {
        class,
        text: text.into(),
    }
}

fn section(class: &'static str, blocks: Vec<Block>) -> Block {
    Block::Group {
        tag: Tag::Section,
        class,
        blocks,
    }
}

fn div(class: &'static str, blocks: Vec<Block>) -> Block {
    Block::Group {
        tag: Tag::Div,
        class,
        blocks,
    }
}

/// A list of texts, or `empty` as a paragraph when there are none.
fn texts_or(texts: Vec<String>, empty: &str) -> Block {
    if texts.is_empty() {
        p(empty)
    } else {
        list(false, "", texts.into_iter().map(Item::text).collect())
    }
}

/// An earlier assessment of the same community, as the profile compares with it.
pub struct Earlier<'a> {
    pub change: &'a Comparison,
    /// When it was made, as the reader sees it.
    pub when: &'a str,
}

/// The headline figures: the areas' maturity, completion, and in full mode the management system,
/// its four phases and the requirements met. The review and the profile show the same list.
pub fn headline(a: &Assessment, s: &Scores, lang: Lang) -> Block {
    let ui = lang.ui();
    let fact = |term: &str, value: String| Fact {
        term: term.to_string(),
        value,
        wide: false,
    };
    let mut facts = vec![
        fact(lang.report().overall_label, score_text(s.overall, lang)),
        fact(
            lang.report().completion_label,
            format!(
                "{} ({})",
                percent(s.completion, lang),
                fill(
                    ui.progress,
                    &[&s.answered.to_string(), &s.asked.to_string()]
                )
            ),
        ),
    ];
    if a.mode == Mode::Full {
        facts.push(fact(
            lang.report().management_label,
            score_text(s.management.overall, lang),
        ));
        facts.extend(Pdca::ALL.iter().map(|&ph| {
            fact(
                ph.info().title.get(lang),
                score_text(s.management.phase(ph), lang),
            )
        }));
        let r = &s.requirements;
        facts.push(Fact {
            wide: true,
            ..fact(
                lang.report().demonstrated_label,
                demonstrated_summary(r.demonstrated(), &r.overall, lang),
            )
        });
        facts.push(Fact {
            wide: true,
            ..fact(lang.report().declared_label, met_summary(&r.overall, lang))
        });
    }
    Block::Facts {
        class: "figures",
        facts,
    }
}

/// Each purpose's priority and achievement, with the change since an earlier assessment when
/// there is one: the review's table and the radar's text alternative.
pub fn purposes_table(
    a: &Assessment,
    s: &Scores,
    earlier: Option<&Scores>,
    caption: Option<String>,
    lang: Lang,
) -> Table {
    let ui = lang.ui();
    let mut head = vec![
        lang.report().col_purpose.to_string(),
        lang.report().col_priority.to_string(),
        lang.report().col_achievement.to_string(),
    ];
    if earlier.is_some() {
        head.push(lang.report().col_change.to_string());
    }
    let body = PURPOSES
        .iter()
        .enumerate()
        .map(|(i, purpose)| {
            let mut cells = vec![
                Cell::text(priority_title(a.purposes[i].priority, ui.not_given, lang)),
                Cell::text(score_text(s.purposes[i], lang)),
            ];
            if let Some(e) = earlier {
                let change = s.purposes[i].zip(e.purposes[i]).map(|(x, y)| x - y);
                cells.push(Cell::text(signed(change, lang)));
            }
            Row {
                head: purpose.title.get(lang).to_string(),
                cells,
                ..Row::default()
            }
        })
        .collect();
    Table {
        caption,
        ..Table::data(head, body)
    }
}

/// A share, or "–" where there is none.
fn share_text(share: Option<f64>, lang: Lang) -> String {
    share.map_or_else(|| "–".to_string(), |x| percent(x, lang))
}

/// Per PDCA phase, how many requirements, and the demonstrated and declared shares: Plan holds
/// 14 of the 27, so the phases are read side by side.
pub fn phases_table(s: &Scores, lang: Lang) -> Table {
    let r = &s.requirements;
    let body = Pdca::ALL
        .iter()
        .zip(&r.phases)
        .map(|(ph, c)| Row {
            head: ph.info().title.get(lang).to_string(),
            cells: vec![
                Cell::num(c.asked.to_string()),
                Cell::num(share_text(
                    c.demonstrated().filter(|_| r.has_documents()),
                    lang,
                )),
                Cell::num(share_text(c.share(), lang)),
            ],
            ..Row::default()
        })
        .collect();
    Table {
        class: "data readiness-phases",
        caption: Some(lang.report().phases_caption.to_string()),
        head: [
            lang.report().col_phase,
            lang.report().col_asked,
            lang.report().col_demonstrated,
            lang.report().col_share,
        ]
        .map(String::from)
        .to_vec(),
        body,
        foot: vec![Row {
            head: lang.report().col_total.to_string(),
            cells: vec![
                Cell::num(r.overall.asked.to_string()),
                Cell::num(share_text(r.demonstrated(), lang)),
                Cell::num(share_text(r.overall.share(), lang)),
            ],
            ..Row::default()
        }],
    }
}

/// Per clause, what is met, partly met, not met and still to check, then the total: the view a
/// council reads.
pub fn readiness_table(s: &Scores, lang: Lang) -> Table {
    let r = &s.requirements;
    let documents = r.has_documents();
    let row = |head: String, c: &MetCounts, demonstrated: Option<f64>| {
        let counts = [
            c.yes,
            c.partly,
            c.no,
            c.unknown,
            c.na,
            c.asked - c.answered(),
        ];
        Row {
            head,
            cells: counts
                .iter()
                .map(|n| Cell::num(n.to_string()))
                .chain([
                    Cell::num(share_text(demonstrated.filter(|_| documents), lang)),
                    Cell::num(share_text(c.share(), lang)),
                ])
                .collect(),
            ..Row::default()
        }
    };
    Table {
        class: "data readiness",
        caption: Some(lang.report().readiness_caption.to_string()),
        head: [
            lang.report().col_clause,
            lang.report().col_met,
            lang.report().col_partly,
            lang.report().col_not_met,
            lang.report().col_unknown,
            lang.report().col_na,
            lang.report().col_unanswered,
            lang.report().col_demonstrated,
            lang.report().col_share,
        ]
        .map(String::from)
        .to_vec(),
        body: (0..CLAUSES.len())
            .map(|i| {
                let c = &r.clauses[i];
                row(clause_name(i, lang), c, c.demonstrated())
            })
            .collect(),
        foot: vec![row(
            lang.report().col_total.to_string(),
            &r.overall,
            r.demonstrated(),
        )],
    }
}

/// The requirements answered « Sans objet », each with its reason or « raison manquante »: a
/// declaration of conformity accepts none. `None` when there is none.
pub fn exclusions(a: &Assessment, s: &Scores, lang: Lang) -> Option<Block> {
    if s.requirements.excluded.is_empty() {
        return None;
    }
    let items = s
        .requirements
        .excluded
        .iter()
        .map(|&r| {
            let reason = a.requirements[r].evidence.trim();
            let (class, why) = if reason.is_empty() {
                ("flag", lang.report().reason_missing.to_string())
            } else {
                ("", fill(lang.report().reason_given, &[reason]))
            };
            Item {
                class,
                parts: vec![
                    Inline::Strong(REQUIREMENTS[r].title.get(lang).to_string()),
                    Inline::Text(format!(
                        " ({}) — {why}",
                        clause_name(REQUIREMENTS[r].clause, lang)
                    )),
                ],
                ..Item::default()
            }
        })
        .collect();
    Some(section(
        "report-section exclusions",
        vec![
            h(2, lang.report().exclusions_heading),
            p(lang.report().exclusions_intro),
            list(false, "", items),
        ],
    ))
}

/// The requirements answered `no` or `partly`, clause by clause, each with its answer, its
/// evidence and "add to the action plan".
pub fn unmet(a: &Assessment, s: &Scores, lang: Lang) -> Block {
    if s.requirements.unmet.is_empty() {
        return p(lang.report().unmet_none);
    }
    let groups = (0..CLAUSES.len())
        .filter_map(|c| {
            let items: Vec<Item> = s
                .requirements
                .unmet
                .iter()
                .filter(|&&r| REQUIREMENTS[r].clause == c)
                .map(|&r| {
                    let answer = &a.requirements[r];
                    let title = REQUIREMENTS[r].title.get(lang);
                    let mut parts = vec![
                        Inline::Strong(title.to_string()),
                        Inline::Text(format!(
                            " ({})",
                            answer.met.map_or("", |m| met_text(m, lang))
                        )),
                    ];
                    if !answer.evidence.is_empty() {
                        parts.push(Inline::Span {
                            class: "evidence",
                            text: format!(" — {}", answer.evidence),
                        });
                    }
                    parts.push(Inline::Text(" ".into()));
                    parts.push(Inline::AddToPlan {
                        plan: Plan::Clause(c),
                        title,
                    });
                    Item {
                        parts,
                        ..Item::default()
                    }
                })
                .collect();
            (!items.is_empty()).then(|| {
                div(
                    "unmet-clause",
                    vec![h(3, clause_name(c, lang)), list(false, "", items)],
                )
            })
        })
        .collect();
    div("unmet", groups)
}

/// Plain links the user opens in a new tab; the app never fetches them.
pub fn reading(lang: Lang) -> Block {
    let gap = &lang.ui().gap;
    let items = READING
        .iter()
        .map(|l| Item {
            parts: vec![
                Inline::Link {
                    href: l.url,
                    hreflang: l.lang,
                    text: l.title.get(lang).to_string(),
                },
                Inline::Text(format!(" — {}", l.what.get(lang))),
                Inline::Span {
                    class: "print-only url",
                    text: format!(" ({})", l.url),
                },
            ],
            ..Item::default()
        })
        .collect();
    section(
        "panel report-section reading",
        vec![
            h(2, gap.reading_heading),
            p(gap.reading_intro),
            list(false, "", items),
        ],
    )
}

/// The review step: what is left (each a link to its step), then the first scores.
pub fn review(a: &Assessment, s: &Scores, lang: Lang) -> Vec<Block> {
    let ui = lang.ui();
    let left: Vec<Item> = steps(a)
        .into_iter()
        .filter_map(|st| {
            let (done, asked) = step_progress(a, st);
            (done < asked).then(|| {
                let mut parts = vec![Inline::Goto {
                    step: st,
                    label: st.title(lang),
                }];
                if asked > 1 {
                    parts.push(Inline::Text(format!(
                        " ({})",
                        fill(ui.progress, &[&done.to_string(), &asked.to_string()])
                    )));
                }
                Item {
                    parts,
                    ..Item::default()
                }
            })
        })
        .collect();
    let mut blocks = vec![
        para("lead", lang.report().review_intro),
        h(2, lang.report().left_heading),
    ];
    blocks.push(if left.is_empty() {
        p(lang.report().all_answered)
    } else {
        list(false, "left", left)
    });
    blocks.push(h(2, lang.report().scores_heading));
    blocks.push(headline(a, s, lang));
    if a.mode == Mode::Full {
        blocks.push(h(2, ui.gap.checklist_heading));
        blocks.push(p(fill(
            ui.gap.checklist_progress,
            &[
                &s.requirements.overall.answered().to_string(),
                &N_REQUIREMENTS.to_string(),
            ],
        )));
        blocks.push(h(3, lang.report().unmet_heading));
        blocks.push(unmet(a, s, lang));
    }
    blocks.push(Block::Table(purposes_table(
        a,
        s,
        None,
        Some(lang.report().purpose_scores_heading.to_string()),
        lang,
    )));
    blocks.push(h(2, lang.report().priorities_heading));
    blocks.push(if s.priorities.is_empty() {
        p(lang.report().no_priorities)
    } else {
        let items = s
            .priorities
            .iter()
            .map(|&i| {
                let why = s.areas[i]
                    .map(|x| crate::findings::step_text(&x, lang))
                    .unwrap_or_default();
                Item {
                    parts: vec![
                        Inline::Goto {
                            step: Step::Area(i),
                            label: AREAS[i].title.get(lang).to_string(),
                        },
                        Inline::Text(format!(" – {why}")),
                    ],
                    ..Item::default()
                }
            })
            .collect();
        list(true, "", items)
    });
    let to_find: Vec<Item> = unknowns(a)
        .into_iter()
        .map(|(section, i)| {
            let (label, step) = match section {
                Section::Purpose => (unknown_text(section, i, lang), Step::Purposes),
                Section::Area => (AREAS[i].title.get(lang).to_string(), Step::Area(i)),
                Section::Clause => (
                    CLAUSES[i].title.get(lang).to_string(),
                    Step::Phase(CLAUSES[i].phase),
                ),
                Section::Requirement => (
                    unknown_text(section, i, lang),
                    Step::Phase(CLAUSES[REQUIREMENTS[i].clause].phase),
                ),
                Section::Holder => (unknown_text(section, i, lang), Step::Area(i)),
            };
            Item {
                parts: vec![Inline::Goto { step, label }],
                ..Item::default()
            }
        })
        .collect();
    if !to_find.is_empty() {
        blocks.push(h(2, lang.report().unknowns_heading));
        blocks.push(list(false, "", to_find));
    }
    let out_of_scope: Vec<&str> = AREAS
        .iter()
        .zip(&a.areas)
        .filter(|(_, x)| !x.in_scope)
        .map(|(area, _)| area.title.get(lang))
        .collect();
    if !out_of_scope.is_empty() {
        blocks.push(h(2, lang.report().out_of_scope_heading));
        blocks.push(p(out_of_scope.join(", ")));
    }
    blocks
}

/// The maturity profile: on screen a step of the walk, printed an A4 report.
pub fn profile(
    a: &Assessment,
    s: &Scores,
    earlier: Option<&Earlier>,
    lang: Lang,
    tool: &str,
) -> Vec<Block> {
    let ui = lang.ui();
    let full = a.mode == Mode::Full;
    let mut blocks = vec![
        cover(a, s, lang),
        Block::Slot(Slot::Actions),
        Block::Slot(Slot::Share),
        headline(a, s, lang),
        Block::Chart(Box::new(chart::radar(
            a,
            s,
            earlier.map(|e| (&e.change.earlier, e.when)),
            lang,
        ))),
        top_priorities(a, s, lang),
    ];
    let mut page = Vec::new();
    if full {
        page.push(section(
            "report-section readiness-view",
            vec![
                h(2, lang.report().readiness_heading),
                p(lang.report().readiness_intro),
                p(fill(
                    ui.gap.checklist_progress,
                    &[
                        &s.requirements.overall.answered().to_string(),
                        &s.requirements.overall.asked.to_string(),
                    ],
                )),
                Block::Table(readiness_table(s, lang)),
            ],
        ));
    }
    page.push(Block::Chart(Box::new(chart::bars(
        a,
        s,
        earlier.map(|e| &e.change.earlier),
        lang,
    ))));
    blocks.push(div("report-page", page));
    if full {
        blocks.push(section(
            "report-section unmet-section",
            vec![
                // Per phase: Plan holds 14 of the 27, so the phases are read side by side.
                Block::Table(phases_table(s, lang)),
                h(2, lang.report().unmet_heading),
                para("no-print", lang.report().unmet_intro),
                unmet(a, s, lang),
            ],
        ));
        blocks.extend(exclusions(a, s, lang));
    }
    blocks.extend(findings(a, s, lang));
    blocks.extend(followed_indicators(a, lang));
    if full {
        blocks.push(Block::Chart(Box::new(chart::heatmap(a, lang))));
    }
    if let Some(e) = earlier {
        let mut change = vec![
            h(2, fill(lang.report().change_heading, &[e.when])),
            p(format!(
                "{}{}{}",
                lang.report().overall_label,
                lang.colon(),
                signed(e.change.overall, lang)
            )),
        ];
        if let Some(d) = e.change.requirements.overall {
            change.push(p(format!(
                "{}{}{}",
                lang.report().requirements_met,
                lang.colon(),
                points(d, lang)
            )));
        }
        blocks.push(section("report-section", change));
    }
    blocks.push(Block::Slot(Slot::ActionPlan));
    blocks.push(all_answers(a, lang));
    blocks.push(reading(lang));
    blocks.push(para(
        "report-footer",
        fill(lang.report().report_footer, &[tool]),
    ));
    blocks
}

/// The report's first lines: the community and what it said of itself.
fn cover(a: &Assessment, s: &Scores, lang: Lang) -> Block {
    let ui = lang.ui();
    let c = &a.community;
    let label = |labels: &[&'static str], i: Option<usize>| i.map(|i| labels[i].to_string());
    let text = |t: &str| Some(t.to_string()).filter(|t| !t.is_empty());
    let mode = if a.mode == Mode::Quick {
        ui.mode_quick
    } else {
        ui.mode_full
    };
    let facts = [
        (ui.kind_label, label(&ui.kinds, c.kind.map(|k| k.index()))),
        (
            ui.population_label,
            label(&ui.populations, c.population.map(|k| k.index())),
        ),
        (ui.perimeter_label, text(&c.perimeter)),
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
        (ui.participants_label, text(&c.participants)),
        (ui.col_mode, Some(mode.to_string())),
        (
            lang.report().completion_label,
            Some(percent(s.completion, lang)),
        ),
    ]
    .into_iter()
    .filter_map(|(term, value)| {
        value.map(|value| Fact {
            term: term.to_string(),
            value,
            wide: false,
        })
    })
    .collect();
    let mut blocks = vec![
        para("report-kicker", ui.app_title),
        Block::Heading {
            level: 2,
            class: "report-title",
            text: c.name.clone(),
        },
        Block::Facts {
            class: "facts",
            facts,
        },
        para("notice notice-info", ui.self_assessment_notice),
    ];
    if a.content_version != CONTENT_VERSION {
        blocks.push(para(
            "meta",
            fill(
                lang.report().content_version_note,
                &[&a.content_version, CONTENT_VERSION],
            ),
        ));
    }
    div("report-cover", blocks)
}

/// The suggested priorities with one sentence of why each: on the report's first page.
fn top_priorities(a: &Assessment, s: &Scores, lang: Lang) -> Block {
    let mut blocks = vec![h(2, lang.report().priorities_heading)];
    blocks.push(if s.priorities.is_empty() {
        p(lang.report().no_priorities)
    } else {
        let items = s
            .priorities
            .iter()
            .take(TOP_PRIORITIES)
            .map(|&i| Item::text(priority_reason(a, s, i, lang)))
            .collect();
        list(true, "", items)
    });
    if s.priorities.len() > TOP_PRIORITIES {
        blocks.push(p(fill(
            lang.report().more_priorities,
            &[&(s.priorities.len() - TOP_PRIORITIES).to_string()],
        )));
    }
    section("report-section top-priorities", blocks)
}

/// Strengths, gaps, the areas another body holds (or nobody), the things to find out and the
/// notes given, each section left out when it has nothing to say.
fn findings(a: &Assessment, s: &Scores, lang: Lang) -> Vec<Block> {
    let ui = lang.ui();
    // Each list only when it has something to say: no gap is shown without a target set.
    let mut first = Vec::new();
    for (heading, texts) in [
        (lang.report().strengths_heading, strengths(s, lang)),
        (lang.report().gaps_heading, gaps(a, s, lang)),
        (lang.report().mismatch_heading, mismatches(a, s, lang)),
    ] {
        if !texts.is_empty() {
            first.push(h(2, heading));
            first.push(texts_or(texts, ""));
        }
    }
    let mut blocks = Vec::new();
    if !first.is_empty() {
        blocks.push(section("report-section", first));
    }
    let holders: Vec<Item> = holder_findings(a, lang)
        .into_iter()
        .map(|f| {
            let mut parts = Vec::new();
            if f.nobody {
                parts.push(Inline::Strong(format!(
                    "{}{}",
                    NOBODY_FLAG.title.get(lang),
                    lang.colon()
                )));
            }
            parts.push(Inline::Text(f.text));
            let suggestions = f
                .actions
                .iter()
                .map(|t| Item {
                    parts: vec![
                        Inline::Text(format!("{} ", t.get(lang))),
                        Inline::AddToPlan {
                            plan: Plan::Area(f.area),
                            title: t.get(lang),
                        },
                    ],
                    ..Item::default()
                })
                .collect();
            Item {
                class: if f.nobody { "flag" } else { "" },
                parts,
                sub: Some(List {
                    ordered: false,
                    class: "suggestions",
                    label: "",
                    items: suggestions,
                }),
            }
        })
        .collect();
    if !holders.is_empty() {
        blocks.push(section(
            "report-section holders",
            vec![
                h(2, lang.report().holders_heading),
                list(false, "", holders),
            ],
        ));
    }
    let to_find: Vec<Item> = unknown_texts(a, lang).into_iter().map(Item::text).collect();
    if !to_find.is_empty() {
        blocks.push(section(
            "report-section",
            vec![
                h(2, lang.report().unknowns_heading),
                list(false, "", to_find),
            ],
        ));
    }
    // The community's own notes come first: they frame everything after them.
    let mut notes = Vec::new();
    if !a.community.notes.is_empty() {
        notes.push(div(
            "note",
            vec![
                h(3, ui.step_community),
                para("pre", a.community.notes.clone()),
            ],
        ));
    }
    for (area, x) in AREAS.iter().zip(&a.areas) {
        if x.notes.is_empty() && x.indicators.is_empty() {
            continue;
        }
        let mut note = vec![h(3, area.title.get(lang))];
        if !x.indicators.is_empty() {
            note.push(Block::Line(vec![
                Inline::Strong(format!(
                    "{}{}",
                    lang.report().indicators_label,
                    lang.colon()
                )),
                Inline::Text(x.indicators.clone()),
            ]));
        }
        if !x.notes.is_empty() {
            note.push(para("pre", x.notes.clone()));
        }
        notes.push(div("note", note));
    }
    if !notes.is_empty() {
        let mut all = vec![h(2, lang.report().notes_heading)];
        all.extend(notes);
        blocks.push(section("report-section", all));
    }
    blocks
}

/// The suggested indicators the community follows, area by area, with their latest values.
fn followed_indicators(a: &Assessment, lang: Lang) -> Option<Block> {
    let areas: Vec<Block> = (0..AREAS.len())
        .filter(|&i| a.areas[i].followed.iter().any(Option::is_some))
        .map(|i| {
            let items = indicators_of(i)
                .iter()
                .zip(&a.areas[i].followed)
                .filter_map(|(ind, f)| {
                    let f = f.as_ref()?;
                    let mut value = [f.value.as_str(), f.unit.as_str()]
                        .into_iter()
                        .filter(|x| !x.is_empty())
                        .collect::<Vec<_>>()
                        .join("\u{a0}");
                    if let Some(y) = f.year {
                        value = if value.is_empty() {
                            y.to_string()
                        } else {
                            format!("{value} ({y})")
                        };
                    }
                    let mut parts = vec![Inline::Text(ind.title.get(lang).to_string())];
                    if !value.is_empty() {
                        parts.push(Inline::Text(lang.colon().to_string()));
                        parts.push(Inline::Strong(value));
                    }
                    Some(Item {
                        parts,
                        ..Item::default()
                    })
                })
                .collect();
            div(
                "note",
                vec![h(3, AREAS[i].title.get(lang)), list(false, "", items)],
            )
        })
        .collect();
    if areas.is_empty() {
        return None;
    }
    let mut blocks = vec![h(2, lang.report().followed_heading)];
    blocks.extend(areas);
    Some(section("report-section", blocks))
}

/// Every answer with its notes: the table the printed report ends with.
fn all_answers(a: &Assessment, lang: Lang) -> Block {
    let full = a.mode == Mode::Full;
    let row = |class: &'static str,
               head: &str,
               answer: String,
               target: String,
               holder: &str,
               notes: &str| {
        let mut cells = vec![Cell::text(answer), Cell::text(target)];
        if full {
            cells.push(Cell::text(holder));
        }
        cells.push(Cell::pre(notes));
        Row {
            class,
            head: head.to_string(),
            badge: "",
            cells,
        }
    };
    let mut body: Vec<Row> = PURPOSES
        .iter()
        .zip(&a.purposes)
        .map(|(purpose, x)| {
            row(
                "",
                purpose.title.get(lang),
                priority_title(x.priority, "", lang).to_string(),
                String::new(),
                "",
                "",
            )
        })
        .collect();
    body.extend(AREAS.iter().zip(&a.areas).map(|(area, x)| {
        let answer = if x.in_scope {
            answer_text(x.level, lang)
        } else {
            lang.report().not_assessed.to_string()
        };
        row(
            "",
            area.title.get(lang),
            answer,
            x.target.map(|t| t.get().to_string()).unwrap_or_default(),
            x.holder.map_or("", |h| holder_info(h).title.get(lang)),
            &x.notes,
        )
    }));
    if full {
        for (c, x) in a.clauses.iter().enumerate() {
            body.push(row(
                "",
                &clause_name(c, lang),
                answer_text(x.level, lang),
                String::new(),
                "",
                &x.notes,
            ));
            body.extend(requirements_of(c).map(|r| {
                let ans = &a.requirements[r];
                row(
                    "requirement-row",
                    REQUIREMENTS[r].title.get(lang),
                    ans.met.map_or("", |m| met_text(m, lang)).to_string(),
                    String::new(),
                    "",
                    &ans.evidence,
                )
            }));
        }
    }
    let mut head = vec![
        lang.report().csv_title.to_string(),
        lang.report().csv_level.to_string(),
        lang.report().col_target.to_string(),
    ];
    if full {
        head.push(lang.report().holder_col.to_string());
    }
    head.push(lang.report().csv_notes.to_string());
    section(
        "report-section answers",
        vec![
            h(2, lang.report().answers_heading),
            Block::Table(Table::data(head, body)),
        ],
    )
}

/// Every heading's text, in order: what a reader scanning the report sees first.
pub fn headings(blocks: &[Block]) -> Vec<&str> {
    let mut out = Vec::new();
    for b in blocks {
        match b {
            Block::Heading { text, .. } => out.push(text.as_str()),
            Block::Group { blocks, .. } => out.extend(headings(blocks)),
            _ => {}
        }
    }
    out
}
