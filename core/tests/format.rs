//! Export format v2: round trips, the published schemas, and every kind of invalid input. The
//! migration of version 1 documents is in `core/tests/migration.rs`.

#![cfg(not(target_arch = "wasm32"))]

mod common;
use autodiag_core::content::{self, area_index, requirement_index, INDICATORS, N_REQUIREMENTS};
use autodiag_core::format::*;
use autodiag_core::i18n::Lang;
use autodiag_core::model::*;
use autodiag_core::share::answers_only;
use common::*;
use proptest::prelude::*;
use serde_json::{json, Value};

/// The version 2 example of `docs/spec/format.md` § Examples (change both together).
const EXAMPLE: &str = r#"{
  "format": "autodiag-37101",
  "version": 2,
  "id": "3b0c6c1e-8f0a-4a8e-9d61-2f0f4b1a7c55",
  "revision": 12,
  "created": "2026-11-28T20:15:00Z",
  "updated": "2026-11-28T21:02:11Z",
  "framework": { "id": "iso-37101", "edition": "2016/Amd 1:2024", "content_version": "2.0.0" },
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
    "mobility": {
      "in_scope": true,
      "level": 1,
      "holder": "intermunicipal",
      "indicators": "counts at the school gate, twice a year",
      "indicators_followed": {
        "mobility.modal-share-school": { "value": "38", "unit": "%", "year": 2025 },
        "mobility.charging-points": {}
      },
      "actions": [ { "title": "Ask the inter-municipal body for the bus ridership", "owner": "DGS", "due": "2027-03-31" } ]
    },
    "biodiversity": { "in_scope": false }
  },
  "clauses": {
    "context": {
      "level": 1,
      "notes": "",
      "requirements": {
        "context.climate": { "answer": "yes", "evidence": "Council resolution of 12 March 2026" },
        "context.scope": { "answer": "partly" },
        "context.parties": { "answer": "unknown" }
      },
      "actions": [ { "title": "Write down the scope", "owner": "Mayor", "due": "2027-01-31" } ]
    },
    "evaluation": { "level": "na" }
  },
  "scores": {
    "completion": 0.42,
    "overall": 1.5,
    "areas": { "governance": { "level": 2, "gap": 1 }, "mobility": { "level": 1, "gap": 3 } },
    "purposes": { "attractiveness": 2.0, "environment": null },
    "management": { "overall": 1.0, "plan": 1.0, "do": null, "check": null, "act": null },
    "priorities": ["governance"],
    "requirements": { "overall": 0.75, "context": 0.75, "leadership": null, "planning": null,
                      "support": null, "operation": null, "evaluation": null, "improvement": null },
    "unmet": ["context.scope"]
  }
}"#;

fn example() -> Value {
    serde_json::from_str(EXAMPLE).unwrap()
}

fn import_json(v: &Value) -> Result<Assessment, ImportError> {
    import(v.to_string().as_bytes())
}

/// The error's place and problem, or a panic naming what was accepted instead.
fn invalid_at(v: &Value) -> (String, Problem) {
    match import_json(v) {
        Err(ImportError::Invalid { path, problem }) => (path, problem),
        other => panic!("expected an invalid document, got {other:?}"),
    }
}

/// The example changed by `f`.
fn example_with(f: impl FnOnce(&mut Value)) -> Value {
    let mut v = example();
    f(&mut v);
    v
}

fn validator(text: &str) -> jsonschema::Validator {
    jsonschema::validator_for(&serde_json::from_str(text).unwrap()).unwrap()
}

fn schema() -> jsonschema::Validator {
    validator(include_str!("../../schema/autodiag-37101.v2.schema.json"))
}

fn schema_v1() -> jsonschema::Validator {
    validator(include_str!("../../schema/autodiag-37101.v1.schema.json"))
}

fn schema_errors(validator: &jsonschema::Validator, v: &Value) -> Vec<String> {
    validator.iter_errors(v).map(|e| e.to_string()).collect()
}

/// The requirement's index in `REQUIREMENTS`.
fn req(id: &str) -> usize {
    requirement_index(id).unwrap_or_else(|| panic!("{id} is not a requirement"))
}

/// An indicator's area and its position among the area's indicators.
fn slot(id: &str) -> (usize, usize) {
    let ind = &INDICATORS[content::indicator_index(id).unwrap_or_else(|| panic!("{id}"))];
    let k = content::indicators_of(ind.area)
        .iter()
        .position(|i| i.id == id)
        .unwrap();
    (ind.area, k)
}

/// The v1 fixtures: real exports of the v1 tool.
fn v1_fixtures() -> Vec<(String, Value)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/v1");
    let mut out: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            (
                p.display().to_string(),
                serde_json::from_str(&text).unwrap(),
            )
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(out.len() >= 3, "the v1 fixtures are there");
    out
}

#[test]
fn the_documented_example_imports() {
    let a = import(EXAMPLE.as_bytes()).unwrap();
    assert_eq!(a.revision, 12);
    assert_eq!(a.community.kind, Some(Kind::Commune));
    let g = &a.areas[0];
    assert_eq!(g.level, level(2));
    assert_eq!(g.contributions[0].map(|c| c.get()), Some(1));
    assert_eq!(g.contributions[1], None);
    assert_eq!(g.actions[0].due.as_deref(), Some("2027-06-30"));
    assert_eq!(g.holder, None);
    assert!(g.followed.iter().all(Option::is_none));
    assert!(!a.areas[11].in_scope);
    assert_eq!(a.clauses[5].level, Some(Answer::Na));
    assert_eq!(a.content_version, "2.0.0");
    assert!(!a.predates_checklist());

    // What version 2 adds.
    let m = &a.areas[area_index("mobility").unwrap()];
    assert_eq!(m.level, level(1));
    assert_eq!(m.holder, Some(Holder::Intermunicipal));
    assert!(m.holder.unwrap().is_other_body());
    let (area, school) = slot("mobility.modal-share-school");
    assert_eq!(area, area_index("mobility").unwrap());
    let (_, charging) = slot("mobility.charging-points");
    for (k, f) in m.followed.iter().enumerate() {
        let expected = if k == school {
            Some(Followed {
                value: "38".into(),
                unit: "%".into(),
                year: Some(2025),
            })
        } else if k == charging {
            Some(Followed::default())
        } else {
            None
        };
        assert_eq!(*f, expected, "indicator {k} of mobility");
    }
    assert_eq!(
        m.actions[0].title,
        "Ask the inter-municipal body for the bus ridership"
    );
    for (r, ans) in a.requirements.iter().enumerate() {
        let expected = match content::REQUIREMENTS[r].id {
            "context.climate" => RequirementAnswer {
                met: Some(Met::Yes),
                evidence: "Council resolution of 12 March 2026".into(),
            },
            "context.scope" => RequirementAnswer {
                met: Some(Met::Partly),
                evidence: String::new(),
            },
            "context.parties" => RequirementAnswer {
                met: Some(Met::Unknown),
                evidence: String::new(),
            },
            _ => RequirementAnswer::default(),
        };
        assert_eq!(*ans, expected, "{}", content::REQUIREMENTS[r].id);
    }
    assert_eq!(
        a.clauses[0].actions,
        [PlannedAction {
            title: "Write down the scope".into(),
            owner: "Mayor".into(),
            due: Some("2027-01-31".into()),
        }]
    );
    assert!(a.clauses[1..].iter().all(|c| c.actions.is_empty()));
}

