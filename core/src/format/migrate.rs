//! Migrations: each brings a document of one version to the next, as JSON, before it is read.

use serde_json::{Map, Value};

use super::errors::{invalid, Expected, ImportError, Problem};
use crate::content;

type Migration = fn(Value) -> Result<Value, ImportError>;

/// Migrations from version n to n + 1, at index n − 1: every document goes through this chain, so
/// a new version only adds an entry here.
pub(super) const MIGRATIONS: [Migration; 1] = [v1_to_v2];

const AREA_FIELDS_V1: &[&str] = &[
    "in_scope",
    "level",
    "target",
    "priority",
    "contributions",
    "indicators",
    "notes",
    "actions",
];

/// Version 1 → 2: `clauses.context.climate_relevant` becomes the requirement `context.climate`
/// (`true` → `yes`, `false` → `no`, absent → unanswered). A version 1 document holding a field
/// that only version 2 has is refused, as version 1 itself would refuse it.
fn v1_to_v2(mut v: Value) -> Result<Value, ImportError> {
    if let Some(areas) = v.get("areas").and_then(Value::as_object) {
        for (id, area) in areas {
            if let Some(k) = area
                .as_object()
                .and_then(|o| o.keys().find(|k| !AREA_FIELDS_V1.contains(&k.as_str())))
            {
                return Err(invalid(&format!("areas.{id}.{k}"), Problem::UnknownField));
            }
        }
    }
    if let Some(clauses) = v.get_mut("clauses").and_then(Value::as_object_mut) {
        for (id, clause) in clauses.iter_mut() {
            let Some(c) = clause.as_object_mut() else {
                continue;
            };
            let allowed: &[&str] = if id == "context" {
                &["level", "notes", "climate_relevant"]
            } else {
                &["level", "notes"]
            };
            if let Some(k) = c.keys().find(|k| !allowed.contains(&k.as_str())) {
                return Err(invalid(&format!("clauses.{id}.{k}"), Problem::UnknownField));
            }
            let answer = match c.remove("climate_relevant") {
                None | Some(Value::Null) => continue,
                Some(Value::Bool(true)) => "yes",
                Some(Value::Bool(false)) => "no",
                Some(_) => {
                    return Err(invalid(
                        "clauses.context.climate_relevant",
                        Problem::WrongType(Expected::Boolean),
                    ))
                }
            };
            let mut requirement = Map::new();
            requirement.insert("answer".into(), answer.into());
            let mut requirements = Map::new();
            requirements.insert("context.climate".into(), requirement.into());
            c.insert("requirements".into(), requirements.into());
        }
    }
    if let Some(doc) = v.as_object_mut() {
        // A version 1 file that names no content version (no `framework`, or a null or blank
        // `content_version`) was answered with content 1: left unnamed, `read` would take the
        // tool's own version and the user would never be told of the new questions.
        let fw = doc.entry("framework").or_insert(Value::Null);
        if fw.is_null() {
            let mut named = Map::new();
            named.insert("id".into(), content::FRAMEWORK_ID.into());
            *fw = named.into();
        }
        if let Some(fw) = fw.as_object_mut() {
            let unnamed = fw
                .get("content_version")
                .is_none_or(|c| c.is_null() || c.as_str().is_some_and(|s| s.trim().is_empty()));
            if unnamed {
                fw.insert("content_version".into(), "1.0.0".into());
            }
        }
        doc.insert("version".into(), 2.into());
    }
    Ok(v)
}
