//! The build script: turns the content data files (`content/framework.toml`, then the content version 2 files) into
//! Rust statics (`$OUT_DIR/content.rs`), so the app ships the framework's texts as plain data and no
//! TOML parser. Structural mistakes in the content (a missing
//! language, an unknown id, an incomplete matrix) fail the build with a message naming the place;
//! `core/tests/content.rs` checks the generated statics once more from the outside.

use serde::Deserialize;
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::{env, fs, path::Path};

mod content_v2;
mod fingerprint;
mod texts;

use content_v2::content_v2;
use fingerprint::{fingerprint, pack_fingerprint};
use texts::{check_ids, fail, tables, text, texts};

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