#[test]
fn the_documented_example_follows_the_v2_schema() {
    let errors = schema_errors(&schema(), &example());
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn scores_in_a_file_are_ignored_and_recomputed() {
    let mut v = example();
    v["scores"] = json!({ "overall": 4.0, "anything": "at all" });
    let a = import_json(&v).unwrap();
    let out: Value = serde_json::from_str(&export(&a)).unwrap();
    // governance 2 and mobility 1 are the scored in-scope areas.
    assert_eq!(out["scores"]["overall"], json!(1.5));
    assert_eq!(
        out["scores"]["areas"]["governance"],
        json!({ "level": 2, "gap": 1 })
    );
    assert_eq!(
        out["scores"]["areas"]["mobility"],
        json!({ "level": 1 }),
        "no target: no gap (none is assumed); the holder changes no score"
    );
    assert_eq!(out["scores"]["management"]["overall"], json!(1.0));
    assert_eq!(out["scores"]["management"]["do"], Value::Null);
    // context: yes 1, partly ½, unknown not scored: (1 + ½) / 2.
    assert_eq!(
        out["scores"]["requirements"],
        json!({ "overall": 0.75, "context": 0.75, "leadership": null, "planning": null,
                "support": null, "operation": null, "evaluation": null, "improvement": null })
    );
    assert_eq!(out["scores"]["unmet"], json!(["context.scope"]));
}

#[test]
fn exports_follow_the_published_schema() {
    let validator = schema();
    let mut a = import(EXAMPLE.as_bytes()).unwrap();
    for doc in [
        export(&a),
        export_compact(&a),
        export_answers(&a),
        export_answers(&answers_only(&a)),
        export(&blank(Mode::Quick)),
        export(&blank(Mode::Full)),
    ] {
        let v: Value = serde_json::from_str(&doc).unwrap();
        assert_eq!(v["version"], json!(2));
        let errors = schema_errors(&validator, &v);
        assert!(errors.is_empty(), "{errors:?}");
        assert!(
            !schema_v1().is_valid(&v),
            "a v2 export is not a v1 document"
        );
    }
    // And the schema does reject what import rejects.
    a.community.name = String::new();
    let v: Value = serde_json::from_str(&export(&a)).unwrap();
    assert!(!validator.is_valid(&v));
    let rejected: Vec<(&str, Value)> = vec![
        ("/areas/governance/level", json!(9)),
        ("/areas/mobility/holder", json!("mayor")),
        (
            "/areas/mobility/indicators_followed/mobility.charging-points",
            json!({ "value": "x".repeat(101) }),
        ),
        (
            "/areas/mobility/indicators_followed/mobility.charging-points",
            json!({ "unit": "x".repeat(31) }),
        ),
        (
            "/areas/mobility/indicators_followed/mobility.charging-points",
            json!({ "year": 2101 }),
        ),
        (
            "/areas/mobility/indicators_followed/mobility.charging-points",
            json!({ "year": 1899 }),
        ),
        (
            "/areas/mobility/indicators_followed/mobility.charging-points",
            json!({ "year": "2025" }),
        ),
        (
            "/areas/mobility/indicators_followed/mobility.charging-points",
            json!({ "year": 2025.5 }),
        ),
        (
            "/areas/mobility/indicators_followed/mobility.charging-points",
            json!({ "note": "x" }),
        ),
        (
            "/clauses/context/requirements/context.scope",
            json!({ "answer": "maybe" }),
        ),
        (
            "/clauses/context/requirements/context.scope",
            json!({ "answer": "yes", "source": "x" }),
        ),
        (
            "/clauses/context/requirements/context.scope",
            json!({ "evidence": "x".repeat(MAX_TEXT_CHARS + 1) }),
        ),
        (
            "/clauses/context/actions",
            json!(vec![json!({ "title": "x" }); MAX_ACTIONS + 1]),
        ),
        ("/clauses/context/actions/0/colour", json!("green")),
        ("/scores/requirements/overall", json!(1.5)),
        ("/scores/unmet/0", json!("context.weather")),
    ];
    for (pointer, bad) in rejected {
        let mut v = example();
        let slot = v.pointer_mut(pointer);
        match slot {
            Some(slot) => *slot = bad.clone(),
            None => {
                // A new key of an existing object.
                let (parent, key) = pointer.rsplit_once('/').unwrap();
                v.pointer_mut(parent).unwrap()[key] = bad.clone();
            }
        }
        assert!(!validator.is_valid(&v), "{pointer}: {bad}");
    }
    let adds: Vec<(&str, &str, Value)> = vec![
        ("/clauses/context", "climate_relevant", json!(true)),
        (
            "/clauses/context/requirements",
            "context.weather",
            json!({ "answer": "yes" }),
        ),
        (
            "/clauses/context/requirements",
            "leadership.policy",
            json!({ "answer": "yes" }),
        ),
        (
            "/clauses/evaluation",
            "requirements",
            json!({ "context.scope": { "answer": "no" } }),
        ),
        (
            "/areas/mobility/indicators_followed",
            "governance.turnout",
            json!({}),
        ),
        (
            "/areas/governance",
            "indicators_followed",
            json!({ "mobility.charging-points": {} }),
        ),
        (
            "/areas/governance",
            "indicators_followed",
            json!({ "Mobility.x": {} }),
        ),
    ];
    for (parent, key, bad) in adds {
        let v = example_with(|v| v.pointer_mut(parent).unwrap()[key] = bad.clone());
        assert!(!validator.is_valid(&v), "{parent}/{key}: {bad}");
        assert!(import_json(&v).is_err(), "{parent}/{key}: {bad}");
    }
    let v = example_with(|v| {
        v["scores"]["requirements"]
            .as_object_mut()
            .unwrap()
            .remove("improvement");
    });
    assert!(
        !validator.is_valid(&v),
        "scores.requirements names every clause"
    );
}

#[test]
fn the_v2_schema_names_the_contents_ids() {
    let s: Value =
        serde_json::from_str(include_str!("../../schema/autodiag-37101.v2.schema.json")).unwrap();
    // Each clause lists its own requirements, in the standard's order.
    for (c, clause) in content::CLAUSES.iter().enumerate() {
        let listed = &s["properties"]["clauses"]["properties"][clause.id]["properties"]
            ["requirements"]["propertyNames"]["enum"];
        let own: Vec<&str> = content::requirements_of(c)
            .map(|r| content::REQUIREMENTS[r].id)
            .collect();
        assert_eq!(*listed, json!(own), "{}", clause.id);
    }
    let all: Vec<&str> = content::REQUIREMENTS.iter().map(|r| r.id).collect();
    assert_eq!(
        s["$defs"]["scores"]["properties"]["unmet"]["items"]["enum"],
        json!(all)
    );
    // Each area's indicators match the pattern the schema gives that area's keys.
    let v = validator(&s.to_string());
    for (a, area) in content::AREAS.iter().enumerate() {
        for ind in content::indicators_of(a) {
            let mut doc = example();
            doc["areas"][area.id] = json!({ "indicators_followed": { ind.id: {} } });
            assert!(v.is_valid(&doc), "{}", ind.id);
            assert!(import_json(&doc).is_ok(), "{}", ind.id);
            let other = content::AREAS[(a + 1) % content::AREAS.len()].id;
            doc["areas"][other] = json!({ "indicators_followed": { ind.id: {} } });
            assert!(!v.is_valid(&doc), "{} under {other}", ind.id);
        }
    }
}

#[test]
fn v1_fixtures_follow_the_frozen_v1_schema_only() {
    for (name, v) in v1_fixtures() {
        let errors = schema_errors(&schema_v1(), &v);
        assert!(errors.is_empty(), "{name}: {errors:?}");
        assert!(!schema().is_valid(&v), "{name} is not a v2 document");
    }
}

#[test]
fn export_keys_follow_the_format_and_content_order() {
    let a = import(EXAMPLE.as_bytes()).unwrap();
    let text = export(&a);
    let pos = |k: &str| text.find(k).unwrap_or_else(|| panic!("{k} missing"));
    assert!(pos("\"format\"") < pos("\"version\"") && pos("\"version\"") < pos("\"id\""));
    assert!(
        pos("\"governance\"") < pos("\"mobility\"")
            && pos("\"mobility\"") < pos("\"biodiversity\"")
    );
    assert!(text.starts_with("{\n  \"format\": \"autodiag-37101\",\n  \"version\": 2,"));
    // Requirements in the standard's order, whatever the file's order was.
    assert!(
        pos("\"context.climate\"") < pos("\"context.parties\"")
            && pos("\"context.parties\"") < pos("\"context.scope\"")
    );
    let (m, school) = slot("mobility.modal-share-school");
    let (_, charging) = slot("mobility.charging-points");
    assert_eq!(m, area_index("mobility").unwrap());
    assert_eq!(
        pos("\"mobility.modal-share-school\"") < pos("\"mobility.charging-points\""),
        school < charging,
        "indicators in the content's order"
    );
    // What was never given is left out, not written as empty.
    assert!(!text.contains("\"context.issues\""));
    assert!(!text.contains("climate_relevant"));
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        v["areas"]["mobility"]["indicators_followed"]["mobility.charging-points"],
        json!({})
    );
    assert_eq!(
        v["clauses"]["context"]["requirements"]["context.scope"],
        json!({ "answer": "partly" })
    );
    assert!(v["areas"]["governance"].get("holder").is_none());
    assert!(v["clauses"]["evaluation"].get("requirements").is_none());
    assert!(v["clauses"]["evaluation"].get("actions").is_none());
}

