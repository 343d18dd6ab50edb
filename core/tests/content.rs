//! The framework content is complete and consistent: every id once, both languages, the matrix,
//! and a content_version that moves whenever the content does.

#![cfg(not(target_arch = "wasm32"))]

use autodiag_core::content::*;
use autodiag_core::i18n::Lang;
use std::collections::HashSet;

/// A content text or a hint, read the same way (hints live in tables of their own).
#[derive(Clone, Copy)]
enum Words {
    Text(Text),
    Hint(Hint),
    Note(Note),
}

impl Words {
    fn get(&self, lang: Lang) -> &'static str {
        match self {
            Words::Text(t) => t.get(lang),
            Words::Hint(h) => h.get(lang),
            Words::Note(n) => n.get(lang),
        }
    }
    fn fr(&self) -> &'static str {
        self.get(Lang::Fr)
    }
    fn en(&self) -> &'static str {
        self.get(Lang::En)
    }
}

impl From<Text> for Words {
    fn from(t: Text) -> Self {
        Words::Text(t)
    }
}

impl From<Note> for Words {
    fn from(n: Note) -> Self {
        Words::Note(n)
    }
}

impl From<Hint> for Words {
    fn from(h: Hint) -> Self {
        Words::Hint(h)
    }
}

fn push(out: &mut Vec<(String, Words)>, place: String, t: impl Into<Words>) {
    out.push((place, t.into()));
}

fn all_texts() -> Vec<(String, Words)> {
    let mut out = Vec::new();
    for l in &LEVELS {
        push(&mut out, format!("levels.{}.title", l.id), l.title);
        push(
            &mut out,
            format!("levels.{}.descriptor", l.id),
            l.descriptor,
        );
    }
    for n in &NON_ANSWERS {
        push(&mut out, format!("non_answers.{}.title", n.id), n.title);
        push(
            &mut out,
            format!("non_answers.{}.descriptor", n.id),
            n.descriptor,
        );
    }
    for p in &PRIORITIES {
        push(&mut out, format!("priorities.{}", p.id), p.title);
    }
    for c in &CONTRIBUTION_LEVELS {
        push(&mut out, format!("contribution_levels.{}", c.id), c.title);
    }
    for p in &PHASES {
        push(&mut out, format!("phases.{}", p.id), p.title);
    }
    for p in &PURPOSES {
        push(&mut out, format!("purposes.{}.title", p.id), p.title);
        push(
            &mut out,
            format!("purposes.{}.description", p.id),
            p.description,
        );
        for (i, q) in p.questions.iter().enumerate() {
            push(&mut out, format!("purposes.{}.questions[{i}]", p.id), *q);
        }
    }
    for a in &AREAS {
        push(&mut out, format!("areas.{}.title", a.id), a.title);
        push(
            &mut out,
            format!("areas.{}.description", a.id),
            a.description,
        );
        for (i, q) in a.questions.iter().enumerate() {
            push(&mut out, format!("areas.{}.questions[{i}]", a.id), *q);
        }
    }
    for c in &CLAUSES {
        push(&mut out, format!("clauses.{}.title", c.id), c.title);
        push(
            &mut out,
            format!("clauses.{}.description", c.id),
            c.description,
        );
        for (i, q) in c.questions.iter().enumerate() {
            push(&mut out, format!("clauses.{}.questions[{i}]", c.id), *q);
        }
    }
    for t in &INDICATOR_THEMES {
        push(&mut out, format!("indicator_themes.{}", t.id), t.title);
    }
    out.extend(v2_texts());
    out
}

#[test]
fn ids_are_the_standards_in_its_order() {
    let purposes: Vec<_> = PURPOSES.iter().map(|p| p.id).collect();
    assert_eq!(
        purposes,
        [
            "attractiveness",
            "environment",
            "resilience",
            "resources",
            "cohesion",
            "wellbeing"
        ]
    );
    let areas: Vec<_> = AREAS.iter().map(|a| a.id).collect();
    assert_eq!(
        areas,
        [
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
            "biodiversity"
        ]
    );
    let clauses: Vec<_> = CLAUSES.iter().map(|c| (c.id, c.clause)).collect();
    assert_eq!(
        clauses,
        [
            ("context", "4"),
            ("leadership", "5"),
            ("planning", "6"),
            ("support", "7"),
            ("operation", "8"),
            ("evaluation", "9"),
            ("improvement", "10")
        ]
    );
    for (i, a) in AREAS.iter().enumerate() {
        assert_eq!(a.clause, format!("4.6.{}", i + 2), "{}", a.id);
    }
}

