//! Version 1 documents, migrated to version 2 on import: real v1 exports kept as fixtures
//! (`tests/fixtures/v1/`, written by the v1 tool: never edit them) and the version 1 example of
//! `docs/spec/format.md` § Examples. Every answer is kept, `climate_relevant` becomes the
//! requirement `context.climate`, and completion keeps its v1 meaning (`docs/spec/format.md`
//! § Migration from version 1).

#![cfg(not(target_arch = "wasm32"))]

mod common;
use autodiag_core::content::{self, requirement_index, AREAS, CLAUSES, PURPOSES, REQUIREMENTS};
use autodiag_core::format::*;
use autodiag_core::i18n::Lang;
use autodiag_core::model::*;
use autodiag_core::scoring;
use serde_json::{json, Value};

/// The version 1 example of `docs/spec/format.md` § Examples (change both together).
const EXAMPLE_V1: &str = r#"{
  "format": "autodiag-37101",
  "version": 1,
  "id": "3b0c6c1e-8f0a-4a8e-9d61-2f0f4b1a7c55",
  "revision": 12,
  "created": "2026-11-28T20:15:00Z",
  "updated": "2026-11-28T21:02:11Z",
  "framework": { "id": "iso-37101", "edition": "2016/Amd 1:2024", "content_version": "1.0.0" },
  "language": "fr",
  "mode": "full",
  "community": {
    "name": "Commune de Saint-Exemple",
    "kind": "commune",
    "population": "2k-10k",
    "perimeter": "whole commune",
    "object": "strategy",
    "scale": "city",
    "phase": "programming",
    "date": "2026-11-28",
    "participants": "Mayor, 2 deputies, DGS",
    "notes": ""
  },
  "purposes": {
    "attractiveness": { "priority": "high" },
    "environment": { "priority": "medium" }
  },
  "areas": {
    "governance": {
      "in_scope": true,
      "level": 2,
      "target": 3,
      "priority": "high",
      "contributions": { "attractiveness": 1, "cohesion": 2 },
      "indicators": "turnout at public meetings",
      "notes": "A participatory budget since 2024.",
      "actions": [ { "title": "Yearly review with residents", "owner": "DGS", "due": "2027-06-30" } ]
    },
    "mobility": { "in_scope": true, "level": "unknown" },
    "biodiversity": { "in_scope": false }
  },
  "clauses": {
    "context": { "level": 1, "climate_relevant": true, "notes": "" },
    "evaluation": { "level": "na" }
  },
  "scores": {
    "completion": 0.42,
    "overall": 2.0,
    "areas": { "governance": { "level": 2, "gap": 1 } },
    "purposes": { "attractiveness": 2.0, "environment": null },
    "management": { "overall": 1.0, "plan": 1.0, "do": null, "check": null, "act": null },
    "priorities": ["governance"]
  }
}"#;

fn import_json(v: &Value) -> Result<Assessment, ImportError> {
    import(v.to_string().as_bytes())
}

fn invalid_at(v: &Value) -> (String, Problem) {
    match import_json(v) {
        Err(ImportError::Invalid { path, problem }) => (path, problem),
        other => panic!("expected an invalid document, got {other:?}"),
    }
}

fn validator(text: &str) -> jsonschema::Validator {
    jsonschema::validator_for(&serde_json::from_str(text).unwrap()).unwrap()
}

/// The v1 fixtures, by file name.
fn fixtures() -> Vec<(String, Value)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/v1");
    let mut out: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            let doc = serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
            (name, doc)
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn fixture(name: &str) -> Value {
    fixtures()
        .into_iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("no fixture {name}"))
        .1
}

fn req(id: &str) -> usize {
    requirement_index(id).unwrap()
}

// --- Reading a v1 document by hand, as version 1 defines it --------------------------------------

fn text(v: Option<&Value>) -> String {
    v.and_then(Value::as_str).unwrap_or_default().to_string()
}

fn pick<T>(v: Option<&Value>, from_id: fn(&str) -> Option<T>) -> Option<T> {
    v.and_then(Value::as_str)
        .map(|s| from_id(s).unwrap_or_else(|| panic!("{s} in a fixture")))
}

fn v1_level(v: Option<&Value>) -> Option<Answer> {
    match v? {
        Value::String(s) if s == "na" => Some(Answer::Na),
        Value::String(s) if s == "unknown" => Some(Answer::Unknown),
        Value::Number(n) => Some(Answer::Level(
            Level::new(u8::try_from(n.as_u64().unwrap()).unwrap()).unwrap(),
        )),
        other => panic!("{other} is not a v1 level"),
    }
}