#[test]
fn evidence_without_an_answer_is_kept() {
    let mut a = blank(Mode::Full);
    a.requirements[req("evaluation.audit")].evidence =
        "Convention with the neighbouring town".into();
    let text = export(&a);
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        v["clauses"]["evaluation"],
        json!({ "requirements": { "evaluation.audit": { "evidence": "Convention with the neighbouring town" } } })
    );
    assert!(schema().is_valid(&v));
    assert_eq!(import(text.as_bytes()), Ok(a));
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(EXAMPLE.as_bytes());
    assert!(import(&bytes).is_ok());
}

#[test]
fn size_is_checked_before_parsing() {
    let big = vec![b' '; MAX_DOCUMENT_BYTES + 1];
    assert_eq!(
        import(&big),
        Err(ImportError::TooLarge {
            bytes: MAX_DOCUMENT_BYTES + 1,
            limit: MAX_DOCUMENT_BYTES
        })
    );
}

#[test]
fn not_json_names_line_and_column() {
    assert_eq!(
        import(b"{\n  \"format\": }"),
        Err(ImportError::NotJson {
            line: 2,
            column: 13
        })
    );
    assert!(matches!(import(b""), Err(ImportError::NotJson { .. })));
    assert!(matches!(
        import(&[0xff, 0xfe, 0x00]),
        Err(ImportError::NotJson { .. })
    ));
}

#[test]
fn other_json_is_not_our_format() {
    for v in [
        json!([1, 2]),
        json!("text"),
        json!({}),
        json!({ "format": "other", "version": 2 }),
    ] {
        assert_eq!(import_json(&v), Err(ImportError::NotOurFormat), "{v}");
    }
}

#[test]
fn versions() {
    let mut v = example();
    v["version"] = json!(3);
    assert_eq!(
        import_json(&v),
        Err(ImportError::NewerVersion { version: 3 })
    );
    let msg = import_json(&v).unwrap_err().message(Lang::Fr);
    assert!(msg.contains("version plus récente"), "{msg}");
    for bad in [json!(0), json!("2"), json!(2.5), json!(-1)] {
        v["version"] = bad;
        assert!(matches!(invalid_at(&v), (p, Problem::NotAVersion(_)) if p == "version"));
    }
    v.as_object_mut().unwrap().remove("version");
    assert_eq!(invalid_at(&v), ("version".into(), Problem::Missing));
}

/// The example with its text `from` replaced by `to`, once: for numbers `json!` cannot write.
fn example_text(from: &str, to: &str) -> String {
    assert!(EXAMPLE.contains(from), "{from}");
    EXAMPLE.replacen(from, to, 1)
}

