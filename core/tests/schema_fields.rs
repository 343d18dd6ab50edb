//! One source of truth per stored field: the published v2 schema and the exporter must name the
//! same fields. An assessment with every field set is exported, and the document and the schema
//! are walked together: every key the exporter writes must be one the schema declares, and every
//! field the schema declares must be written by the exporter. Adding a field to one and not the
//! other fails here (see CONTRIBUTING.md, "Adding a stored field").

#![cfg(not(target_arch = "wasm32"))]

mod common;
use std::collections::BTreeSet;

use autodiag_core::content::{indicators_of, N_AREAS, N_CLAUSES, N_PURPOSES, N_REQUIREMENTS};
use autodiag_core::format::export;
use autodiag_core::model::*;
use common::*;
use serde_json::{Map, Value};

const SCHEMA: &str = include_str!("../../schema/autodiag-37101.v2.schema.json");

/// An assessment in full mode with every field of the format given.
fn everything() -> Assessment {
    let mut a = blank(Mode::Full);
    let c = &mut a.community;
    c.kind = Some(Kind::Commune);
    c.population = Some(Population::Under2k);
    c.perimeter = "p".into();
    c.object = Some(Object::Strategy);
    c.scale = Some(Scale::City);
    c.phase = Some(ProjectPhase::Design);
    c.date = Some("2026-11-29".into());
    c.participants = "x".into();
    c.notes = "n".into();
    let action = PlannedAction {
        title: "t".into(),
        owner: "o".into(),
        due: Some("2027-01-31".into()),
    };
    for p in 0..N_PURPOSES {
        a.purposes[p].priority = Some(Priority::High);
    }
    for i in 0..N_AREAS {
        let area = &mut a.areas[i];
        area.level = level(1);
        area.target = Level::new(3);
        area.priority = Some(Priority::Low);
        area.contributions = contributions([2, 1, 0, 1, 2, 1]);
        area.indicators = "i".into();
        area.notes = "n".into();
        area.actions = vec![action.clone()];
        area.holder = Some(Holder::Intermunicipal);
        for k in 0..indicators_of(i).len() {
            area.followed[k] = Some(Followed {
                value: "38".into(),
                unit: "%".into(),
                year: Some(2025),
            });
        }
    }
    for c in 0..N_CLAUSES {
        let clause = &mut a.clauses[c];
        clause.level = level(2);
        clause.notes = "n".into();
        clause.actions = vec![action.clone()];
    }
    for r in 0..N_REQUIREMENTS {
        a.requirements[r] = RequirementAnswer {
            met: Some(Met::Partly),
            evidence: "e".into(),
        };
    }
    a
}

/// Follows `$ref` (local references only, as the schema uses).
fn resolve<'a>(root: &'a Value, node: &'a Value) -> &'a Value {
    match node.get("$ref").and_then(Value::as_str) {
        Some(r) => {
            let path = r.trim_start_matches("#/");
            path.split('/').fold(root, |v, k| {
                v.get(k).unwrap_or_else(|| panic!("{r} resolves"))
            })
        }
        None => node,
    }
}

/// A schema node and what its `$ref` points to (once each).
fn expand<'a>(root: &'a Value, node: &'a Value) -> Vec<&'a Value> {
    let target = resolve(root, node);
    if std::ptr::eq(target, node) {
        vec![node]
    } else {
        vec![node, target]
    }
}

/// Walks the document with the schemas that apply at each place (a node's own keywords and those
/// of its `$ref`); records the schema fields written (`seen`) and the keys written that no
/// applicable schema declares (`unknown`). A map's keys are ids, not fields: they are named `*`.
fn walk(
    root: &Value,
    nodes: &[&Value],
    doc: &Value,
    path: &str,
    seen: &mut BTreeSet<String>,
    unknown: &mut Vec<String>,
) {
    let all: Vec<&Value> = nodes.iter().flat_map(|n| expand(root, n)).collect();
    match doc {
        Value::Object(map) => {
            for (k, v) in map {
                let declared: Vec<&Value> = all
                    .iter()
                    .filter_map(|n| n.get("properties").and_then(|p| p.get(k)))
                    .collect();
                let (children, field) = if declared.is_empty() {
                    let any: Vec<&Value> = all
                        .iter()
                        .filter_map(|n| n.get("additionalProperties").filter(|a| a.is_object()))
                        .collect();
                    (any, format!("{path}.*"))
                } else {
                    (declared, format!("{path}.{k}"))
                };
                if children.is_empty() {
                    unknown.push(format!("{path}.{k}"));
                    continue;
                }
                seen.insert(field.clone());
                walk(root, &children, v, &field, seen, unknown);
            }
        }
        Value::Array(items) => {
            let children: Vec<&Value> = all.iter().filter_map(|n| n.get("items")).collect();
            for v in items {
                walk(root, &children, v, &format!("{path}[]"), seen, unknown);
            }
        }
        _ => {}
    }
}