/// `climate_relevant` of a v1 document: `Some(true)`, `Some(false)` or absent.
fn v1_climate(doc: &Value) -> Option<bool> {
    doc["clauses"]["context"]
        .get("climate_relevant")
        .and_then(Value::as_bool)
}

/// Every v1 answer of `doc`, compared field by field with the migrated assessment.
fn assert_v1_answers_kept(name: &str, doc: &Value, a: &Assessment) {
    assert_eq!(a.id, doc["id"].as_str().unwrap(), "{name}");
    assert_eq!(a.revision, doc["revision"].as_u64().unwrap(), "{name}");
    assert_eq!(a.created, doc["created"].as_str().unwrap(), "{name}");
    assert_eq!(a.updated, doc["updated"].as_str().unwrap(), "{name}");
    assert_eq!(Some(a.language), pick(doc.get("language"), Lang::from_id));
    assert_eq!(Some(a.mode), pick(doc.get("mode"), Mode::from_id));

    let c = &doc["community"];
    let expected = Community {
        name: text(c.get("name")),
        kind: pick(c.get("kind"), Kind::from_id),
        population: pick(c.get("population"), Population::from_id),
        perimeter: text(c.get("perimeter")),
        object: pick(c.get("object"), Object::from_id),
        scale: pick(c.get("scale"), Scale::from_id),
        phase: pick(c.get("phase"), ProjectPhase::from_id),
        date: c.get("date").and_then(Value::as_str).map(String::from),
        participants: text(c.get("participants")),
        notes: text(c.get("notes")),
    };
    assert_eq!(a.community, expected, "{name}: community");

    for (p, purpose) in PURPOSES.iter().enumerate() {
        let d = doc["purposes"].get(purpose.id);
        assert_eq!(
            a.purposes[p].priority,
            pick(d.and_then(|d| d.get("priority")), Priority::from_id),
            "{name}: purposes.{}",
            purpose.id
        );
    }

    for (i, area) in AREAS.iter().enumerate() {
        let got = &a.areas[i];
        let place = format!("{name}: areas.{}", area.id);
        let Some(d) = doc["areas"].get(area.id) else {
            assert_eq!(*got, AreaAnswer::default(), "{place}");
            continue;
        };
        assert_eq!(
            got.in_scope,
            d.get("in_scope").and_then(Value::as_bool).unwrap_or(true),
            "{place}.in_scope"
        );
        assert_eq!(got.level, v1_level(d.get("level")), "{place}.level");
        assert_eq!(
            got.target.map(Level::get),
            d.get("target").and_then(Value::as_u64).map(|t| t as u8),
            "{place}.target"
        );
        assert_eq!(
            got.priority,
            pick(d.get("priority"), Priority::from_id),
            "{place}.priority"
        );
        for (p, purpose) in PURPOSES.iter().enumerate() {
            assert_eq!(
                got.contributions[p].map(|c| c.get()),
                d.get("contributions")
                    .and_then(|c| c.get(purpose.id))
                    .and_then(Value::as_u64)
                    .map(|c| c as u8),
                "{place}.contributions.{}",
                purpose.id
            );
        }
        assert_eq!(got.indicators, text(d.get("indicators")), "{place}");
        assert_eq!(got.notes, text(d.get("notes")), "{place}");
        let actions: Vec<PlannedAction> = d
            .get("actions")
            .and_then(Value::as_array)
            .map(|list| {
                list.iter()
                    .map(|x| PlannedAction {
                        title: text(x.get("title")),
                        owner: text(x.get("owner")),
                        due: x.get("due").and_then(Value::as_str).map(String::from),
                    })
                    .collect()
            })
            .unwrap_or_default();
        assert_eq!(got.actions, actions, "{place}.actions");
        // What version 1 never asked stays unanswered.
        assert_eq!(got.holder, None, "{place}.holder");
        assert!(got.followed.iter().all(Option::is_none), "{place}");
    }

    for (i, clause) in CLAUSES.iter().enumerate() {
        let got = &a.clauses[i];
        let d = doc["clauses"].get(clause.id);
        let place = format!("{name}: clauses.{}", clause.id);
        assert_eq!(
            got.level,
            v1_level(d.and_then(|d| d.get("level"))),
            "{place}.level"
        );
        assert_eq!(got.notes, text(d.and_then(|d| d.get("notes"))), "{place}");
        assert!(got.actions.is_empty(), "{place}.actions");
    }

    // climate_relevant is now the requirement context.climate; nothing else is answered.
    for (r, requirement) in REQUIREMENTS.iter().enumerate() {
        let expected = if requirement.id == "context.climate" {
            match v1_climate(doc) {
                Some(true) => Some(Met::Yes),
                Some(false) => Some(Met::No),
                None => None,
            }
        } else {
            None
        };
        assert_eq!(
            a.requirements[r],
            RequirementAnswer {
                met: expected,
                evidence: String::new()
            },
            "{name}: {}",
            requirement.id
        );
    }

    // The answers were given with content 1: the new questions are still to be seen.
    assert_eq!(
        a.content_version,
        doc["framework"]["content_version"].as_str().unwrap(),
        "{name}"
    );
    assert!(a.predates_checklist(), "{name}");
}