#[test]
fn a_version_of_2_to_the_64_or_more_is_made_by_a_newer_version() {
    // Past u64 the parser holds a number as a float, a whole one at that size: it is still an
    // integer greater than 2.
    for version in [
        "18446744073709551616",
        "18446744073709551617",
        "1e20",
        "123456789012345678901234567890",
    ] {
        let text = example_text("\"version\": 2", &format!("\"version\": {version}"));
        let err = import(text.as_bytes()).unwrap_err();
        assert_eq!(
            err,
            ImportError::NewerVersion { version: u64::MAX },
            "{version}"
        );
        // The number cannot be held, so none is shown.
        assert_eq!(
            err.message(Lang::En),
            "This file was made by a newer version of the tool. Update the tool to open it."
        );
        assert_eq!(
            err.message(Lang::Fr),
            "Ce fichier a été créé par une version plus récente de l’outil. Mettez l’outil à \
             jour pour l’ouvrir."
        );
    }
    let text = example_text("\"version\": 2", "\"version\": 18446744073709551614");
    assert_eq!(
        import(text.as_bytes()).unwrap_err().message(Lang::En),
        "This file was made by a newer version of the tool (format 18446744073709551614). Update \
         the tool to open it."
    );
    // Negative, however large, is still not a version.
    let text = example_text("\"version\": 2", "\"version\": -18446744073709551616");
    assert_eq!(
        import(text.as_bytes()),
        Err(ImportError::Invalid {
            path: "version".into(),
            problem: Problem::NotAVersion("-1.8446744073709552e+19".into())
        })
    );
}

#[test]
fn minus_zero_is_quoted_as_written() {
    let text = example_text("\"version\": 2", "\"version\": -0");
    let err = import(text.as_bytes()).unwrap_err();
    assert_eq!(
        err,
        ImportError::Invalid {
            path: "version".into(),
            problem: Problem::NotAVersion("-0".into())
        }
    );
    assert_eq!(err.message(Lang::En), "version: -0 is not a format version");
    let text = example_text("\"level\": 2", "\"level\": -0");
    let err = import(text.as_bytes()).unwrap_err();
    assert_eq!(
        err.message(Lang::En),
        "areas.governance.level: -0 is not a level (0–4, \"na\", \"unknown\")"
    );
    assert_eq!(
        err.message(Lang::Fr),
        "areas.governance.level\u{a0}: -0 n’est pas un niveau (0–4, \"na\", \"unknown\")"
    );
}

#[test]
fn json_nested_too_deeply_is_said_so_not_invalid() {
    let nested = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    // As deep as the parser reads: valid JSON, not our format.
    assert_eq!(
        import(nested(MAX_NESTING).as_bytes()),
        Err(ImportError::NotOurFormat)
    );
    for n in [MAX_NESTING + 1, 10_000] {
        assert_eq!(
            import(nested(n).as_bytes()),
            Err(ImportError::TooDeep {
                line: 1,
                column: MAX_NESTING + 1
            }),
            "{n}"
        );
    }
    // Inside a document, after brackets, an escaped quote and a two-byte letter in a string on
    // the same line: the place is the `{` one level too deep, its column counted in bytes.
    let deep = format!("{}1{}", "{\"a\": ".repeat(200), "}".repeat(200));
    let text = example_text(
        "\"revision\": 12,",
        &format!("\"revision\": 12, \"x\": \"é\\\" [[{{\", \"y\": {deep},"),
    );
    let prefix = "  \"revision\": 12, \"x\": \"é\\\" [[{\", \"y\": ";
    // The document's own object is the first level.
    let column = prefix.len() + 6 * (MAX_NESTING - 1) + 1;
    let err = import(text.as_bytes()).unwrap_err();
    assert_eq!(err, ImportError::TooDeep { line: 5, column });
    assert_eq!(
        err.message(Lang::En),
        format!(
            "This file is not a readable self-assessment export: its JSON is nested too deeply \
             (more than 127 levels, line 5, column {column})."
        )
    );
    assert_eq!(
        err.message(Lang::Fr),
        format!(
            "Ce fichier n’est pas un export d’autodiagnostic lisible : son JSON est imbriqué trop \
             profondément (plus de 127 niveaux, ligne 5, colonne {column})."
        )
    );
    // A byte-order mark is not counted; a mistake at a bracket that is not too deep is a mistake.
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(nested(MAX_NESTING + 1).as_bytes());
    assert!(matches!(
        import(&bom),
        Err(ImportError::TooDeep {
            line: 1,
            column: 128
        })
    ));
    assert_eq!(
        import(b"{\"a\" [1]}"),
        Err(ImportError::NotJson { line: 1, column: 6 })
    );
    // Brackets inside strings do not nest.
    let text = format!("[\"{}\"]", "[".repeat(1000));
    assert_eq!(import(text.as_bytes()), Err(ImportError::NotOurFormat));
}

#[test]
fn each_kind_of_invalid_value_names_its_place() {
    let cases: Vec<(&str, Value, &str, Problem)> = vec![
        (
            "/areas/governance/level",
            json!(9),
            "areas.governance.level",
            Problem::NotALevel("9".into()),
        ),
        (
            "/areas/governance/level",
            Value::Null,
            "areas.governance.level",
            Problem::NotALevel("null".into()),
        ),
        (
            "/areas/governance/level",
            json!(2.5),
            "areas.governance.level",
            Problem::NotALevel("2.5".into()),
        ),
        (
            "/areas/governance/level",
            json!("high"),
            "areas.governance.level",
            Problem::NotALevel("\"high\"".into()),
        ),
        (
            "/areas/governance/target",
            json!(5),
            "areas.governance.target",
            Problem::NotATarget("5".into()),
        ),
        (
            "/areas/governance/contributions/cohesion",
            json!(3),
            "areas.governance.contributions.cohesion",
            Problem::NotAContribution("3".into()),
        ),
        (
            "/areas/governance/in_scope",
            json!("yes"),
            "areas.governance.in_scope",
            Problem::WrongType(Expected::Boolean),
        ),
        (
            "/areas/governance/notes",
            json!(42),
            "areas.governance.notes",
            Problem::WrongType(Expected::Text),
        ),
        (
            "/areas/governance/actions",
            json!({}),
            "areas.governance.actions",
            Problem::WrongType(Expected::Array),
        ),
        (
            "/areas/governance/actions/0/due",
            json!("30/06/2027"),
            "areas.governance.actions[0].due",
            Problem::NotADate("\"30/06/2027\"".into()),
        ),
        (
            "/areas/governance",
            json!(3),
            "areas.governance",
            Problem::WrongType(Expected::Object),
        ),
        (
            "/areas/governance/priority",
            json!("urgent"),
            "areas.governance.priority",
            Problem::NotInList {
                value: "\"urgent\"".into(),
                allowed: Priority::IDS,
            },
        ),
        (
            "/community/kind",
            json!("village"),
            "community.kind",
            Problem::NotInList {
                value: "\"village\"".into(),
                allowed: Kind::IDS,
            },
        ),
        (
            "/community/date",
            json!("2026-02-30"),
            "community.date",
            Problem::NotADate("\"2026-02-30\"".into()),
        ),
        (
            "/community/name",
            json!("   "),
            "community.name",
            Problem::Empty,
        ),
        (
            "/community/name",
            Value::Null,
            "community.name",
            Problem::Missing,
        ),
        (
            "/purposes/environment/priority",
            json!(2),
            "purposes.environment.priority",
            Problem::WrongType(Expected::Text),
        ),
        (
            "/clauses/context/level",
            json!(-1),
            "clauses.context.level",
            Problem::NotALevel("-1".into()),
        ),
        (
            "/clauses/context/actions/0/title",
            json!(["x"]),
            "clauses.context.actions[0].title",
            Problem::WrongType(Expected::Text),
        ),
        (
            "/id",
            json!("not-a-uuid"),
            "id",
            Problem::NotAUuid("\"not-a-uuid\"".into()),
        ),
        (
            "/revision",
            json!(-3),
            "revision",
            Problem::WrongType(Expected::Integer),
        ),
        (
            "/created",
            json!("yesterday"),
            "created",
            Problem::NotADateTime("\"yesterday\"".into()),
        ),
        (
            "/language",
            json!("de"),
            "language",
            Problem::NotInList {
                value: "\"de\"".into(),
                allowed: Lang::IDS,
            },
        ),
        (
            "/mode",
            json!("slow"),
            "mode",
            Problem::NotInList {
                value: "\"slow\"".into(),
                allowed: Mode::IDS,
            },
        ),
        (
            "/framework/id",
            json!("iso-37120"),
            "framework.id",
            Problem::NotInList {
                value: "\"iso-37120\"".into(),
                allowed: &["iso-37101"],
            },
        ),
    ];
    for (pointer, bad, path, problem) in cases {
        let mut v = example();
        *v.pointer_mut(pointer)
            .unwrap_or_else(|| panic!("{pointer}")) = bad;
        assert_eq!(invalid_at(&v), (path.to_string(), problem), "{pointer}");
    }
}

