//! Turns the content data files (`content/framework.toml`, then the content version 2 files) into
//! Rust statics (`$OUT_DIR/content.rs`), so the app ships the framework's texts as plain data and no
//! TOML parser. Structural mistakes in the content (a missing
//! language, an unknown id, an incomplete matrix) fail the build with a message naming the place;
//! `core/tests/content.rs` checks the generated statics once more from the outside.

use serde::Deserialize;
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::{env, fs, path::Path};

const PURPOSE_IDS: [&str; 6] = [
    "attractiveness",
    "environment",
    "resilience",
    "resources",
    "cohesion",
    "wellbeing",
];
const AREA_IDS: [&str; 12] = [
    "governance",
    "education",
    "innovation",
    "health",
    "culture",
    "living-together",
    "economy",
    "living-environment",
    "safety",
    "infrastructure",
    "mobility",
    "biodiversity",
];
const CLAUSE_IDS: [&str; 7] = [
    "context",
    "leadership",
    "planning",
    "support",
    "operation",
    "evaluation",
    "improvement",
];
const LEVEL_IDS: [&str; 5] = [
    "not-started",
    "emerging",
    "planned",
    "implemented",
    "improving",
];
const NON_ANSWER_IDS: [&str; 2] = ["na", "unknown"];
const PRIORITY_IDS: [&str; 3] = ["low", "medium", "high"];
const CONTRIBUTION_IDS: [&str; 3] = ["none", "some", "strong"];
const PHASE_IDS: [&str; 4] = ["plan", "do", "check", "act"];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Text {
    fr: String,
    en: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Meta {
    framework_id: String,
    edition: String,
    content_version: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Level {
    value: u8,
    id: String,
    title: Text,
    descriptor: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NonAnswer {
    id: String,
    title: Text,
    descriptor: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Priority {
    id: String,
    weight: u8,
    title: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ContributionLevel {
    value: u8,
    id: String,
    title: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Phase {
    id: String,
    title: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Purpose {
    id: String,
    title: Text,
    description: Text,
    questions: Vec<Text>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Area {
    id: String,
    clause: String,
    title: Text,
    description: Text,
    questions: Vec<Text>,
    indicator_themes: Vec<String>,
    contributions: std::collections::BTreeMap<String, i64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Clause {
    id: String,
    clause: String,
    phase: String,
    title: Text,
    description: Text,
    questions: Vec<Text>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Theme {
    id: String,
    title: Text,
    standards: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Content {
    meta: Meta,
    levels: Vec<Level>,
    non_answers: Vec<NonAnswer>,
    priorities: Vec<Priority>,
    contribution_levels: Vec<ContributionLevel>,
    phases: Vec<Phase>,
    purposes: Vec<Purpose>,
    areas: Vec<Area>,
    clauses: Vec<Clause>,
    indicator_themes: Vec<Theme>,
}

fn fail(msg: String) -> ! {
    panic!("content/framework.toml: {msg}")
}

fn check_ids<'a>(what: &str, found: impl Iterator<Item = &'a str>, expected: &[&str]) {
    let found: Vec<&str> = found.collect();
    if found != expected {
        fail(format!(
            "{what} must be, in this order, {expected:?}; found {found:?}"
        ));
    }
}

fn text(t: &Text, place: &str) -> String {
    for (lang, s) in [("fr", &t.fr), ("en", &t.en)] {
        if s.trim().is_empty() {
            fail(format!("{place}.{lang} is empty"));
        }
    }
    format!("Text({})", intern(&t.fr, &t.en))
}

thread_local! {
    /// Every content text, each (French, English) pair once, in the order first met.
    static TABLE: std::cell::RefCell<Vec<(String, String)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The index of a text in the tables `FR_TEXTS` and `EN_TEXTS`.
fn intern(fr: &str, en: &str) -> usize {
    TABLE.with_borrow_mut(|table| {
        table
            .iter()
            .position(|(f, e)| f == fr && e == en)
            .unwrap_or_else(|| {
                table.push((fr.to_string(), en.to_string()));
                table.len() - 1
            })
    })
}

/// The texts of each language as arrays, a content `Text` being an index into them. French is
/// always compiled in; English everywhere but in the app's wasm (`cfg(all_languages)`), which gets
/// it at run time from the language pack `i18n::pack` reads.
fn tables() -> String {
    TABLE.with_borrow(|table| {
        let n = table.len();
        let list = |pick: fn(&(String, String)) -> &String| {
            table
                .iter()
                .map(|t| format!("{:?}", pick(t)))
                .collect::<Vec<_>>()
                .join(",\n    ")
        };
        format!(
            "pub const N_TEXTS: usize = {n};\n\
             pub static FR_TEXTS: [&str; {n}] = [\n    {}\n];\n\
             #[cfg(all_languages)]\n\
             pub static EN_TEXTS: [&str; {n}] = [\n    {}\n];\n",
            list(|t| &t.0),
            list(|t| &t.1)
        )
    })
}

fn texts(ts: &[Text], place: &str) -> String {
    if ts.is_empty() {
        fail(format!("{place} has no entry"));
    }
    let items: Vec<String> = ts
        .iter()
        .enumerate()
        .map(|(i, t)| text(t, &format!("{place}[{i}]")))
        .collect();
    format!("&[{}]", items.join(", "))
}

/// Every content data file in `content/`, in the order the fingerprint reads them. A new data file
/// is added here, so that `content_version` has to move when it changes.
const CONTENT_FILES: [&str; 5] = [
    "framework.toml",
    "requirements.toml",
    "holders.toml",
    "indicators.toml",
    "reading.toml",
];

/// FNV-1a, 64 bits, over all of `CONTENT_FILES`: each file's name, a NUL, its bytes (carriage
/// returns left out, so a Windows checkout gives the same value) and a NUL. Enough to notice that
/// the content changed (core/tests/content.rs compares it with content/content.lock), and small enough
/// to write here.
fn fingerprint() -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for name in CONTENT_FILES {
        let path = Path::new("../content").join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        let bytes = fs::read(&path).unwrap_or_else(|e| panic!("content/{name}: cannot read: {e}"));
        let content = bytes.iter().copied().filter(|&b| b != b'\r');
        for b in name.bytes().chain([0]).chain(content).chain([0]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

/// What a language pack's layout and words come from: the content files and the interface's
/// tables. The wasm and the pack the same sources build agree on it (`i18n::pack`).
fn pack_fingerprint() -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let sources = CONTENT_FILES
        .iter()
        .map(|name| Path::new("../content").join(name))
        .chain(["mod.rs", "en.rs", "fr.rs"].map(|f| Path::new("src/i18n").join(f)));
    for path in sources {
        println!("cargo:rerun-if-changed={}", path.display());
        let bytes =
            fs::read(&path).unwrap_or_else(|e| panic!("{}: cannot read: {e}", path.display()));
        for b in bytes.into_iter().filter(|&b| b != b'\r').chain([0]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

fn main() {
    let path = Path::new("../content/framework.toml");
    println!("cargo:rerun-if-changed={}", path.display());
    let raw = fs::read(path).unwrap_or_else(|e| fail(format!("cannot read: {e}")));
    let source = String::from_utf8(raw).unwrap_or_else(|_| fail("not UTF-8".into()));
    let c: Content = toml::from_str(&source).unwrap_or_else(|e| fail(e.to_string()));

    check_ids("levels", c.levels.iter().map(|l| l.id.as_str()), &LEVEL_IDS);
    check_ids(
        "non_answers",
        c.non_answers.iter().map(|l| l.id.as_str()),
        &NON_ANSWER_IDS,
    );
    check_ids(
        "priorities",
        c.priorities.iter().map(|l| l.id.as_str()),
        &PRIORITY_IDS,
    );
    check_ids(
        "contribution_levels",
        c.contribution_levels.iter().map(|l| l.id.as_str()),
        &CONTRIBUTION_IDS,
    );
    check_ids("phases", c.phases.iter().map(|l| l.id.as_str()), &PHASE_IDS);
    check_ids(
        "purposes",
        c.purposes.iter().map(|l| l.id.as_str()),
        &PURPOSE_IDS,
    );
    check_ids("areas", c.areas.iter().map(|l| l.id.as_str()), &AREA_IDS);
    check_ids(
        "clauses",
        c.clauses.iter().map(|l| l.id.as_str()),
        &CLAUSE_IDS,
    );
    let theme_ids: Vec<&str> = c.indicator_themes.iter().map(|t| t.id.as_str()).collect();
    let unique: BTreeSet<&str> = theme_ids.iter().copied().collect();
    if unique.len() != theme_ids.len() {
        fail("indicator_themes: an id is used twice".into());
    }

    let mut o = String::new();
    let m = &c.meta;
    for (k, v) in [
        ("FRAMEWORK_ID", &m.framework_id),
        ("EDITION", &m.edition),
        ("CONTENT_VERSION", &m.content_version),
    ] {
        writeln!(o, "pub const {k}: &str = {v:?};").unwrap();
    }
    // All the content data files, not framework.toml alone (content version 2.0.0 on).
    writeln!(
        o,
        "pub const CONTENT_FINGERPRINT: &str = {:?};",
        fingerprint()
    )
    .unwrap();

    o.push_str("pub static LEVELS: [LevelInfo; 5] = [\n");
    for (i, l) in c.levels.iter().enumerate() {
        if usize::from(l.value) != i {
            fail(format!("levels[{i}].value must be {i}"));
        }
        let place = format!("levels.{}", l.id);
        writeln!(
            o,
            "    LevelInfo {{ value: {}, id: {:?}, title: {}, descriptor: {} }},",
            l.value,
            l.id,
            text(&l.title, &format!("{place}.title")),
            text(&l.descriptor, &format!("{place}.descriptor"))
        )
        .unwrap();
    }
    o.push_str("];\n");

    o.push_str("pub static NON_ANSWERS: [NonAnswerInfo; 2] = [\n");
    for l in &c.non_answers {
        let place = format!("non_answers.{}", l.id);
        writeln!(
            o,
            "    NonAnswerInfo {{ id: {:?}, title: {}, descriptor: {} }},",
            l.id,
            text(&l.title, &format!("{place}.title")),
            text(&l.descriptor, &format!("{place}.descriptor"))
        )
        .unwrap();
    }
    o.push_str("];\n");

    o.push_str("pub static PRIORITIES: [PriorityInfo; 3] = [\n");
    for (i, p) in c.priorities.iter().enumerate() {
        if usize::from(p.weight) != i + 1 {
            fail(format!("priorities.{}.weight must be {}", p.id, i + 1));
        }
        let t = text(&p.title, &format!("priorities.{}.title", p.id));
        writeln!(
            o,
            "    PriorityInfo {{ id: {:?}, weight: {}, title: {t} }},",
            p.id, p.weight
        )
        .unwrap();
    }
    o.push_str("];\n");

    o.push_str("pub static CONTRIBUTION_LEVELS: [ContributionInfo; 3] = [\n");
    for (i, p) in c.contribution_levels.iter().enumerate() {
        if usize::from(p.value) != i {
            fail(format!("contribution_levels.{}.value must be {i}", p.id));
        }
        let t = text(&p.title, &format!("contribution_levels.{}.title", p.id));
        writeln!(
            o,
            "    ContributionInfo {{ value: {}, id: {:?}, title: {t} }},",
            p.value, p.id
        )
        .unwrap();
    }
    o.push_str("];\n");

    o.push_str("pub static PHASES: [PhaseInfo; 4] = [\n");
    for p in &c.phases {
        let members: Vec<String> = c
            .clauses
            .iter()
            .enumerate()
            .filter(|(_, cl)| cl.phase == p.id)
            .map(|(i, _)| i.to_string())
            .collect();
        if members.is_empty() {
            fail(format!("phase {} has no clause", p.id));
        }
        let t = text(&p.title, &format!("phases.{}.title", p.id));
        writeln!(
            o,
            "    PhaseInfo {{ id: {:?}, title: {t}, clauses: &[{}] }},",
            p.id,
            members.join(", ")
        )
        .unwrap();
    }
    o.push_str("];\n");

    o.push_str("pub static PURPOSES: [Purpose; 6] = [\n");
    for p in &c.purposes {
        let place = format!("purposes.{}", p.id);
        writeln!(
            o,
            "    Purpose {{ id: {:?}, title: {}, description: {}, questions: {} }},",
            p.id,
            text(&p.title, &format!("{place}.title")),
            text(&p.description, &format!("{place}.description")),
            texts(&p.questions, &format!("{place}.questions"))
        )
        .unwrap();
    }
    o.push_str("];\n");

    let mut used_themes = BTreeSet::new();
    o.push_str("pub static AREAS: [Area; 12] = [\n");
    for a in &c.areas {
        let place = format!("areas.{}", a.id);
        let mut row = Vec::new();
        for pid in PURPOSE_IDS {
            let v = match a.contributions.get(pid) {
                Some(v) if (0..=2).contains(v) => *v,
                Some(other) => fail(format!(
                    "{place}.contributions.{pid}: {other} is not 0, 1 or 2"
                )),
                None => fail(format!("{place}.contributions lacks {pid}")),
            };
            row.push(v.to_string());
        }
        if let Some(k) = a
            .contributions
            .keys()
            .find(|k| !PURPOSE_IDS.contains(&k.as_str()))
        {
            fail(format!("{place}.contributions: {k} is not a purpose"));
        }
        let mut themes = Vec::new();
        for t in &a.indicator_themes {
            match theme_ids.iter().position(|id| id == t) {
                Some(i) => {
                    used_themes.insert(i);
                    themes.push(i.to_string());
                }
                None => fail(format!("{place}.indicator_themes: {t} is not a theme")),
            }
        }
        writeln!(
            o,
            "    Area {{ id: {:?}, clause: {:?}, title: {}, description: {}, questions: {}, \
             indicator_themes: &[{}], contributions: [{}] }},",
            a.id,
            a.clause,
            text(&a.title, &format!("{place}.title")),
            text(&a.description, &format!("{place}.description")),
            texts(&a.questions, &format!("{place}.questions")),
            themes.join(", "),
            row.join(", ")
        )
        .unwrap();
    }
    o.push_str("];\n");
    if used_themes.len() != theme_ids.len() {
        fail("every indicator theme must be suggested by at least one area".into());
    }

    o.push_str("pub static CLAUSES: [Clause; 7] = [\n");
    for cl in &c.clauses {
        let place = format!("clauses.{}", cl.id);
        let phase = match cl.phase.as_str() {
            "plan" => "Pdca::Plan",
            "do" => "Pdca::Do",
            "check" => "Pdca::Check",
            "act" => "Pdca::Act",
            other => fail(format!("{place}.phase: {other} is not a phase")),
        };
        writeln!(
            o,
            "    Clause {{ id: {:?}, clause: {:?}, phase: {phase}, title: {}, description: {}, \
             questions: {} }},",
            cl.id,
            cl.clause,
            text(&cl.title, &format!("{place}.title")),
            text(&cl.description, &format!("{place}.description")),
            texts(&cl.questions, &format!("{place}.questions"))
        )
        .unwrap();
    }
    o.push_str("];\n");

    o.push_str("pub static INDICATOR_THEMES: [IndicatorTheme; ");
    writeln!(o, "{}] = [", c.indicator_themes.len()).unwrap();
    for t in &c.indicator_themes {
        if t.standards.is_empty() {
            fail(format!("indicator_themes.{}.standards is empty", t.id));
        }
        writeln!(
            o,
            "    IndicatorTheme {{ id: {:?}, title: {}, standards: &{:?} }},",
            t.id,
            text(&t.title, &format!("indicator_themes.{}.title", t.id)),
            t.standards
        )
        .unwrap();
    }
    o.push_str("];\n");

    o.push_str(&content_v2(&theme_ids));
    o.push_str(&tables());

    println!(
        "cargo:rustc-env=AUTODIAG_PACK_FINGERPRINT={}",
        pack_fingerprint()
    );
    // Every language compiled in, except in the app's wasm (see the feature in Cargo.toml).
    println!("cargo::rustc-check-cfg=cfg(all_languages)");
    let wasm = env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    if !wasm || env::var_os("CARGO_FEATURE_ALL_LANGUAGES").is_some() {
        println!("cargo:rustc-cfg=all_languages");
    }

    let out = Path::new(&env::var("OUT_DIR").unwrap()).join("content.rs");
    fs::write(out, o).unwrap();
}

// ---- Content version 2 (issue 11): the requirements checklist, who holds each area, indicators a
// small community can follow, further reading. Each file is checked here as framework.toml is.

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

fn opt_text(t: &Option<Text>, place: &str) -> String {
    t.as_ref()
        .map_or("None".into(), |t| format!("Some({})", text(t, place)))
}

/// A slug of an id: lowercase ASCII letters, digits and hyphens.
fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn content_v2(theme_ids: &[&str]) -> String {
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
        text(&r.evidence_field.help, "evidence_field.help")
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
            text(&q.evidence_hint, &format!("{place}.evidence_hint")),
            opt_text(&q.help, &format!("{place}.help"))
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
        text(&h.question.help, "question.help")
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
            text(&x.hint, &format!("{place}.hint")),
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
            text(&t.finding, &format!("{place}.finding")),
            texts_in(&t.actions, &format!("{place}.actions"))
        )
        .unwrap();
    }
    o.push_str("];\n");
    writeln!(
        o,
        "pub static NOBODY_FLAG: Flag = Flag {{ title: {}, finding: {}, actions: {} }};",
        text(&h.nobody_flag.title, "nobody_flag.title"),
        text(&h.nobody_flag.finding, "nobody_flag.finding"),
        texts_in(&h.nobody_flag.actions, "nobody_flag.actions")
    )
    .unwrap();
    writeln!(
        o,
        "pub static UNKNOWN_FIND_OUT: Text = {};",
        text(&h.unknown_find_out.text, "unknown_find_out.text")
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
            text(&x.unit_hint, &format!("{place}.unit_hint")),
            text(&x.source_hint, &format!("{place}.source_hint"))
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