/// Completion as version 1 defines it, from the document alone: levels and priorities only.
fn v1_completion(doc: &Value) -> (usize, usize) {
    let full = doc["mode"] == "full";
    let mut asked = PURPOSES.len();
    let mut answered = PURPOSES
        .iter()
        .filter(|p| {
            doc["purposes"]
                .get(p.id)
                .and_then(|d| d.get("priority"))
                .is_some_and(|v| !v.is_null())
        })
        .count();
    for area in &AREAS {
        let d = doc["areas"].get(area.id);
        let in_scope = d
            .and_then(|d| d.get("in_scope"))
            .and_then(Value::as_bool)
            .unwrap_or(true);
        if in_scope {
            asked += 1;
            answered += usize::from(d.and_then(|d| d.get("level")).is_some());
        }
    }
    if full {
        asked += CLAUSES.len();
        answered += CLAUSES
            .iter()
            .filter(|c| {
                doc["clauses"]
                    .get(c.id)
                    .and_then(|d| d.get("level"))
                    .is_some()
            })
            .count();
    }
    (answered, asked)
}

// --- The fixtures ---------------------------------------------------------------------------

#[test]
fn the_fixtures_are_the_three_v1_exports() {
    let names: Vec<String> = fixtures().into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        names,
        [
            "full-en-climate-false.json",
            "full-fr-climate-true.json",
            "quick-fr.json"
        ]
    );
    let v1 = validator(include_str!("../../schema/autodiag-37101.v1.schema.json"));
    for (name, doc) in fixtures() {
        assert_eq!(doc["version"], json!(1), "{name}");
        assert!(v1.is_valid(&doc), "{name}");
    }
    // Between them, the three values of climate_relevant.
    assert_eq!(
        v1_climate(&fixture("full-fr-climate-true.json")),
        Some(true)
    );
    assert_eq!(
        v1_climate(&fixture("full-en-climate-false.json")),
        Some(false)
    );
    assert_eq!(v1_climate(&fixture("quick-fr.json")), None);
}

#[test]
fn each_v1_fixture_migrates_with_every_answer_kept() {
    for (name, doc) in fixtures() {
        let a = import_json(&doc).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_v1_answers_kept(&name, &doc, &a);
    }
}

#[test]
fn climate_relevant_becomes_the_requirement_context_climate() {
    let climate = req("context.climate");
    let met = |name: &str| import_json(&fixture(name)).unwrap().requirements[climate].met;
    assert_eq!(met("full-fr-climate-true.json"), Some(Met::Yes));
    assert_eq!(met("full-en-climate-false.json"), Some(Met::No));
    assert_eq!(met("quick-fr.json"), None);
    // null was "not given" in version 1 too.
    let mut doc = fixture("full-fr-climate-true.json");
    doc["clauses"]["context"]["climate_relevant"] = Value::Null;
    assert_eq!(import_json(&doc).unwrap().requirements[climate].met, None);
    // A context clause holding nothing but the climate answer (as in the English fixture) keeps
    // no level and no notes.
    let a = import_json(&fixture("full-en-climate-false.json")).unwrap();
    assert_eq!(a.clauses[0], ClauseAnswer::default());
}

#[test]
fn completion_keeps_its_v1_meaning() {
    for (name, doc) in fixtures() {
        let a = import_json(&doc).unwrap();
        let s = scoring::compute(&a);
        let (mut answered, mut asked) = v1_completion(&doc);
        if a.mode == autodiag_core::model::Mode::Full {
            // Full mode now also asks the checklist and who holds each area in scope, which a
            // v1 file never answered (the notice on opening says so): completion goes down.
            let in_scope = a.areas.iter().filter(|x| x.in_scope).count();
            asked += a.requirements.len() + in_scope;
            answered += a.requirements.iter().filter(|r| r.met.is_some()).count()
                + a.areas
                    .iter()
                    .filter(|x| x.in_scope && x.holder.is_some())
                    .count();
        }
        assert_eq!((s.answered, s.asked), (answered, asked), "{name}");
        assert_eq!(s.completion, answered as f64 / asked as f64, "{name}");
        if a.mode == autodiag_core::model::Mode::Quick {
            // The v1 tool wrote the same figure into the file; quick mode asks what it asked.
            assert_eq!(
                Some(s.completion),
                doc["scores"]["completion"].as_f64(),
                "{name}"
            );
        }
    }
    // The hand count, on the French full fixture: 6 priorities, 11 areas in scope (innovation is
    // out), 5 of 7 clauses answered.
    let (answered, asked) = v1_completion(&fixture("full-fr-climate-true.json"));
    assert_eq!((answered, asked), (22, 24));
}