#[test]
fn unknown_ids_and_fields_are_named() {
    let mut v = example();
    v["areas"]["smart-infrastructure"] = json!({ "level": 1 });
    assert_eq!(
        invalid_at(&v),
        (
            "areas.smart-infrastructure".into(),
            Problem::UnknownId(IdKind::Area)
        )
    );
    let mut v = example();
    v["purposes"]["happiness"] = json!({});
    assert_eq!(
        invalid_at(&v),
        (
            "purposes.happiness".into(),
            Problem::UnknownId(IdKind::Purpose)
        )
    );
    let mut v = example();
    v["clauses"]["clause-11"] = json!({});
    assert_eq!(
        invalid_at(&v),
        (
            "clauses.clause-11".into(),
            Problem::UnknownId(IdKind::Clause)
        )
    );
    let mut v = example();
    v["areas"]["governance"]["contributions"]["joy"] = json!(1);
    assert_eq!(
        invalid_at(&v),
        (
            "areas.governance.contributions.joy".into(),
            Problem::UnknownId(IdKind::Purpose)
        )
    );
    let mut v = example();
    v["areas"]["governance"]["colour"] = json!("green");
    assert_eq!(
        invalid_at(&v),
        ("areas.governance.colour".into(), Problem::UnknownField)
    );
    let mut v = example();
    v["extra"] = json!(1);
    assert_eq!(invalid_at(&v), ("extra".into(), Problem::UnknownField));
    // Version 1's climate question is gone from every clause of a version 2 document.
    let mut v = example();
    v["clauses"]["evaluation"]["climate_relevant"] = json!(true);
    assert_eq!(
        invalid_at(&v),
        (
            "clauses.evaluation.climate_relevant".into(),
            Problem::Replaced("context.climate")
        )
    );
    let mut v = example();
    v["clauses"]["context"]["checklist"] = json!({});
    assert_eq!(
        invalid_at(&v),
        ("clauses.context.checklist".into(), Problem::UnknownField)
    );
}

#[test]
fn missing_required_fields() {
    for key in [
        "id",
        "revision",
        "created",
        "updated",
        "language",
        "mode",
        "community",
    ] {
        let mut v = example();
        v.as_object_mut().unwrap().remove(key);
        assert_eq!(invalid_at(&v), (key.to_string(), Problem::Missing), "{key}");
    }
}

#[test]
fn limits_on_text_and_actions() {
    let mut v = example();
    v["areas"]["governance"]["notes"] = json!("é".repeat(MAX_TEXT_CHARS));
    assert!(
        import_json(&v).is_ok(),
        "10,000 characters (not bytes) are allowed"
    );
    v["areas"]["governance"]["notes"] = json!("a".repeat(MAX_TEXT_CHARS + 1));
    assert_eq!(
        invalid_at(&v),
        (
            "areas.governance.notes".into(),
            Problem::TooLong {
                max: MAX_TEXT_CHARS
            }
        )
    );
    let mut v = example();
    v["areas"]["governance"]["actions"] = json!(vec![json!({ "title": "x" }); MAX_ACTIONS + 1]);
    assert_eq!(
        invalid_at(&v),
        (
            "areas.governance.actions".into(),
            Problem::TooMany { max: MAX_ACTIONS }
        )
    );
}

#[test]
fn messages_read_as_plain_words_in_both_languages() {
    let mut v = example();
    v["areas"]["governance"]["level"] = json!(9);
    let err = import_json(&v).unwrap_err();
    assert_eq!(
        err.to_string(),
        "areas.governance.level: 9 is not a level (0–4, \"na\", \"unknown\")"
    );
    assert_eq!(
        err.message(Lang::Fr),
        "areas.governance.level\u{a0}: 9 n’est pas un niveau (0–4, \"na\", \"unknown\")"
    );
    let long = ImportError::TooLarge {
        bytes: 10_000_000,
        limit: MAX_DOCUMENT_BYTES,
    };
    assert_eq!(
        long.message(Lang::En),
        "The file is too large (10000 kB; at most 1000 kB)."
    );
}

#[test]
fn markup_in_text_is_kept_as_text() {
    let mut v = example();
    let nasty = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    v["areas"]["governance"]["notes"] = json!(nasty);
    let a = import_json(&v).unwrap();
    assert_eq!(a.areas[0].notes, nasty);
}

/// Asserts the exact place and problem, and that the message says it in both languages.
fn assert_refused(v: &Value, path: &str, problem: Problem) {
    let err = import_json(v).unwrap_err();
    assert_eq!(
        err,
        ImportError::Invalid {
            path: path.into(),
            problem: problem.clone()
        },
        "{path}"
    );
    let (fr, en) = (err.message(Lang::Fr), err.message(Lang::En));
    assert!(fr.starts_with(path) && en.starts_with(path), "{fr} / {en}");
    let (pfr, pen) = (problem.message(Lang::Fr), problem.message(Lang::En));
    assert!(!pfr.trim().is_empty() && !pen.trim().is_empty(), "{path}");
    assert_ne!(pfr, pen, "{path}: a message in each language");
    assert_ne!(fr, en, "{path}");
}