#[test]
fn every_id_is_unique_within_its_kind() {
    let kinds: [Vec<&str>; 4] = [
        PURPOSES.iter().map(|p| p.id).collect(),
        AREAS.iter().map(|p| p.id).collect(),
        CLAUSES.iter().map(|p| p.id).collect(),
        INDICATOR_THEMES.iter().map(|p| p.id).collect(),
    ];
    for ids in kinds {
        let unique: HashSet<_> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len(), "{ids:?}");
    }
}

#[test]
fn both_languages_are_complete_and_distinct_where_they_should_be() {
    for (place, t) in all_texts() {
        for lang in [Lang::Fr, Lang::En] {
            let s = t.get(lang);
            assert!(!s.trim().is_empty(), "{place} is empty in {lang:?}");
            assert_eq!(s, s.trim(), "{place} has stray spaces in {lang:?}");
            assert!(!s.contains("  "), "{place} has a double space in {lang:?}");
        }
    }
    // A description copied into the other language by mistake would read the same in both.
    for a in &AREAS {
        assert_ne!(a.description.fr(), a.description.en(), "areas.{}", a.id);
    }
}

#[test]
fn french_uses_its_typography() {
    for (place, t) in all_texts() {
        assert!(!t.fr().contains('\''), "{place}: use ’ in French");
        for mark in [" ?", " !", " ;", " :"] {
            assert!(
                !t.fr().contains(mark),
                "{place}: a breakable space before {mark:?}"
            );
        }
        for twice in ["\u{202f}\u{202f}", "\u{a0}\u{a0}"] {
            assert!(!t.fr().contains(twice), "{place}: a no-break space twice");
        }
        // The community answers as « nous » everywhere, never « je » (content review).
        assert!(!t.fr().contains("Je ne sais pas"), "{place}");
        assert!(!t.en().contains("I don't know"), "{place}");
    }
}

#[test]
fn levels_and_scales_are_complete() {
    let values: Vec<_> = LEVELS.iter().map(|l| l.value).collect();
    assert_eq!(values, [0, 1, 2, 3, 4]);
    let weights: Vec<_> = PRIORITIES.iter().map(|p| p.weight).collect();
    assert_eq!(weights, [1, 2, 3]);
    let non: Vec<_> = NON_ANSWERS.iter().map(|n| n.id).collect();
    assert_eq!(non, ["na", "unknown"]);
}

#[test]
fn the_default_matrix_is_complete_and_discriminates() {
    for a in &AREAS {
        assert!(a.contributions.iter().all(|&c| c <= 2), "{}", a.id);
        assert!(
            a.contributions.contains(&2),
            "{} has no strong contribution",
            a.id
        );
        assert!(
            a.contributions.iter().any(|&c| c < 2),
            "{} is strong everywhere",
            a.id
        );
    }
    for (p, purpose) in PURPOSES.iter().enumerate() {
        let strong = AREAS.iter().filter(|a| a.contributions[p] == 2).count();
        assert!(
            strong >= 2,
            "purpose {} has {strong} strong areas",
            purpose.id
        );
    }
}

#[test]
fn pdca_mapping_covers_each_clause_once() {
    let mut seen = Vec::new();
    for (phase, info) in Pdca::ALL.iter().zip(&PHASES) {
        for &c in info.clauses {
            assert_eq!(CLAUSES[c].phase, *phase);
            seen.push(c);
        }
    }
    seen.sort();
    assert_eq!(seen, (0..N_CLAUSES).collect::<Vec<_>>());
    let plan: Vec<_> = PHASES[0].clauses.iter().map(|&c| CLAUSES[c].id).collect();
    assert_eq!(plan, ["context", "leadership", "planning"]);
    // Support (resources, competence, communication, documents) is carried out: Do, with operation.
    let do_: Vec<_> = PHASES[1].clauses.iter().map(|&c| CLAUSES[c].id).collect();
    assert_eq!(do_, ["support", "operation"]);
    assert_eq!(PHASES[1].title.fr(), "Mettre en œuvre");
    assert_eq!(PHASES[2].title.fr(), "Contrôler");
}

#[test]
fn every_area_suggests_indicator_themes_that_exist() {
    for a in &AREAS {
        assert!(!a.indicator_themes.is_empty(), "{}", a.id);
        for &t in a.indicator_themes {
            assert!(t < INDICATOR_THEMES.len());
        }
    }
}

