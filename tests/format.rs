//! Export format v1: round trips, the published schema, and every kind of invalid input.

#![cfg(not(target_arch = "wasm32"))]

mod common;
use autodiag37101::format::*;
use autodiag37101::i18n::Lang;
use autodiag37101::model::*;
use common::*;
use proptest::prelude::*;
use serde_json::{json, Value};

const EXAMPLE: &str = r#"{
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

fn schema() -> jsonschema::Validator {
    let text = include_str!("../schema/autodiag-37101.v1.schema.json");
    jsonschema::validator_for(&serde_json::from_str(text).unwrap()).unwrap()
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
    assert!(!a.areas[11].in_scope);
    assert_eq!(a.clauses[0].climate_relevant, Some(true));
    assert_eq!(a.clauses[5].level, Some(Answer::Na));
}

#[test]
fn scores_in_a_file_are_ignored_and_recomputed() {
    let mut v = example();
    v["scores"] = json!({ "overall": 4.0, "anything": "at all" });
    let a = import_json(&v).unwrap();
    let out: Value = serde_json::from_str(&export(&a)).unwrap();
    // governance 2 is the only scored in-scope area.
    assert_eq!(out["scores"]["overall"], json!(2.0));
    assert_eq!(
        out["scores"]["areas"]["governance"],
        json!({ "level": 2, "gap": 1 })
    );
    assert_eq!(out["scores"]["management"]["overall"], json!(1.0));
    assert_eq!(out["scores"]["management"]["do"], Value::Null);
}

#[test]
fn exports_follow_the_published_schema() {
    let validator = schema();
    let mut a = import(EXAMPLE.as_bytes()).unwrap();
    for doc in [export(&a), export_compact(&a), export(&blank(Mode::Quick))] {
        let v: Value = serde_json::from_str(&doc).unwrap();
        let errors: Vec<_> = validator.iter_errors(&v).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{errors:?}");
    }
    // And the schema does reject what import rejects.
    a.community.name = String::new();
    let mut v: Value = serde_json::from_str(&export(&a)).unwrap();
    assert!(!validator.is_valid(&v));
    v["community"]["name"] = json!("x");
    v["areas"]["governance"]["level"] = json!(9);
    assert!(!validator.is_valid(&v));
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
    assert!(text.starts_with("{\n  \"format\": \"autodiag-37101\""));
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
        json!({ "format": "other", "version": 1 }),
    ] {
        assert_eq!(import_json(&v), Err(ImportError::NotOurFormat), "{v}");
    }
}

#[test]
fn versions() {
    let mut v = example();
    v["version"] = json!(2);
    assert_eq!(
        import_json(&v),
        Err(ImportError::NewerVersion { version: 2 })
    );
    let msg = import_json(&v).unwrap_err().message(Lang::Fr);
    assert!(msg.contains("version plus récente"), "{msg}");
    for bad in [json!(0), json!("1"), json!(1.5), json!(-1)] {
        v["version"] = bad;
        assert!(matches!(invalid_at(&v), (p, Problem::NotAVersion(_)) if p == "version"));
    }
    v.as_object_mut().unwrap().remove("version");
    assert_eq!(invalid_at(&v), ("version".into(), Problem::Missing));
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
            "/clauses/context/climate_relevant",
            json!(1),
            "clauses.context.climate_relevant",
            Problem::WrongType(Expected::Boolean),
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
    // The climate question belongs to clause 4 only.
    let mut v = example();
    v["clauses"]["evaluation"]["climate_relevant"] = json!(true);
    assert_eq!(
        invalid_at(&v),
        (
            "clauses.evaluation.climate_relevant".into(),
            Problem::UnknownField
        )
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

fn area() -> BoxedStrategy<AreaAnswer> {
    (
        any::<bool>(),
        answer(),
        proptest::option::of(0u8..=4),
        choice(Priority::ALL),
        proptest::array::uniform6(proptest::option::of(0u8..=2)),
        text(),
        text(),
        proptest::collection::vec((text(), text(), date()), 0..3),
    )
        .prop_map(
            |(in_scope, level, target, priority, contributions, indicators, notes, actions)| {
                AreaAnswer {
                    in_scope,
                    level,
                    target: target.and_then(Level::new),
                    priority,
                    contributions: contributions.map(|c| c.and_then(Contribution::new)),
                    indicators,
                    notes,
                    actions: actions
                        .into_iter()
                        .map(|(title, owner, due)| PlannedAction { title, owner, due })
                        .collect(),
                }
            },
        )
        .boxed()
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
    let clause = (answer(), proptest::option::of(any::<bool>()), text()).boxed();
    (
        any::<[u8; 16]>(),
        any::<u64>(),
        proptest::sample::select(&[Lang::Fr, Lang::En][..]),
        proptest::sample::select(Mode::ALL),
        community,
        proptest::array::uniform6(choice(Priority::ALL)),
        proptest::array::uniform12(area()),
        proptest::array::uniform7(clause),
    )
        .prop_map(
            |(id, revision, language, mode, community, priorities, areas, clauses)| {
                let mut a = Assessment::new(uuid_v4(id), NOW.into(), language, mode, String::new());
                a.revision = revision;
                a.updated = "2027-01-02T03:04:05.678+01:00".into();
                a.community = community;
                a.purposes = priorities.map(|priority| PurposeAnswer { priority });
                a.areas = areas;
                a.clauses = std::array::from_fn(|i| {
                    let (level, climate, notes) = clauses[i].clone();
                    // The climate question belongs to clause 4 (index 0) alone.
                    ClauseAnswer {
                        level,
                        climate_relevant: if i == 0 { climate } else { None },
                        notes,
                    }
                });
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
    fn every_export_follows_the_schema(a in assessment()) {
        let v: Value = serde_json::from_str(&export(&a)).unwrap();
        prop_assert!(schema().is_valid(&v));
        let completion = v["scores"]["completion"].as_f64().unwrap();
        prop_assert!((0.0..=1.0).contains(&completion));
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = import(&bytes);
    }

    #[test]
    fn arbitrary_json_never_panics(v in arbitrary_json()) {
        let _ = import_json(&v);
        // Grafted into a valid document, anywhere, it is either read or a typed error.
        for pointer in ["/areas/governance", "/areas/governance/level", "/community", "/clauses", "/purposes/environment", "/version"] {
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
                "2026-11-28"
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
                            "actions"
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