#[test]
fn each_new_kind_of_invalid_input_names_its_place() {
    let context = "/clauses/context/requirements";
    let mobility = "/areas/mobility/indicators_followed";
    let set = |pointer: &'static str, key: &'static str, value: Value| {
        example_with(move |v| v.pointer_mut(pointer).unwrap()[key] = value)
    };
    // Requirements.
    assert_refused(
        &set(context, "context.weather", json!({ "answer": "yes" })),
        "clauses.context.requirements.context.weather",
        Problem::UnknownId(IdKind::Requirement),
    );
    assert_refused(
        &set(context, "policy", json!({ "answer": "yes" })),
        "clauses.context.requirements.policy",
        Problem::UnknownId(IdKind::Requirement),
    );
    assert_refused(
        &set(context, "leadership.policy", json!({ "answer": "yes" })),
        "clauses.context.requirements.leadership.policy",
        Problem::WrongClause("leadership"),
    );
    assert_refused(
        &set(
            "/clauses/evaluation",
            "requirements",
            json!({ "context.scope": { "answer": "no" } }),
        ),
        "clauses.evaluation.requirements.context.scope",
        Problem::WrongClause("context"),
    );
    assert_refused(
        &set(context, "context.scope", json!({ "answer": "maybe" })),
        "clauses.context.requirements.context.scope.answer",
        Problem::NotInList {
            value: "\"maybe\"".into(),
            allowed: Met::IDS,
        },
    );
    assert_refused(
        &set(context, "context.scope", json!({ "answer": true })),
        "clauses.context.requirements.context.scope.answer",
        Problem::WrongType(Expected::Text),
    );
    assert_refused(
        &set(
            context,
            "context.scope",
            json!({ "answer": "yes", "source": "minutes" }),
        ),
        "clauses.context.requirements.context.scope.source",
        Problem::UnknownField,
    );
    assert_refused(
        &set(context, "context.scope", json!("yes")),
        "clauses.context.requirements.context.scope",
        Problem::WrongType(Expected::Object),
    );
    assert_refused(
        &set("/clauses/context", "requirements", json!([])),
        "clauses.context.requirements",
        Problem::WrongType(Expected::Object),
    );
    assert_refused(
        &set(
            context,
            "context.scope",
            json!({ "evidence": "a".repeat(MAX_TEXT_CHARS + 1) }),
        ),
        "clauses.context.requirements.context.scope.evidence",
        Problem::TooLong {
            max: MAX_TEXT_CHARS,
        },
    );
    // Indicators followed.
    assert_refused(
        &set(mobility, "mobility.teleporters", json!({})),
        "areas.mobility.indicators_followed.mobility.teleporters",
        Problem::UnknownId(IdKind::Indicator),
    );
    let elsewhere = content::indicators_of(area_index("governance").unwrap())[0].id;
    assert_refused(
        &set(mobility, elsewhere, json!({})),
        &format!("areas.mobility.indicators_followed.{elsewhere}"),
        Problem::WrongArea("governance"),
    );
    let school = "mobility.modal-share-school";
    assert_refused(
        &set(
            mobility,
            school,
            json!({ "value": "9".repeat(MAX_VALUE_CHARS + 1) }),
        ),
        "areas.mobility.indicators_followed.mobility.modal-share-school.value",
        Problem::TooLong {
            max: MAX_VALUE_CHARS,
        },
    );
    assert_refused(
        &set(
            mobility,
            school,
            json!({ "unit": "%".repeat(MAX_UNIT_CHARS + 1) }),
        ),
        "areas.mobility.indicators_followed.mobility.modal-share-school.unit",
        Problem::TooLong {
            max: MAX_UNIT_CHARS,
        },
    );
    for (year, shown) in [
        (json!(1899), "1899"),
        (json!(2101), "2101"),
        (json!("2025"), "\"2025\""),
        (json!(2025.5), "2025.5"),
        (json!(-2025), "-2025"),
        (json!(67_925), "67925"),
        (json!(true), "true"),
    ] {
        assert_refused(
            &set(mobility, school, json!({ "year": year })),
            "areas.mobility.indicators_followed.mobility.modal-share-school.year",
            Problem::NotAYear(shown.into()),
        );
    }
    assert_refused(
        &set(mobility, school, json!({ "value": 38 })),
        "areas.mobility.indicators_followed.mobility.modal-share-school.value",
        Problem::WrongType(Expected::Text),
    );
    assert_refused(
        &set(
            mobility,
            school,
            json!({ "value": "38", "source": "INSEE" }),
        ),
        "areas.mobility.indicators_followed.mobility.modal-share-school.source",
        Problem::UnknownField,
    );
    assert_refused(
        &set(mobility, school, Value::Null),
        "areas.mobility.indicators_followed.mobility.modal-share-school",
        Problem::WrongType(Expected::Object),
    );
    assert_refused(
        &set(
            "/areas/mobility",
            "indicators_followed",
            json!(["mobility.charging-points"]),
        ),
        "areas.mobility.indicators_followed",
        Problem::WrongType(Expected::Object),
    );
    // Holders.
    assert_refused(
        &set("/areas/mobility", "holder", json!("mayor")),
        "areas.mobility.holder",
        Problem::NotInList {
            value: "\"mayor\"".into(),
            allowed: Holder::IDS,
        },
    );
    assert_refused(
        &set("/areas/mobility", "holder", json!(2)),
        "areas.mobility.holder",
        Problem::WrongType(Expected::Text),
    );
    // Clause actions: the limits of area actions.
    assert_refused(
        &set(
            "/clauses/context",
            "actions",
            json!(vec![json!({ "title": "x" }); MAX_ACTIONS + 1]),
        ),
        "clauses.context.actions",
        Problem::TooMany { max: MAX_ACTIONS },
    );
    assert_refused(
        &example_with(|v| v["clauses"]["context"]["actions"][0]["due"] = json!("31/01/2027")),
        "clauses.context.actions[0].due",
        Problem::NotADate("\"31/01/2027\"".into()),
    );
    // Version 1's climate question in a version 2 document, whatever its value.
    for value in [json!(true), json!(false), Value::Null] {
        assert_refused(
            &set("/clauses/context", "climate_relevant", value),
            "clauses.context.climate_relevant",
            Problem::Replaced("context.climate"),
        );
    }
}