/// The fingerprint of all the content data files (framework.toml, requirements.toml, holders.toml,
/// indicators.toml, reading.toml; see `CONTENT_FILES` in core/build/fingerprint.rs) is recorded next to its
/// content_version in content/content.lock: changing any of them without bumping the version fails
/// here.
#[test]
fn content_version_moves_with_the_content() {
    let lock = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../content/content.lock"
    ))
    .expect("content/content.lock");
    let entry = format!("{CONTENT_VERSION} {CONTENT_FINGERPRINT}");
    let recorded = lock
        .lines()
        .find(|l| l.starts_with(&format!("{CONTENT_VERSION} ")));
    assert_eq!(
        recorded,
        Some(entry.as_str()),
        "the content (content/*.toml) changed: bump content_version in framework.toml's [meta] \
         if needed and record the line {entry:?} in content/content.lock"
    );
    // A released version's fingerprint never changes: each version appears once.
    let versions: Vec<_> = lock
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split(' ').next())
        .collect();
    let unique: HashSet<_> = versions.iter().collect();
    assert_eq!(unique.len(), versions.len(), "a version is recorded twice");
}

/// Every text of content version 2 (requirements, holders, indicators, further reading).
fn v2_texts() -> Vec<(String, Words)> {
    let mut out = Vec::new();
    for a in &REQUIREMENT_ANSWERS {
        push(&mut out, format!("answers.{}.title", a.id), a.title);
        push(
            &mut out,
            format!("answers.{}.descriptor", a.id),
            a.descriptor,
        );
    }
    push(
        &mut out,
        "evidence_field.label".into(),
        EVIDENCE_FIELD.label,
    );
    push(&mut out, "evidence_field.help".into(), EVIDENCE_FIELD.help);
    for r in &REQUIREMENTS {
        push(&mut out, format!("requirements.{}.title", r.id), r.title);
        push(
            &mut out,
            format!("requirements.{}.question", r.id),
            r.question,
        );
        push(
            &mut out,
            format!("requirements.{}.evidence_hint", r.id),
            r.evidence_hint,
        );
        if let Some(h) = r.help {
            push(&mut out, format!("requirements.{}.help", r.id), h);
        }
    }
    push(
        &mut out,
        "holders.question.title".into(),
        HOLDER_QUESTION.title,
    );
    push(
        &mut out,
        "holders.question.help".into(),
        HOLDER_QUESTION.help,
    );
    for h in &HOLDERS {
        push(&mut out, format!("holders.{}.title", h.id), h.title);
        push(&mut out, format!("holders.{}.hint", h.id), h.hint);
        push(
            &mut out,
            format!("holders.{}.in_sentence", h.id),
            h.in_sentence,
        );
    }
    push(&mut out, "holders.level_note".into(), HOLDER_LEVEL_NOTE);
    for (i, t) in PARTICIPATION_LEVELS.iter().enumerate() {
        push(&mut out, format!("participation_levels[{i}]"), *t);
    }
    for t in &HOLDER_TEMPLATES {
        push(
            &mut out,
            format!("holder_templates.{}.finding", HOLDERS[t.holder].id),
            t.finding,
        );
        for (i, a) in t.actions.iter().enumerate() {
            push(
                &mut out,
                format!("holder_templates.{}.actions[{i}]", HOLDERS[t.holder].id),
                *a,
            );
        }
    }
    push(&mut out, "nobody_flag.title".into(), NOBODY_FLAG.title);
    push(&mut out, "nobody_flag.finding".into(), NOBODY_FLAG.finding);
    push(&mut out, "unknown_find_out".into(), UNKNOWN_FIND_OUT);
    for x in &INDICATORS {
        push(&mut out, format!("indicators.{}.title", x.id), x.title);
        push(
            &mut out,
            format!("indicators.{}.unit_hint", x.id),
            x.unit_hint,
        );
        push(
            &mut out,
            format!("indicators.{}.source_hint", x.id),
            x.source_hint,
        );
    }
    for l in &READING {
        push(&mut out, format!("reading.{}.title", l.id), l.title);
        push(&mut out, format!("reading.{}.what", l.id), l.what);
    }
    out
}

