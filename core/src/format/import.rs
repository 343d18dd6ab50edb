//! Import: strict, hand-walked over a `serde_json::Value`, so that every problem is a typed error
//! naming its place (`areas.governance.level`); older versions are migrated first (`migrate`).

use serde_json::{Map, Value};

use super::errors::{invalid, show, Expected, IdKind, ImportError, Problem};
use super::migrate::MIGRATIONS;
use super::{FORMAT, MAX_DOCUMENT_BYTES, MAX_NESTING, VERSION};
use crate::content::{self, AREAS, CLAUSES, N_PURPOSES, REQUIREMENTS};
use crate::i18n::Lang;
use crate::model::*;

/// An object being read: rejects keys outside the allowed list, and names places in errors.
struct Obj<'a> {
    map: &'a Map<String, Value>,
    path: String,
}

impl<'a> Obj<'a> {
    fn new(v: &'a Value, path: &str, allowed: &[&str]) -> Result<Self, ImportError> {
        let map = v
            .as_object()
            .ok_or_else(|| invalid(path, Problem::WrongType(Expected::Object)))?;
        let obj = Obj {
            map,
            path: path.to_string(),
        };
        if let Some(k) = map.keys().find(|k| !allowed.contains(&k.as_str())) {
            return Err(invalid(&obj.at(k), Problem::UnknownField));
        }
        Ok(obj)
    }

    fn at(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    /// The value of `key`, treating `null` as absent.
    fn get(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    fn required(&self, key: &str) -> Result<&'a Value, ImportError> {
        self.get(key)
            .ok_or_else(|| invalid(&self.at(key), Problem::Missing))
    }

    fn str_of(&self, key: &str, v: &'a Value) -> Result<&'a str, ImportError> {
        v.as_str()
            .ok_or_else(|| invalid(&self.at(key), Problem::WrongType(Expected::Text)))
    }

    /// Free text: absent or null reads as empty.
    fn text(&self, key: &str) -> Result<String, ImportError> {
        self.short_text(key, MAX_TEXT_CHARS)
    }

    /// Text of at most `max` characters: absent or null reads as empty.
    fn short_text(&self, key: &str, max: usize) -> Result<String, ImportError> {
        let Some(v) = self.get(key) else {
            return Ok(String::new());
        };
        let s = self.str_of(key, v)?;
        if s.chars().count() > max {
            return Err(invalid(&self.at(key), Problem::TooLong { max }));
        }
        Ok(s.to_string())
    }

    fn year(&self, key: &str) -> Result<Option<u16>, ImportError> {
        let Some(v) = self.get(key) else {
            return Ok(None);
        };
        v.as_u64()
            .and_then(|n| u16::try_from(n).ok())
            .filter(|y| YEARS.contains(y))
            .map(Some)
            .ok_or_else(|| invalid(&self.at(key), Problem::NotAYear(show(v))))
    }

    fn actions(&self, key: &str) -> Result<Vec<PlannedAction>, ImportError> {
        let Some(v) = self.get(key) else {
            return Ok(Vec::new());
        };
        let path = self.at(key);
        let list = v
            .as_array()
            .ok_or_else(|| invalid(&path, Problem::WrongType(Expected::Array)))?;
        if list.len() > MAX_ACTIONS {
            return Err(invalid(&path, Problem::TooMany { max: MAX_ACTIONS }));
        }
        list.iter()
            .enumerate()
            .map(|(i, item)| {
                let o = Obj::new(item, &format!("{path}[{i}]"), &["title", "owner", "due"])?;
                Ok(PlannedAction {
                    title: o.text("title")?,
                    owner: o.text("owner")?,
                    due: o.date("due")?,
                })
            })
            .collect()
    }

    fn choice<T>(
        &self,
        key: &str,
        ids: &'static [&'static str],
        from_id: fn(&str) -> Option<T>,
    ) -> Result<Option<T>, ImportError> {
        let Some(v) = self.get(key) else {
            return Ok(None);
        };
        let s = self.str_of(key, v)?;
        from_id(s).map(Some).ok_or_else(|| {
            invalid(
                &self.at(key),
                Problem::NotInList {
                    value: show(v),
                    allowed: ids,
                },
            )
        })
    }

    fn required_choice<T>(
        &self,
        key: &str,
        ids: &'static [&'static str],
        from_id: fn(&str) -> Option<T>,
    ) -> Result<T, ImportError> {
        self.choice(key, ids, from_id)?
            .ok_or_else(|| invalid(&self.at(key), Problem::Missing))
    }

