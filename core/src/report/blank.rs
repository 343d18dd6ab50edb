//! The blank questionnaire as data: every question with empty boxes to tick, to print for a
//! meeting on paper. Drawn by the report's renderers, like the profile.

use super::{div, h, list, p, para, Block, Item, List};
use crate::content::{
    requirements_of, Text, AREAS, CLAUSES, HOLDERS, HOLDER_QUESTION, LEVELS, NON_ANSWERS, PHASES,
    PRIORITIES, PURPOSES, REQUIREMENTS, REQUIREMENT_ANSWERS,
};
use crate::i18n::{clause_name, fill, Lang};

/// A row of empty boxes, one per answer.
fn boxes(labels: impl Iterator<Item = String>) -> Block {
    Block::List(List {
        ordered: false,
        class: "boxes",
        label: "",
        items: labels.map(|l| Item::text(format!("☐ {l}"))).collect(),
    })
}

fn level_boxes(lang: Lang, with_non_answers: bool) -> Block {
    let levels = (0..5).map(|l| l.to_string());
    let others = NON_ANSWERS
        .iter()
        .filter(|_| with_non_answers)
        .map(|n| n.title.get(lang).to_string());
    boxes(levels.chain(others))
}

fn questions(texts: &[Text], lang: Lang) -> Block {
    list(
        false,
        "",
        texts.iter().map(|q| Item::text(q.get(lang))).collect(),
    )
}

/// Two ruled lines to write on.
fn lines() -> Block {
    div("write-lines", vec![para("line", ""), para("line", "")])
}

fn label(text: impl Into<String>) -> Block {
    para("box-label", text)
}

/// Everything after the title and the introduction: the scale, the meeting's details, then every
/// purpose, area and clause with its questions and boxes.
pub fn blank(lang: Lang) -> Vec<Block> {
    let ui = lang.ui();
    let scale = LEVELS
        .iter()
        .map(|l| Item {
            parts: vec![
                super::Inline::Strong(format!("{} – {}", l.value, l.title.get(lang))),
                super::Inline::Text(format!("{}{}", lang.colon(), l.descriptor.get(lang))),
            ],
            ..Item::default()
        })
        .collect();
    let mut blocks = vec![
        list(false, "scale", scale),
        div(
            "blank-item",
            [ui.name_label, ui.date_label, ui.participants_label]
                .into_iter()
                .flat_map(|l| [label(l), lines()])
                .collect(),
        ),
        h(2, ui.step_purposes),
    ];
    blocks.extend(PURPOSES.iter().map(|x| {
        div(
            "blank-item",
            vec![
                h(3, x.title.get(lang)),
                p(x.description.get(lang)),
                label(fill(ui.priority_legend, &[x.title.get(lang)])),
                boxes(PRIORITIES.iter().map(|x| x.title.get(lang).to_string())),
            ],
        )
    }));
    blocks.push(h(2, ui.areas_heading));
    blocks.extend(AREAS.iter().map(|a| {
        div(
            "blank-item",
            vec![
                h(3, format!("{} – {}", a.clause, a.title.get(lang))),
                p(a.description.get(lang)),
                questions(a.questions, lang),
                label(HOLDER_QUESTION.title.get(lang)),
                boxes(HOLDERS.iter().map(|h| h.title.get(lang).to_string())),
                label(fill(ui.level_legend, &[a.title.get(lang)])),
                level_boxes(lang, true),
                label(ui.target_legend),
                level_boxes(lang, false),
                label(ui.evidence_label),
                lines(),
            ],
        )
    }));
    blocks.push(h(
        2,
        fill(ui.step_phase, &[""])
            .trim_end_matches([' ', ':', '\u{a0}'])
            .to_string(),
    ));
    blocks.extend(PHASES.iter().flat_map(|ph| ph.clauses.iter()).map(|&c| {
        let cl = &CLAUSES[c];
        let mut item = vec![h(3, clause_name(c, lang)), questions(cl.questions, lang)];
        for r in requirements_of(c) {
            item.push(label(REQUIREMENTS[r].question.get(lang)));
            item.push(boxes(
                REQUIREMENT_ANSWERS
                    .iter()
                    .map(|x| x.title.get(lang).to_string()),
            ));
        }
        item.push(label(fill(ui.clause_level_legend, &[cl.title.get(lang)])));
        item.push(level_boxes(lang, true));
        div("blank-item", item)
    }));
    blocks.push(para("report-footer", ui.footer));
    blocks
}