#[test]
fn level_scores_keep_their_v1_meaning() {
    // Overall maturity and the areas' levels and gaps depend on answers alone: the same figures as
    // the v1 tool wrote (purposes and priorities also depend on the default matrix, which content
    // revisions may change; management phases follow the v2 PDCA mapping).
    for (name, doc) in fixtures() {
        let s = scoring::compute(&import_json(&doc).unwrap());
        assert_eq!(
            s.overall,
            doc["scores"]["overall"].as_f64(),
            "{name}: overall"
        );
        assert_eq!(
            s.management.overall,
            doc["scores"]["management"]["overall"].as_f64(),
            "{name}: management"
        );
        for (i, area) in AREAS.iter().enumerate() {
            let written = doc["scores"]["areas"].get(area.id).map(|x| {
                (
                    x["level"].as_u64().unwrap() as u8,
                    x["gap"].as_u64().unwrap() as u8,
                )
            });
            // v1 measured a gap to 4 where no target was set; there is no gap now (a target
            // nobody set is not assumed), and v1's figure is then 4 − level.
            assert_eq!(
                s.areas[i].map(|x| (x.level, x.gap.unwrap_or(4 - x.level))),
                written,
                "{name}: {}",
                area.id
            );
        }
    }
}

#[test]
fn a_migrated_file_exports_as_v2_and_reads_back_the_same() {
    let v2 = validator(include_str!("../../schema/autodiag-37101.v2.schema.json"));
    for (name, doc) in fixtures() {
        let a = import_json(&doc).unwrap();
        for text in [export(&a), export_compact(&a), export_answers(&a)] {
            let out: Value = serde_json::from_str(&text).unwrap();
            assert_eq!(out["version"], json!(2), "{name}");
            assert!(!text.contains("climate_relevant"), "{name}");
            let errors: Vec<_> = v2.iter_errors(&out).map(|e| e.to_string()).collect();
            assert!(errors.is_empty(), "{name}: {errors:?}");
            assert_eq!(
                out["framework"]["content_version"], doc["framework"]["content_version"],
                "{name}: still answered with content 1"
            );
            let climate = &out["clauses"]["context"]["requirements"]["context.climate"];
            match v1_climate(&doc) {
                Some(true) => assert_eq!(*climate, json!({ "answer": "yes" }), "{name}"),
                Some(false) => assert_eq!(*climate, json!({ "answer": "no" }), "{name}"),
                None => assert_eq!(*climate, Value::Null, "{name}"),
            }
            let again = import(text.as_bytes()).unwrap();
            assert_eq!(again, a, "{name}");
            assert!(again.predates_checklist(), "{name}");
        }
    }
}

#[test]
fn a_v1_share_link_still_opens() {
    // A v1 link carried the document without its scores.
    for (name, mut doc) in fixtures() {
        let with_scores = import_json(&doc).unwrap();
        doc.as_object_mut().unwrap().remove("scores");
        assert_eq!(import_json(&doc), Ok(with_scores), "{name}");
    }
}

#[test]
fn the_documented_v1_example_migrates() {
    let doc: Value = serde_json::from_str(EXAMPLE_V1).unwrap();
    let v1 = validator(include_str!("../../schema/autodiag-37101.v1.schema.json"));
    assert!(v1.is_valid(&doc));
    let a = import(EXAMPLE_V1.as_bytes()).unwrap();
    assert_v1_answers_kept("format-v1.md", &doc, &a);
    assert_eq!(a.requirements[req("context.climate")].met, Some(Met::Yes));
    assert_eq!(a.content_version, "1.0.0");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(EXAMPLE_V1.as_bytes());
    assert_eq!(import(&bytes), Ok(a), "a byte-order mark in a v1 file");
}

// --- What a v1 document may not hold -----------------------------------------------------------