    fn date(&self, key: &str) -> Result<Option<String>, ImportError> {
        let Some(v) = self.get(key) else {
            return Ok(None);
        };
        let s = self.str_of(key, v)?;
        if is_calendar_date(s) {
            Ok(Some(s.to_string()))
        } else {
            Err(invalid(&self.at(key), Problem::NotADate(show(v))))
        }
    }

    fn date_time(&self, key: &str) -> Result<String, ImportError> {
        let v = self.required(key)?;
        let s = self.str_of(key, v)?;
        if is_rfc3339(s) {
            Ok(s.to_string())
        } else {
            Err(invalid(&self.at(key), Problem::NotADateTime(show(v))))
        }
    }

    fn bool(&self, key: &str) -> Result<Option<bool>, ImportError> {
        self.get(key)
            .map(|v| {
                v.as_bool()
                    .ok_or_else(|| invalid(&self.at(key), Problem::WrongType(Expected::Boolean)))
            })
            .transpose()
    }

    fn level(&self, key: &str) -> Result<Option<Answer>, ImportError> {
        // A null level is invalid: absence is how the format says "unanswered".
        let Some(v) = self.map.get(key) else {
            return Ok(None);
        };
        let answer = match v {
            // Only the words: a level is a number in the file, never "2".
            Value::String(s) => Answer::from_id(s).filter(|a| a.scored().is_none()),
            Value::Number(n) => n
                .as_u64()
                .and_then(small)
                .and_then(Level::new)
                .map(Answer::Level),
            _ => None,
        };
        answer
            .map(Some)
            .ok_or_else(|| invalid(&self.at(key), Problem::NotALevel(show(v))))
    }

    /// Each key of the object at `key` must be one of `ids`; yields (index, value) pairs.
    fn keyed(
        &self,
        key: &str,
        kind: IdKind,
        index: fn(&str) -> Option<usize>,
    ) -> Result<Vec<(usize, &'a Value, String)>, ImportError> {
        let Some(v) = self.get(key) else {
            return Ok(Vec::new());
        };
        let path = self.at(key);
        let map = v
            .as_object()
            .ok_or_else(|| invalid(&path, Problem::WrongType(Expected::Object)))?;
        map.iter()
            .map(|(k, v)| {
                let place = format!("{path}.{k}");
                match index(k) {
                    Some(i) => Ok((i, v, place)),
                    None => Err(invalid(&place, Problem::UnknownId(kind))),
                }
            })
            .collect()
    }
}

fn small(n: u64) -> Option<u8> {
    u8::try_from(n).ok()
}

