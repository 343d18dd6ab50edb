//! Content version 2 (issue 11): the requirements checklist, who holds each area, indicators a
//! small community can follow, further reading. Each file is checked here as framework.toml is.

use serde::Deserialize;
use std::{fs, path::Path};

use super::texts::*;
use super::*;

const REQUIREMENT_IDS: [&str; 27] = [
    "context.issues",
    "context.climate",
    "context.parties",
    "context.scope",
    "context.system",
    "context.purposes",
    "leadership.commitment",
    "leadership.policy",
    "leadership.roles",
    "planning.risks",
    "planning.obligations",
    "planning.objectives",
    "planning.plans",
    "planning.strategy",
    "support.resources",
    "support.competence",
    "support.awareness",
    "support.communication",
    "support.documents",
    "operation.control",
    "operation.projects",
    "operation.partners",
    "evaluation.monitoring",
    "evaluation.audit",
    "evaluation.review",
    "improvement.corrective",
    "improvement.continual",
];
const REQUIREMENT_ANSWER_IDS: [&str; 5] = ["yes", "partly", "no", "na", "unknown"];
const HOLDER_IDS: [&str; 7] = [
    "community",
    "intermunicipal",
    "utility",
    "higher",
    "shared",
    "nobody",
    "unknown",
];
/// Holders that are another body: the wording speaks of taking part, never of failing to act.
const OTHER_BODY_HOLDERS: [&str; 3] = ["intermunicipal", "utility", "higher"];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Described {
    id: String,
    title: Text,
    descriptor: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LabelHelp {
    label: Text,
    help: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Requirement {
    id: String,
    clause: String,
    hls: Option<String>,
    title: Text,
    question: Text,
    evidence_hint: Text,
    help: Option<Text>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RequirementsFile {
    answers: Vec<Described>,
    evidence_field: LabelHelp,
    requirements: Vec<Requirement>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TitleHelp {
    title: Text,
    help: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Holder {
    id: String,
    title: Text,
    hint: Text,
    in_sentence: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OneText {
    text: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Participation {
    value: u8,
    descriptor: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HolderTemplate {
    holder: String,
    finding: Text,
    actions: Vec<Text>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Flag {
    title: Text,
    finding: Text,
    actions: Vec<Text>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HoldersFile {
    question: TitleHelp,
    holders: Vec<Holder>,
    level_note: OneText,
    participation_levels: Vec<Participation>,
    holder_templates: Vec<HolderTemplate>,
    nobody_flag: Flag,
    unknown_find_out: OneText,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Indicator {
    id: String,
    area: String,
    title: Text,
    unit_hint: Text,
    source_hint: Text,
    theme: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IndicatorsFile {
    indicators: Vec<Indicator>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Link {
    id: String,
    url: String,
    lang: String,
    title: Text,
    what: Text,
    /// Where and when the link was confirmed: kept in the data, never shipped.
    #[allow(dead_code)]
    checked: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReadingFile {
    links: Vec<Link>,
}

fn load<T: serde::de::DeserializeOwned>(name: &str) -> T {
    let path = Path::new("../content").join(name);
    println!("cargo:rerun-if-changed={}", path.display());
    let source =
        fs::read_to_string(&path).unwrap_or_else(|e| panic!("content/{name}: cannot read: {e}"));
    toml::from_str(&source).unwrap_or_else(|e| panic!("content/{name}: {e}"))
}

fn fail_in(file: &str, msg: String) -> ! {
    panic!("content/{file}: {msg}")
}

fn texts_in(ts: &[Text], place: &str) -> String {
    texts(ts, place)
}

/// A slug of an id: lowercase ASCII letters, digits and hyphens.
fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

pub(crate) fn content_v2(theme_ids: &[&str]) -> String {
    let mut o = String::new();

    let r: RequirementsFile = load("requirements.toml");
    let f = "requirements.toml";
    if r.answers
        .iter()
        .map(|a| a.id.as_str())
        .ne(REQUIREMENT_ANSWER_IDS)
    {
        fail_in(
            f,
            format!("answers must be, in this order, {REQUIREMENT_ANSWER_IDS:?}"),
        );
    }
    if r.requirements
        .iter()
        .map(|q| q.id.as_str())
        .ne(REQUIREMENT_IDS)
    {
        fail_in(
            f,
            format!("requirements must be, in this order, {REQUIREMENT_IDS:?}"),
        );
    }
    o.push_str("pub static REQUIREMENT_ANSWERS: [RequirementAnswer; 5] = [\n");
    for a in &r.answers {
        let place = format!("answers.{}", a.id);
        writeln!(
            o,
            "    RequirementAnswer {{ id: {:?}, title: {}, descriptor: {} }},",
            a.id,
            text(&a.title, &format!("{place}.title")),
            text(&a.descriptor, &format!("{place}.descriptor"))
        )
        .unwrap();
    }
    o.push_str("];\n");
    writeln!(
        o,
        "pub static EVIDENCE_FIELD: LabelHelp = LabelHelp {{ label: {}, help: {} }};",
        text(&r.evidence_field.label, "evidence_field.label"),
        hint(&r.evidence_field.help, "evidence_field.help")
    )
    .unwrap();
    o.push_str("pub static REQUIREMENTS: [Requirement; 27] = [\n");
    for q in &r.requirements {
        let place = format!("requirements.{}", q.id);
        let Some(clause) = CLAUSE_IDS.iter().position(|c| *c == q.clause) else {
            fail_in(f, format!("{place}.clause: {} is not a clause", q.clause));
        };
        if q.id.split_once('.').map(|(c, _)| c) != Some(q.clause.as_str()) {
            fail_in(f, format!("{place} does not belong to clause {}", q.clause));
        }
        writeln!(
            o,
            "    Requirement {{ id: {:?}, clause: {clause}, hls: {:?}, title: {}, question: {}, \
             evidence_hint: {}, help: {} }},",
            q.id,
            q.hls,
            text(&q.title, &format!("{place}.title")),
            text(&q.question, &format!("{place}.question")),
            hint(&q.evidence_hint, &format!("{place}.evidence_hint")),
            opt_hint(&q.help, &format!("{place}.help"))
        )
        .unwrap();
    }
    o.push_str("];\n");

    let h: HoldersFile = load("holders.toml");
    let f = "holders.toml";
    if h.holders.iter().map(|x| x.id.as_str()).ne(HOLDER_IDS) {
        fail_in(f, format!("holders must be, in this order, {HOLDER_IDS:?}"));
    }
    writeln!(
        o,
        "pub static HOLDER_QUESTION: TitleHelp = TitleHelp {{ title: {}, help: {} }};",
        text(&h.question.title, "question.title"),
        hint(&h.question.help, "question.help")
    )
    .unwrap();
    o.push_str("pub static HOLDERS: [HolderInfo; 7] = [\n");
    for x in &h.holders {
        let place = format!("holders.{}", x.id);
        writeln!(
            o,
            "    HolderInfo {{ id: {:?}, title: {}, hint: {}, in_sentence: {} }},",
            x.id,
            text(&x.title, &format!("{place}.title")),
            hint(&x.hint, &format!("{place}.hint")),
            text(&x.in_sentence, &format!("{place}.in_sentence"))
        )
        .unwrap();
    }
    o.push_str("];\n");
    if !h.level_note.text.fr.contains("{holder}") || !h.level_note.text.en.contains("{holder}") {
        fail_in(
            f,
            "level_note.text must name {holder} in both languages".into(),
        );
    }
    writeln!(
        o,
        "pub static HOLDER_LEVEL_NOTE: Text = {};",
        text(&h.level_note.text, "level_note.text")
    )
    .unwrap();
    if h.participation_levels.iter().map(|p| p.value).ne(0..=4) {
        fail_in(f, "participation_levels must be 0 to 4, in order".into());
    }
    let participation: Vec<Text> = h
        .participation_levels
        .into_iter()
        .map(|p| p.descriptor)
        .collect();
    writeln!(
        o,
        "pub static PARTICIPATION_LEVELS: &[Text] = {};",
        texts_in(&participation, "participation_levels")
    )
    .unwrap();
    if h.holder_templates
        .iter()
        .map(|t| t.holder.as_str())
        .ne(OTHER_BODY_HOLDERS)
    {
        fail_in(
            f,
            format!("holder_templates must be, in this order, {OTHER_BODY_HOLDERS:?}"),
        );
    }
    o.push_str("pub static HOLDER_TEMPLATES: [HolderTemplate; 3] = [\n");
    for t in &h.holder_templates {
        let place = format!("holder_templates.{}", t.holder);
        let holder = HOLDER_IDS.iter().position(|x| *x == t.holder).unwrap();
        if !t.finding.fr.contains("{area}") || !t.finding.en.contains("{area}") {
            fail_in(
                f,
                format!("{place}.finding must name {{area}} in both languages"),
            );
        }
        writeln!(
            o,
            "    HolderTemplate {{ holder: {holder}, finding: {}, actions: {} }},",
            note(&t.finding, &format!("{place}.finding")),
            notes(&t.actions, &format!("{place}.actions"))
        )
        .unwrap();
    }
    o.push_str("];\n");
    writeln!(
        o,
        "pub static NOBODY_FLAG: Flag = Flag {{ title: {}, finding: {}, actions: {} }};",
        note(&h.nobody_flag.title, "nobody_flag.title"),
        note(&h.nobody_flag.finding, "nobody_flag.finding"),
        notes(&h.nobody_flag.actions, "nobody_flag.actions")
    )
    .unwrap();
    writeln!(
        o,
        "pub static UNKNOWN_FIND_OUT: Note = {};",
        note(&h.unknown_find_out.text, "unknown_find_out.text")
    )
    .unwrap();

    let ind: IndicatorsFile = load("indicators.toml");
    let f = "indicators.toml";
    let mut seen = BTreeSet::new();
    let mut per_area = [0usize; 12];
    let mut last_area = 0;
    writeln!(
        o,
        "pub static INDICATORS: [Indicator; {}] = [",
        ind.indicators.len()
    )
    .unwrap();
    for x in &ind.indicators {
        let place = format!("indicators.{}", x.id);
        let Some(area) = AREA_IDS.iter().position(|a| *a == x.area) else {
            fail_in(f, format!("{place}.area: {} is not an area", x.area));
        };
        if area < last_area {
            fail_in(
                f,
                format!("{place}: indicators must follow the areas' order"),
            );
        }
        last_area = area;
        match x.id.split_once('.') {
            Some((a, slug)) if a == x.area && is_slug(slug) => {}
            _ => fail_in(f, format!("{place}: the id must be \"{}.<slug>\"", x.area)),
        }
        if !seen.insert(x.id.as_str()) {
            fail_in(f, format!("{place}: the id is used twice"));
        }
        let Some(theme) = theme_ids.iter().position(|t| *t == x.theme) else {
            fail_in(f, format!("{place}.theme: {} is not a theme", x.theme));
        };
        per_area[area] += 1;
        writeln!(
            o,
            "    Indicator {{ id: {:?}, area: {area}, title: {}, unit_hint: {}, source_hint: {}, \
             theme: {theme} }},",
            x.id,
            text(&x.title, &format!("{place}.title")),
            hint(&x.unit_hint, &format!("{place}.unit_hint")),
            hint(&x.source_hint, &format!("{place}.source_hint"))
        )
        .unwrap();
    }
    o.push_str("];\n");
    for (i, n) in per_area.iter().enumerate() {
        if !(3..=5).contains(n) {
            fail_in(
                f,
                format!("area {} has {n} indicators, not 3 to 5", AREA_IDS[i]),
            );
        }
    }

    let reading: ReadingFile = load("reading.toml");
    let f = "reading.toml";
    writeln!(
        o,
        "pub static READING: [ReadingLink; {}] = [",
        reading.links.len()
    )
    .unwrap();
    let mut seen = BTreeSet::new();
    for l in &reading.links {
        let place = format!("links.{}", l.id);
        if !seen.insert(l.id.as_str()) {
            fail_in(f, format!("{place}: the id is used twice"));
        }
        if !(l.url.starts_with("https://") || l.url.starts_with("http://")) {
            fail_in(f, format!("{place}.url: not a web address"));
        }
        if !matches!(l.lang.as_str(), "fr" | "en") {
            fail_in(f, format!("{place}.lang: {} is not fr or en", l.lang));
        }
        writeln!(
            o,
            "    ReadingLink {{ id: {:?}, url: {:?}, lang: {:?}, title: {}, what: {} }},",
            l.id,
            l.url,
            l.lang,
            text(&l.title, &format!("{place}.title")),
            text(&l.what, &format!("{place}.what"))
        )
        .unwrap();
    }
    o.push_str("];\n");
    o
}