#[test]
fn the_new_limits_are_inclusive_and_count_characters() {
    let v = example_with(|v| {
        v["areas"]["mobility"]["indicators_followed"]["mobility.charging-points"] = json!({
            "value": "é".repeat(MAX_VALUE_CHARS),
            "unit": "€".repeat(MAX_UNIT_CHARS),
            "year": 1900,
        });
        v["areas"]["mobility"]["indicators_followed"]["mobility.modal-share-school"] =
            json!({ "year": 2100, "value": null, "unit": null });
        v["clauses"]["context"]["requirements"]["context.issues"] =
            json!({ "answer": null, "evidence": null });
        v["areas"]["mobility"]["holder"] = Value::Null;
    });
    let a = import_json(&v).unwrap();
    let m = &a.areas[area_index("mobility").unwrap()];
    let (_, charging) = slot("mobility.charging-points");
    let (_, school) = slot("mobility.modal-share-school");
    assert_eq!(m.followed[charging].as_ref().unwrap().year, Some(1900));
    assert_eq!(
        m.followed[school],
        Some(Followed {
            year: Some(2100),
            ..Followed::default()
        })
    );
    assert_eq!(m.holder, None, "null: not given");
    assert_eq!(
        a.requirements[req("context.issues")],
        RequirementAnswer::default()
    );
    assert!(schema().is_valid(&v));
}

#[test]
fn every_problem_reads_differently_in_french_and_english() {
    let problems = [
        Problem::UnknownField,
        Problem::UnknownId(IdKind::Purpose),
        Problem::UnknownId(IdKind::Area),
        Problem::UnknownId(IdKind::Clause),
        Problem::UnknownId(IdKind::Requirement),
        Problem::UnknownId(IdKind::Indicator),
        Problem::Missing,
        Problem::WrongType(Expected::Object),
        Problem::WrongType(Expected::Array),
        Problem::WrongType(Expected::Text),
        Problem::WrongType(Expected::Boolean),
        Problem::WrongType(Expected::Integer),
        Problem::NotALevel("9".into()),
        Problem::NotATarget("9".into()),
        Problem::NotAContribution("9".into()),
        Problem::NotInList {
            value: "\"mayor\"".into(),
            allowed: Holder::IDS,
        },
        Problem::Empty,
        Problem::TooLong {
            max: MAX_VALUE_CHARS,
        },
        Problem::TooMany { max: MAX_ACTIONS },
        Problem::NotADate("x".into()),
        Problem::NotADateTime("x".into()),
        Problem::NotAUuid("x".into()),
        Problem::NotAVersion("x".into()),
        Problem::NotAYear("2101".into()),
        Problem::WrongClause("leadership"),
        Problem::WrongArea("governance"),
        Problem::Replaced("context.climate"),
    ];
    let mut seen = std::collections::HashSet::new();
    for p in &problems {
        let (fr, en) = (p.message(Lang::Fr), p.message(Lang::En));
        assert!(!fr.trim().is_empty() && !en.trim().is_empty(), "{p:?}");
        assert_ne!(fr, en, "{p:?}");
        assert!(seen.insert(en.clone()), "{p:?} reads like another problem");
    }
    // The new ones name what the user needs to put it right.
    let en = |p: Problem| p.message(Lang::En);
    let fr = |p: Problem| p.message(Lang::Fr);
    assert!(en(Problem::WrongClause("leadership")).contains("leadership"));
    assert!(fr(Problem::WrongClause("leadership")).contains("leadership"));
    assert!(en(Problem::WrongArea("governance")).contains("governance"));
    assert!(fr(Problem::WrongArea("governance")).contains("governance"));
    assert!(en(Problem::Replaced("context.climate")).contains("context.climate"));
    assert!(fr(Problem::Replaced("context.climate")).contains("context.climate"));
    for m in [
        en(Problem::NotAYear("2101".into())),
        fr(Problem::NotAYear("2101".into())),
    ] {
        assert!(
            m.contains("2101") && m.contains("1900") && m.contains("2100"),
            "{m}"
        );
    }
    assert_eq!(
        en(Problem::TooLong {
            max: MAX_VALUE_CHARS
        }),
        "text too long (at most 100 characters)"
    );
}

// --- Property tests ---------------------------------------------------------------------------

fn answer() -> impl Strategy<Value = Option<Answer>> {
    prop_oneof![
        Just(None),
        Just(Some(Answer::Na)),
        Just(Some(Answer::Unknown)),
        (0u8..=4).prop_map(|l| Some(Answer::Level(Level::new(l).unwrap()))),
    ]
}

fn choice<T: Copy + std::fmt::Debug + 'static>(
    all: &'static [T],
) -> impl Strategy<Value = Option<T>> {
    proptest::option::of(proptest::sample::select(all))
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "\\PC{0,40}",
        "[<>&\"'é\u{202f}\n ]{0,10}"
    ]
}

fn date() -> impl Strategy<Value = Option<String>> {
    proptest::option::of(
        (1900u32..2200, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
    )
}

fn actions() -> impl Strategy<Value = Vec<PlannedAction>> {
    proptest::collection::vec((text(), text(), date()), 0..3).prop_map(|actions| {
        actions
            .into_iter()
            .map(|(title, owner, due)| PlannedAction { title, owner, due })
            .collect()
    })
}

/// Text of at most `max` characters, often right at the limit.
fn short(max: usize) -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        proptest::string::string_regex(&format!("\\PC{{1,{max}}}")).unwrap(),
        Just("é".repeat(max)),
    ]
}

fn followed() -> impl Strategy<Value = Option<Followed>> {
    proptest::option::of(
        (
            short(MAX_VALUE_CHARS),
            short(MAX_UNIT_CHARS),
            proptest::option::of(prop_oneof![Just(1900u16), Just(2100u16), 1900u16..=2100]),
        )
            .prop_map(|(value, unit, year)| Followed { value, unit, year }),
    )
}

fn area() -> BoxedStrategy<AreaAnswer> {
    (
        any::<bool>(),
        answer(),
        proptest::option::of(0u8..=4),
        choice(Priority::ALL),
        proptest::array::uniform6(proptest::option::of(0u8..=2)),
        text(),
        text(),
        actions(),
        choice(Holder::ALL),
        proptest::array::uniform5(followed()),
    )
        .prop_map(
            |(
                in_scope,
                level,
                target,
                priority,
                contributions,
                indicators,
                notes,
                actions,
                holder,
                followed,
            )| {
                AreaAnswer {
                    in_scope,
                    level,
                    target: target.and_then(Level::new),
                    priority,
                    contributions: contributions.map(|c| c.and_then(Contribution::new)),
                    indicators,
                    notes,
                    actions,
                    holder,
                    followed,
                }
            },
        )
        .boxed()
}

fn requirement() -> impl Strategy<Value = RequirementAnswer> {
    (choice(Met::ALL), text()).prop_map(|(met, evidence)| RequirementAnswer { met, evidence })
}

fn content_version() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(content::CONTENT_VERSION.to_string()),
        Just("1.0.0".to_string()),
        Just("2.0.0".to_string()),
        "[0-9]{1,2}\\.[0-9]{1,2}\\.[0-9]{1,2}",
        // Informative: any text is read back as it was.
        "\\PC{1,40}".prop_filter("not blank", |s| !s.trim().is_empty()),
    ]
}