#[test]
fn every_requirement_belongs_to_its_clause_and_every_clause_has_some() {
    let ids: Vec<&str> = REQUIREMENTS.iter().map(|r| r.id).collect();
    assert_eq!(ids.len(), 27);
    assert_eq!(
        ids.iter().collect::<HashSet<_>>().len(),
        27,
        "ids are unique"
    );
    for r in &REQUIREMENTS {
        let (clause, slug) = r.id.split_once('.').unwrap();
        assert_eq!(clause, CLAUSES[r.clause].id, "{}", r.id);
        assert!(!slug.is_empty());
        // A sub-clause number, where shown, lies within its clause.
        if let Some(hls) = r.hls {
            assert!(
                hls.starts_with(CLAUSES[r.clause].clause),
                "{}: § {hls}",
                r.id
            );
        }
    }
    // In the standard's order: clause by clause, never back.
    assert!(REQUIREMENTS.windows(2).all(|w| w[0].clause <= w[1].clause));
    for (i, c) in CLAUSES.iter().enumerate() {
        assert!(
            REQUIREMENTS.iter().any(|r| r.clause == i),
            "{} has none",
            c.id
        );
    }
    // v1's climate question lives on as a requirement of the context.
    assert!(REQUIREMENTS
        .iter()
        .any(|r| r.id == "context.climate" && r.help.is_some()));
    let answers: Vec<&str> = REQUIREMENT_ANSWERS.iter().map(|a| a.id).collect();
    assert_eq!(answers, ["yes", "partly", "no", "na", "unknown"]);
}

#[test]
fn holders_and_their_wording() {
    let ids: Vec<&str> = HOLDERS.iter().map(|h| h.id).collect();
    assert_eq!(
        ids,
        [
            "community",
            "intermunicipal",
            "utility",
            "higher",
            "shared",
            "nobody",
            "unknown"
        ]
    );
    assert_eq!(PARTICIPATION_LEVELS.len(), LEVELS.len());
    for lang in [Lang::Fr, Lang::En] {
        assert!(HOLDER_LEVEL_NOTE.get(lang).contains("{holder}"));
        for t in &HOLDER_TEMPLATES {
            assert!(t.finding.get(lang).contains("{area}"));
            assert!(!t.actions.is_empty());
        }
        assert!(NOBODY_FLAG.finding.get(lang).contains("{area}"));
    }
}

#[test]
fn three_to_five_indicators_per_area_each_under_its_area() {
    let mut seen = HashSet::new();
    for (i, a) in AREAS.iter().enumerate() {
        let mine: Vec<&Indicator> = INDICATORS.iter().filter(|x| x.area == i).collect();
        assert!((3..=5).contains(&mine.len()), "{}: {}", a.id, mine.len());
        for x in mine {
            assert!(x.id.starts_with(&format!("{}.", a.id)), "{}", x.id);
            assert!(x.theme < INDICATOR_THEMES.len());
            assert!(seen.insert(x.id), "{} twice", x.id);
        }
    }
}

#[test]
fn further_reading_links_are_plain_web_addresses() {
    assert!(!READING.is_empty());
    for l in &READING {
        assert!(
            l.url.starts_with("https://") || l.url.starts_with("http://"),
            "{}",
            l.url
        );
        assert!(!l.url.contains(char::is_whitespace), "{}", l.url);
    }
}

/// The model's enumerations index the content's labels by position: their orders must agree.
#[test]
fn model_enumerations_follow_the_content_order() {
    use autodiag_core::model::{Holder, Met};
    let holders: Vec<_> = HOLDERS.iter().map(|h| h.id).collect();
    assert_eq!(holders, Holder::IDS);
    let answers: Vec<_> = REQUIREMENT_ANSWERS.iter().map(|a| a.id).collect();
    assert_eq!(answers, Met::IDS);
    assert_eq!(PARTICIPATION_LEVELS.len(), LEVELS.len());
    for t in &HOLDER_TEMPLATES {
        assert!(
            Holder::ALL[t.holder].is_other_body(),
            "{}",
            HOLDERS[t.holder].id
        );
    }
    // Each area's indicators are contiguous, so a position among them is stable.
    for a in 0..N_AREAS {
        let own = indicators_of(a);
        assert!((3..=MAX_AREA_INDICATORS).contains(&own.len()));
        assert!(own.iter().all(|i| i.area == a));
        assert_eq!(INDICATORS.iter().filter(|i| i.area == a).count(), own.len());
    }
    assert_eq!(N_REQUIREMENTS, 27);
}