/// Every field the schema declares, reached from the root through objects and arrays, with the
/// same naming as `walk`.
fn declared(root: &Value, node: &Value, path: &str, out: &mut BTreeSet<String>, depth: usize) {
    if depth > 12 {
        return;
    }
    for n in expand(root, node) {
        if let Some(props) = n.get("properties").and_then(Value::as_object) {
            for (k, v) in props {
                let place = format!("{path}.{k}");
                if out.insert(place.clone()) || depth == 0 {
                    declared(root, v, &place, out, depth + 1);
                }
            }
        }
        if let Some(a) = n.get("additionalProperties").filter(|a| a.is_object()) {
            let place = format!("{path}.*");
            out.insert(place.clone());
            declared(root, a, &place, out, depth + 1);
        }
        if let Some(item) = n.get("items") {
            declared(root, item, &format!("{path}[]"), out, depth + 1);
        }
    }
}

#[test]
fn the_schema_and_the_exporter_name_the_same_fields() {
    let root: Value = serde_json::from_str(SCHEMA).unwrap();
    let doc: Value = serde_json::from_str(&export(&everything())).unwrap();
    let (mut seen, mut unknown) = (BTreeSet::new(), Vec::new());
    walk(&root, &[&root], &doc, "", &mut seen, &mut unknown);
    assert_eq!(
        unknown,
        Vec::<String>::new(),
        "written but not in the schema"
    );

    let mut all = BTreeSet::new();
    declared(&root, &root, "", &mut all, 0);
    let never: Vec<_> = all.difference(&seen).collect();
    assert_eq!(
        never,
        Vec::<&String>::new(),
        "declared by the schema but never written by the exporter"
    );
    // The walk did reach the new fields of version 2.
    for f in [
        ".areas.mobility.holder",
        ".areas.mobility.indicators_followed",
        ".clauses.context.requirements",
        ".clauses.context.actions",
        ".scores.requirements",
        ".scores.unmet",
    ] {
        assert!(seen.contains(f), "{f}");
    }
}

#[test]
fn a_field_the_schema_lacks_is_caught() {
    let root: Value = serde_json::from_str(SCHEMA).unwrap();
    let mut doc: Value = serde_json::from_str(&export(&everything())).unwrap();
    let area = doc["areas"]["mobility"].as_object_mut().unwrap();
    area.insert("budget".into(), Value::from(12));
    let (mut seen, mut unknown) = (BTreeSet::new(), Vec::new());
    walk(&root, &[&root], &doc, "", &mut seen, &mut unknown);
    assert_eq!(unknown, [".areas.mobility.budget"]);

    // And a field the exporter never writes.
    let mut schema = root.clone();
    let area: &mut Map<String, Value> = schema["$defs"]["area"]["properties"]
        .as_object_mut()
        .unwrap();
    area.insert("budget".into(), serde_json::json!({ "type": "integer" }));
    let (mut seen, mut unknown) = (BTreeSet::new(), Vec::new());
    walk(&schema, &[&schema], &doc, "", &mut seen, &mut unknown);
    let mut all = BTreeSet::new();
    declared(&schema, &schema, "", &mut all, 0);
    doc["areas"]["mobility"]
        .as_object_mut()
        .unwrap()
        .remove("budget");
    let (mut seen2, mut unknown2) = (BTreeSet::new(), Vec::new());
    walk(&schema, &[&schema], &doc, "", &mut seen2, &mut unknown2);
    assert!(all.difference(&seen2).any(|f| f.ends_with(".budget")));
}