fn assessment() -> BoxedStrategy<Assessment> {
    let community = (
        "[A-Za-zé' -]{0,20}[A-Za-z]",
        choice(Kind::ALL),
        choice(Population::ALL),
        (
            text(),
            choice(Object::ALL),
            choice(Scale::ALL),
            choice(ProjectPhase::ALL),
        ),
        (date(), text(), text()),
    )
        .prop_map(
            |(
                name,
                kind,
                population,
                (perimeter, object, scale, phase),
                (date, participants, notes),
            )| {
                Community {
                    name,
                    kind,
                    population,
                    perimeter,
                    object,
                    scale,
                    phase,
                    date,
                    participants,
                    notes,
                }
            },
        )
        .boxed();
    let clause = (answer(), text(), actions()).prop_map(|(level, notes, actions)| ClauseAnswer {
        level,
        notes,
        actions,
    });
    (
        any::<[u8; 16]>(),
        any::<u64>(),
        proptest::sample::select(&[Lang::Fr, Lang::En][..]),
        proptest::sample::select(Mode::ALL),
        community,
        proptest::array::uniform6(choice(Priority::ALL)),
        proptest::array::uniform12(area()),
        proptest::array::uniform7(clause),
        proptest::collection::vec(requirement(), N_REQUIREMENTS),
        content_version(),
    )
        .prop_map(
            |(
                id,
                revision,
                language,
                mode,
                community,
                priorities,
                mut areas,
                clauses,
                requirements,
                content_version,
            )| {
                let mut a = Assessment::new(uuid_v4(id), NOW.into(), language, mode, String::new());
                a.revision = revision;
                a.updated = "2027-01-02T03:04:05.678+01:00".into();
                a.community = community;
                a.purposes = priorities.map(|priority| PurposeAnswer { priority });
                // An area follows only the indicators it suggests (3 to 5).
                for (i, area) in areas.iter_mut().enumerate() {
                    let n = content::indicators_of(i).len();
                    for f in &mut area.followed[n..] {
                        *f = None;
                    }
                }
                a.areas = areas;
                a.clauses = clauses;
                a.requirements = requirements.try_into().unwrap();
                a.content_version = content_version;
                a
            },
        )
        .boxed()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn export_then_import_gives_back_the_same_assessment(a in assessment()) {
        prop_assert_eq!(import(export(&a).as_bytes()), Ok(a.clone()));
        prop_assert_eq!(import(export_compact(&a).as_bytes()), Ok(a));
    }

    #[test]
    fn a_share_link_carries_its_subset_back(a in assessment()) {
        // All the answers without the scores...
        prop_assert_eq!(import(export_answers(&a).as_bytes()), Ok(a.clone()));
        // ...and, as links are made by default, the answers without what stays private.
        let shared = answers_only(&a);
        prop_assert_eq!(import(export_answers(&shared).as_bytes()), Ok(shared.clone()));
        prop_assert_eq!(shared.mode, a.mode);
        prop_assert_eq!(shared.content_version, a.content_version);
        for (s, o) in shared.areas.iter().zip(&a.areas) {
            prop_assert_eq!((s.level, s.target, s.priority, s.holder), (o.level, o.target, o.priority, o.holder));
            prop_assert_eq!(s.contributions, o.contributions);
            for (sf, of) in s.followed.iter().zip(&o.followed) {
                prop_assert_eq!(sf.is_some(), of.is_some(), "followed or not is an answer");
            }
        }
        for (s, o) in shared.requirements.iter().zip(&a.requirements) {
            prop_assert_eq!(s.met, o.met);
        }
        for (s, o) in shared.clauses.iter().zip(&a.clauses) {
            prop_assert_eq!(s.level, o.level);
        }
    }

    #[test]
    fn every_export_follows_the_schema(a in assessment()) {
        let v: Value = serde_json::from_str(&export(&a)).unwrap();
        let errors = schema_errors(&schema(), &v);
        prop_assert!(errors.is_empty(), "{:?}", errors);
        let completion = v["scores"]["completion"].as_f64().unwrap();
        prop_assert!((0.0..=1.0).contains(&completion));
        let requirements = v["scores"]["requirements"].as_object().unwrap();
        prop_assert_eq!(requirements.len(), 1 + content::CLAUSES.len());
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = import(&bytes);
    }

    #[test]
    fn arbitrary_json_never_panics(v in arbitrary_json()) {
        let _ = import_json(&v);
        // Grafted into a valid document, anywhere, it is either read or a typed error.
        for pointer in [
            "/areas/governance",
            "/areas/governance/level",
            "/community",
            "/clauses",
            "/purposes/environment",
            "/version",
            "/areas/mobility/holder",
            "/areas/mobility/indicators_followed",
            "/areas/mobility/indicators_followed/mobility.modal-share-school",
            "/areas/mobility/indicators_followed/mobility.modal-share-school/year",
            "/clauses/context",
            "/clauses/context/requirements",
            "/clauses/context/requirements/context.scope",
            "/clauses/context/actions",
            "/framework",
        ] {
            let mut doc = example();
            *doc.pointer_mut(pointer).unwrap() = v.clone();
            let _ = import_json(&doc);
        }
    }
}

fn arbitrary_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        "\\PC{0,12}".prop_map(Value::from),
        proptest::sample::select(
            &[
                "na",
                "unknown",
                "governance",
                "high",
                "commune",
                "2026-11-28",
                "yes",
                "partly",
                "intermunicipal",
                "context.climate",
                "mobility.charging-points"
            ][..]
        )
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::from),
            proptest::collection::btree_map(
                prop_oneof![
                    "[a-z_]{1,12}",
                    proptest::sample::select(
                        &[
                            "level",
                            "governance",
                            "name",
                            "format",
                            "in_scope",
                            "actions",
                            "requirements",
                            "context.scope",
                            "answer",
                            "holder",
                            "year",
                            "climate_relevant"
                        ][..]
                    )
                    .prop_map(String::from)
                ],
                inner,
                0..6
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

#[test]
fn indentation_matches_serde_jsons_pretty_printer() {
    let tricky = json!({
        "a": "braces { [ in ] } strings, and \"quotes\" and a backslash \\",
        "b": [],
        "c": {},
        "d": [1, {"e": null, "f": [true, false]}],
        "g": "tab\t, colon: comma, \u{e9}"
    });
    let compact = serde_json::to_string(&tricky).unwrap();
    assert_eq!(
        indent(&compact),
        serde_json::to_string_pretty(&tricky).unwrap()
    );
}

proptest! {
    #[test]
    fn indentation_agrees_with_serde_json_on_any_document(v in arbitrary_json()) {
        let compact = serde_json::to_string(&v).unwrap();
        prop_assert_eq!(indent(&compact), serde_json::to_string_pretty(&v).unwrap());
    }
}