/// Reads a document from bytes: a file, a stored value or a decoded share link.
pub fn import(bytes: &[u8]) -> Result<Assessment, ImportError> {
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(ImportError::TooLarge {
            bytes: bytes.len(),
            limit: MAX_DOCUMENT_BYTES,
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let value: Value = serde_json::from_slice(bytes).map_err(|e| {
        let (line, column) = (e.line(), e.column());
        if too_deep_at(bytes, line, column) {
            ImportError::TooDeep { line, column }
        } else {
            ImportError::NotJson { line, column }
        }
    })?;
    import_value(value)
}

/// Whether the parser stopped at `line`, `column` because the JSON nests deeper than it reads
/// (`MAX_NESTING`), rather than on a mistake: the place is then the `[` or `{` that opens one
/// level too many. The parser's own error says so only in its English text, which the app's
/// code does not carry.
fn too_deep_at(bytes: &[u8], line: usize, column: usize) -> bool {
    let (mut depth, mut at_line, mut line_start) = (0usize, 1usize, 0usize);
    let (mut in_string, mut escaped) = (false, false);
    for (i, &b) in bytes.iter().enumerate() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'\n' => (at_line, line_start) = (at_line + 1, i + 1),
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    // The parser counts columns in bytes from 1.
                    return (at_line, i + 1 - line_start) == (line, column);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

/// Reads a document that is already parsed JSON.
pub fn import_value(mut value: Value) -> Result<Assessment, ImportError> {
    let is_ours = value.get("format").and_then(Value::as_str) == Some(FORMAT);
    if !is_ours {
        return Err(ImportError::NotOurFormat);
    }
    let version = match value.get("version") {
        None | Some(Value::Null) => return Err(invalid("version", Problem::Missing)),
        // 2^64 or more: the parser holds it as a float, a whole number at that size. It is
        // greater than any version, not "not a version".
        Some(Value::Number(n))
            if n.is_f64()
                && n.as_f64()
                    .is_some_and(|f| f >= 18_446_744_073_709_551_616.0) =>
        {
            u64::MAX
        }
        Some(v) => v
            .as_u64()
            .filter(|&n| n >= 1)
            .ok_or_else(|| invalid("version", Problem::NotAVersion(show(v))))?,
    };
    if version > VERSION {
        return Err(ImportError::NewerVersion { version });
    }
    for migrate in &MIGRATIONS[(version - 1) as usize..] {
        value = migrate(value)?;
    }
    read(&value)
}

const TOP_FIELDS: &[&str] = &[
    "format",
    "version",
    "id",
    "revision",
    "created",
    "updated",
    "framework",
    "language",
    "mode",
    "community",
    "purposes",
    "areas",
    "clauses",
    "scores",
];
const COMMUNITY_FIELDS: &[&str] = &[
    "name",
    "kind",
    "population",
    "perimeter",
    "object",
    "scale",
    "phase",
    "date",
    "participants",
    "notes",
];
const AREA_FIELDS: &[&str] = &[
    "in_scope",
    "level",
    "target",
    "priority",
    "contributions",
    "indicators",
    "notes",
    "actions",
    "holder",
    "indicators_followed",
];
const CLAUSE_FIELDS: &[&str] = &["level", "notes", "requirements", "actions"];

/// Reads a document of the current version.
fn read(value: &Value) -> Result<Assessment, ImportError> {
    let top = Obj::new(value, "", TOP_FIELDS)?;

    let id_value = top.required("id")?;
    let id = top.str_of("id", id_value)?;
    if !is_uuid(id) {
        return Err(invalid("id", Problem::NotAUuid(show(id_value))));
    }
    let revision = {
        let v = top.required("revision")?;
        v.as_u64()
            .ok_or_else(|| invalid("revision", Problem::WrongType(Expected::Integer)))?
    };
    // Informative: any content version is read; the app says when it is not its own.
    let mut content_version = content::CONTENT_VERSION.to_string();
    if let Some(fw) = top.get("framework") {
        let fw = Obj::new(fw, "framework", &["id", "edition", "content_version"])?;
        fw.required_choice("id", &[content::FRAMEWORK_ID], |s| {
            (s == content::FRAMEWORK_ID).then_some(())
        })?;
        fw.text("edition")?;
        let v = fw.short_text("content_version", 100)?;
        if !v.trim().is_empty() {
            content_version = v;
        }
    }

    let community = {
        let c = Obj::new(top.required("community")?, "community", COMMUNITY_FIELDS)?;
        let name = c.text("name")?;
        if c.get("name").is_none() {
            return Err(invalid("community.name", Problem::Missing));
        }
        if name.trim().is_empty() {
            return Err(invalid("community.name", Problem::Empty));
        }
        Community {
            name,
            kind: c.choice("kind", Kind::IDS, Kind::from_id)?,
            population: c.choice("population", Population::IDS, Population::from_id)?,
            perimeter: c.text("perimeter")?,
            object: c.choice("object", Object::IDS, Object::from_id)?,
            scale: c.choice("scale", Scale::IDS, Scale::from_id)?,
            phase: c.choice("phase", ProjectPhase::IDS, ProjectPhase::from_id)?,
            date: c.date("date")?,
            participants: c.text("participants")?,
            notes: c.text("notes")?,
        }
    };

    let mut purposes: [PurposeAnswer; N_PURPOSES] = Default::default();
    for (i, v, place) in top.keyed("purposes", IdKind::Purpose, content::purpose_index)? {
        let p = Obj::new(v, &place, &["priority"])?;
        purposes[i].priority = p.choice("priority", Priority::IDS, Priority::from_id)?;
    }

    let mut areas: [AreaAnswer; content::N_AREAS] = Default::default();
    for (i, v, place) in top.keyed("areas", IdKind::Area, content::area_index)? {
        areas[i] = read_area(i, &Obj::new(v, &place, AREA_FIELDS)?)?;
    }

    let mut clauses: [ClauseAnswer; content::N_CLAUSES] = Default::default();
    let mut requirements: [RequirementAnswer; content::N_REQUIREMENTS] =
        std::array::from_fn(|_| RequirementAnswer::default());
    for (i, v, place) in top.keyed("clauses", IdKind::Clause, content::clause_index)? {
        if v.get("climate_relevant").is_some() {
            return Err(invalid(
                &format!("{place}.climate_relevant"),
                Problem::Replaced("context.climate"),
            ));
        }
        let c = Obj::new(v, &place, CLAUSE_FIELDS)?;
        for (r, v, place) in c.keyed(
            "requirements",
            IdKind::Requirement,
            content::requirement_index,
        )? {
            let own = REQUIREMENTS[r].clause;
            if own != i {
                return Err(invalid(&place, Problem::WrongClause(CLAUSES[own].id)));
            }
            let o = Obj::new(v, &place, &["answer", "evidence"])?;
            requirements[r] = RequirementAnswer {
                met: o.choice("answer", Met::IDS, Met::from_id)?,
                evidence: o.text("evidence")?,
            };
        }
        clauses[i] = ClauseAnswer {
            level: c.level("level")?,
            notes: c.text("notes")?,
            actions: c.actions("actions")?,
        };
    }

    Ok(Assessment {
        id: id.to_string(),
        revision,
        created: top.date_time("created")?,
        updated: top.date_time("updated")?,
        language: top.required_choice("language", Lang::IDS, Lang::from_id)?,
        mode: top.required_choice("mode", Mode::IDS, Mode::from_id)?,
        community,
        purposes,
        areas,
        clauses,
        requirements,
        content_version,
    })
}

fn read_area(area: usize, a: &Obj<'_>) -> Result<AreaAnswer, ImportError> {
    let target = match a.get("target") {
        None => None,
        Some(v) => Some(
            v.as_u64()
                .and_then(small)
                .and_then(Level::new)
                .ok_or_else(|| invalid(&a.at("target"), Problem::NotATarget(show(v))))?,
        ),
    };
    let mut contributions = [None; N_PURPOSES];
    for (p, v, place) in a.keyed("contributions", IdKind::Purpose, content::purpose_index)? {
        contributions[p] = Some(
            v.as_u64()
                .and_then(small)
                .and_then(Contribution::new)
                .ok_or_else(|| invalid(&place, Problem::NotAContribution(show(v))))?,
        );
    }
    let mut followed: [Option<Followed>; content::MAX_AREA_INDICATORS] = Default::default();
    for (k, v, place) in a.keyed(
        "indicators_followed",
        IdKind::Indicator,
        content::indicator_index,
    )? {
        let ind = &content::INDICATORS[k];
        if ind.area != area {
            return Err(invalid(&place, Problem::WrongArea(AREAS[ind.area].id)));
        }
        let slot = k - content::indicators_start(area);
        let o = Obj::new(v, &place, &["value", "unit", "year"])?;
        followed[slot] = Some(Followed {
            value: o.short_text("value", MAX_VALUE_CHARS)?,
            unit: o.short_text("unit", MAX_UNIT_CHARS)?,
            year: o.year("year")?,
        });
    }
    Ok(AreaAnswer {
        in_scope: a.bool("in_scope")?.unwrap_or(true),
        level: a.level("level")?,
        target,
        priority: a.choice("priority", Priority::IDS, Priority::from_id)?,
        contributions,
        indicators: a.text("indicators")?,
        notes: a.text("notes")?,
        actions: a.actions("actions")?,
        holder: a.choice("holder", Holder::IDS, Holder::from_id)?,
        followed,
    })
}