#[test]
fn a_v1_document_holding_a_v2_field_is_refused() {
    let cases: Vec<(&str, &str, Value, &str)> = vec![
        (
            "/areas/governance",
            "holder",
            json!("community"),
            "areas.governance.holder",
        ),
        (
            "/areas/mobility",
            "indicators_followed",
            json!({ "mobility.charging-points": {} }),
            "areas.mobility.indicators_followed",
        ),
        (
            "/clauses/context",
            "requirements",
            json!({ "context.scope": { "answer": "yes" } }),
            "clauses.context.requirements",
        ),
        (
            "/clauses/leadership",
            "requirements",
            json!({ "leadership.policy": { "answer": "no" } }),
            "clauses.leadership.requirements",
        ),
        (
            "/clauses/leadership",
            "actions",
            json!([{ "title": "Adopt a policy" }]),
            "clauses.leadership.actions",
        ),
        // Version 1 itself allowed the climate question on clause 4 alone.
        (
            "/clauses/evaluation",
            "climate_relevant",
            json!(true),
            "clauses.evaluation.climate_relevant",
        ),
    ];
    for (parent, key, value, path) in cases {
        let mut doc = fixture("full-fr-climate-true.json");
        doc.pointer_mut(parent).unwrap()[key] = value;
        let err = import_json(&doc).unwrap_err();
        assert_eq!(
            err,
            ImportError::Invalid {
                path: path.into(),
                problem: Problem::UnknownField
            },
            "{path}"
        );
        let (fr, en) = (err.message(Lang::Fr), err.message(Lang::En));
        assert!(fr.starts_with(path) && en.starts_with(path) && fr != en);
    }
}

#[test]
fn a_v1_climate_answer_that_is_not_true_or_false_is_refused() {
    for bad in [json!(1), json!("true"), json!("yes"), json!({})] {
        let mut doc = fixture("full-fr-climate-true.json");
        doc["clauses"]["context"]["climate_relevant"] = bad.clone();
        assert_eq!(
            invalid_at(&doc),
            (
                "clauses.context.climate_relevant".into(),
                Problem::WrongType(Expected::Boolean)
            ),
            "{bad}"
        );
    }
}

#[test]
fn other_v1_errors_still_name_their_place() {
    let mut doc = fixture("full-fr-climate-true.json");
    doc["areas"]["governance"]["level"] = json!(9);
    assert_eq!(
        invalid_at(&doc),
        (
            "areas.governance.level".into(),
            Problem::NotALevel("9".into())
        )
    );
    let mut doc = fixture("quick-fr.json");
    doc["clauses"]["clause-11"] = json!({});
    assert_eq!(
        invalid_at(&doc),
        (
            "clauses.clause-11".into(),
            Problem::UnknownId(autodiag_core::format::IdKind::Clause)
        )
    );
    let mut doc = fixture("quick-fr.json");
    doc["extra"] = json!(1);
    assert_eq!(invalid_at(&doc), ("extra".into(), Problem::UnknownField));
}

#[test]
fn a_v1_file_that_names_no_content_version_was_answered_with_content_1() {
    let strip: [fn(&mut Value); 5] = [
        |d| {
            d.as_object_mut().unwrap().remove("framework");
        },
        |d| d["framework"] = Value::Null,
        |d| {
            d["framework"]
                .as_object_mut()
                .unwrap()
                .remove("content_version");
        },
        |d| d["framework"]["content_version"] = Value::Null,
        |d| d["framework"]["content_version"] = json!("  "),
    ];
    for (i, f) in strip.iter().enumerate() {
        let mut doc = fixture("full-en-climate-false.json");
        f(&mut doc);
        let a = import_json(&doc).unwrap_or_else(|e| panic!("case {i}: {e}"));
        assert_eq!(a.content_version, "1.0.0", "case {i}");
        assert!(a.predates_checklist(), "case {i}");
        assert_eq!(import(export(&a).as_bytes()), Ok(a), "case {i}");
    }
    // A content version that is not text stays an error.
    let mut doc = fixture("full-en-climate-false.json");
    doc["framework"]["content_version"] = json!(1);
    assert_eq!(
        invalid_at(&doc),
        (
            "framework.content_version".into(),
            Problem::WrongType(Expected::Text)
        )
    );
}

#[test]
fn content_versions_before_2_predate_the_checklist() {
    let mut a = import_json(&fixture("quick-fr.json")).unwrap();
    for (version, predates) in [
        ("1.0.0", true),
        ("1.0.1", true),
        ("0.9", true),
        ("2.0.0", false),
        ("2.1.0", false),
        ("10.0.0", false),
        ("draft", false),
    ] {
        a.content_version = version.into();
        assert_eq!(a.predates_checklist(), predates, "{version}");
    }
    assert_eq!(content::REQUIREMENTS.len(), 27);
}
