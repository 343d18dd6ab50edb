//! Export format v2 (`autodiag-37101`): the one JSON document that the export downloads, the import
//! reads, a share link carries and local storage keeps.
//!
//! Export is plain serde serialisation of a view of the model. Import is strict and hand-walked over
//! a `serde_json::Value`, so that every problem is a typed error naming its place
//! (`areas.governance.level`) rather than a parser's column number, and so that older versions can be
//! migrated as documents before they are read.

use std::fmt;

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::content::{self, AREAS, CLAUSES, N_PURPOSES, PURPOSES, REQUIREMENTS};
use crate::i18n::Lang;
use crate::model::*;
use crate::scoring::{self, Scores};

pub const FORMAT: &str = "autodiag-37101";
pub const VERSION: u64 = 2;
/// The largest document import reads, checked before parsing.
pub const MAX_DOCUMENT_BYTES: usize = 1_000_000;

// ---------------------------------------------------------------------------------------------
// Export

/// A map whose keys keep the content's order (serde_json's own map would sort them).
struct Entries<T>(Vec<(&'static str, T)>);

impl<T> Entries<T> {
    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<T: Serialize> Serialize for Entries<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

impl Serialize for Answer {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Answer::Level(l) => s.serialize_u8(l.get()),
            Answer::Na => s.serialize_str("na"),
            Answer::Unknown => s.serialize_str("unknown"),
        }
    }
}

impl Serialize for PlannedAction {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("title", &self.title)?;
        m.serialize_entry("owner", &self.owner)?;
        if let Some(due) = &self.due {
            m.serialize_entry("due", due)?;
        }
        m.end()
    }
}

impl Serialize for Followed {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        if !self.value.is_empty() {
            m.serialize_entry("value", &self.value)?;
        }
        if !self.unit.is_empty() {
            m.serialize_entry("unit", &self.unit)?;
        }
        if let Some(year) = self.year {
            m.serialize_entry("year", &year)?;
        }
        m.end()
    }
}

impl Serialize for RequirementAnswer {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        if let Some(met) = self.met {
            m.serialize_entry("answer", &met)?;
        }
        if !self.evidence.is_empty() {
            m.serialize_entry("evidence", &self.evidence)?;
        }
        m.end()
    }
}

#[derive(Serialize)]
struct Doc<'a> {
    format: &'static str,
    version: u64,
    id: &'a str,
    revision: u64,
    created: &'a str,
    updated: &'a str,
    framework: Framework<'a>,
    language: Lang,
    mode: Mode,
    community: CommunityOut<'a>,
    purposes: Entries<PurposeOut>,
    areas: Entries<AreaOut<'a>>,
    clauses: Entries<ClauseOut<'a>>,
    /// Left out of share links: every import recomputes them.
    #[serde(skip_serializing_if = "Option::is_none")]
    scores: Option<ScoresOut>,
}

#[derive(Serialize)]
struct Framework<'a> {
    id: &'static str,
    edition: &'static str,
    content_version: &'a str,
}

#[derive(Serialize)]
struct CommunityOut<'a> {
    name: &'a str,
    kind: Option<Kind>,
    population: Option<Population>,
    perimeter: &'a str,
    object: Option<Object>,
    scale: Option<Scale>,
    phase: Option<ProjectPhase>,
    date: Option<&'a str>,
    participants: &'a str,
    notes: &'a str,
}

#[derive(Serialize)]
struct PurposeOut {
    priority: Priority,
}

#[derive(Serialize)]
struct AreaOut<'a> {
    in_scope: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    level: Option<Answer>,
    #[serde(skip_serializing_if = "Option::is_none")]
    target: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    priority: Option<Priority>,
    #[serde(skip_serializing_if = "Entries::is_empty")]
    contributions: Entries<u8>,
    #[serde(skip_serializing_if = "str::is_empty")]
    indicators: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    notes: &'a str,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    actions: &'a [PlannedAction],
    #[serde(skip_serializing_if = "Option::is_none")]
    holder: Option<Holder>,
    #[serde(skip_serializing_if = "Entries::is_empty")]
    indicators_followed: Entries<&'a Followed>,
}

#[derive(Serialize)]
struct ClauseOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    level: Option<Answer>,
    #[serde(skip_serializing_if = "str::is_empty")]
    notes: &'a str,
    #[serde(skip_serializing_if = "Entries::is_empty")]
    requirements: Entries<&'a RequirementAnswer>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    actions: &'a [PlannedAction],
}

#[derive(Serialize)]
struct ScoresOut {
    completion: f64,
    overall: Option<f64>,
    areas: Entries<AreaScoreOut>,
    purposes: Entries<Option<f64>>,
    management: ManagementOut,
    priorities: Vec<&'static str>,
    /// `overall`, then every clause id: always present, `null` when nothing is scored there.
    requirements: Entries<Option<f64>>,
    unmet: Vec<&'static str>,
}

#[derive(Serialize)]
struct AreaScoreOut {
    level: u8,
    gap: u8,
}

#[derive(Serialize)]
struct ManagementOut {
    overall: Option<f64>,
    plan: Option<f64>,
    #[serde(rename = "do")]
    do_: Option<f64>,
    check: Option<f64>,
    act: Option<f64>,
}

fn scores_out(s: &Scores) -> ScoresOut {
    let [plan, do_, check, act] = s.management.phases;
    ScoresOut {
        completion: s.completion,
        overall: s.overall,
        areas: Entries(
            s.areas
                .iter()
                .zip(&AREAS)
                .filter_map(|(sc, a)| {
                    sc.map(|sc| {
                        (
                            a.id,
                            AreaScoreOut {
                                level: sc.level,
                                gap: sc.gap,
                            },
                        )
                    })
                })
                .collect(),
        ),
        purposes: Entries(PURPOSES.iter().map(|p| p.id).zip(s.purposes).collect()),
        management: ManagementOut {
            overall: s.management.overall,
            plan,
            do_,
            check,
            act,
        },
        priorities: s.priorities.iter().map(|&a| AREAS[a].id).collect(),
        requirements: Entries(
            std::iter::once(("overall", s.requirements.overall.share()))
                .chain(
                    CLAUSES
                        .iter()
                        .zip(&s.requirements.clauses)
                        .map(|(c, counts)| (c.id, counts.share())),
                )
                .collect(),
        ),
        unmet: s
            .requirements
            .unmet
            .iter()
            .map(|&r| REQUIREMENTS[r].id)
            .collect(),
    }
}

fn area_is_blank(a: &AreaAnswer) -> bool {
    *a == AreaAnswer::default()
}

fn doc(a: &Assessment) -> Doc<'_> {
    let c = &a.community;
    Doc {
        format: FORMAT,
        version: VERSION,
        id: &a.id,
        revision: a.revision,
        created: &a.created,
        updated: &a.updated,
        framework: Framework {
            id: content::FRAMEWORK_ID,
            edition: content::EDITION,
            content_version: &a.content_version,
        },
        language: a.language,
        mode: a.mode,
        community: CommunityOut {
            name: &c.name,
            kind: c.kind,
            population: c.population,
            perimeter: &c.perimeter,
            object: c.object,
            scale: c.scale,
            phase: c.phase,
            date: c.date.as_deref(),
            participants: &c.participants,
            notes: &c.notes,
        },
        purposes: Entries(
            PURPOSES
                .iter()
                .zip(&a.purposes)
                .filter_map(|(p, ans)| ans.priority.map(|priority| (p.id, PurposeOut { priority })))
                .collect(),
        ),
        areas: Entries(
            AREAS
                .iter()
                .zip(&a.areas)
                .enumerate()
                .filter(|(_, (_, ans))| !area_is_blank(ans))
                .map(|(i, (area, ans))| {
                    let out = AreaOut {
                        in_scope: ans.in_scope,
                        level: ans.level,
                        target: ans.target.map(Level::get),
                        priority: ans.priority,
                        contributions: Entries(
                            PURPOSES
                                .iter()
                                .zip(ans.contributions)
                                .filter_map(|(p, c)| c.map(|c| (p.id, c.get())))
                                .collect(),
                        ),
                        indicators: &ans.indicators,
                        notes: &ans.notes,
                        actions: &ans.actions,
                        holder: ans.holder,
                        indicators_followed: Entries(
                            content::indicators_of(i)
                                .iter()
                                .zip(&ans.followed)
                                .filter_map(|(ind, f)| f.as_ref().map(|f| (ind.id, f)))
                                .collect(),
                        ),
                    };
                    (area.id, out)
                })
                .collect(),
        ),
        clauses: Entries(
            CLAUSES
                .iter()
                .zip(&a.clauses)
                .enumerate()
                .map(|(c, (cl, ans))| {
                    let out = ClauseOut {
                        level: ans.level,
                        notes: &ans.notes,
                        requirements: Entries(
                            content::requirements_of(c)
                                .map(|r| (REQUIREMENTS[r].id, &a.requirements[r]))
                                .filter(|(_, ans)| **ans != RequirementAnswer::default())
                                .collect(),
                        ),
                        actions: &ans.actions,
                    };
                    (cl.id, out)
                })
                .filter(|(_, out)| {
                    out.level.is_some()
                        || !out.notes.is_empty()
                        || !out.requirements.is_empty()
                        || !out.actions.is_empty()
                })
                .collect(),
        ),
        scores: Some(scores_out(&scoring::compute(a))),
    }
}

/// The assessment as a format v2 document, indented for people who open the file.
pub fn export(a: &Assessment) -> String {
    // Indenting the compact text rather than using serde_json's pretty printer: a second
    // formatter would compile the whole serialisation a second time into the wasm.
    indent(&export_compact(a))
}

/// Indents compact JSON by two spaces, as `serde_json::to_string_pretty` does.
pub fn indent(json: &str) -> String {
    let mut out = String::with_capacity(json.len() * 2);
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    let mut chars = json.chars().peekable();
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                out.push(c);
                // Empty containers stay on one line: `{}`, `[]`.
                if matches!(chars.peek(), Some('}' | ']')) {
                    if let Some(close) = chars.next() {
                        out.push(close);
                    }
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            c => out.push(c),
        }
    }
    out
}

/// The same document on one line, for local storage.
pub fn export_compact(a: &Assessment) -> String {
    serde_json::to_string(&doc(a)).unwrap_or_default()
}

/// The document on one line without its `scores`, which every import recomputes anyway (an
/// imported file's scores are never trusted): what a share link carries, shorter.
pub fn export_answers(a: &Assessment) -> String {
    let doc = Doc {
        scores: None,
        ..doc(a)
    };
    serde_json::to_string(&doc).unwrap_or_default()
}

// ---------------------------------------------------------------------------------------------
// Import

/// Why a document could not be read. Each variant is something a person can act on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    NotJson {
        line: usize,
        column: usize,
    },
    /// Valid JSON, but not an Autodiag 37101 document.
    NotOurFormat,
    /// Made by a newer version of the tool.
    NewerVersion {
        version: u64,
    },
    Invalid {
        path: String,
        problem: Problem,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    UnknownField,
    UnknownId(IdKind),
    Missing,
    WrongType(Expected),
    NotALevel(String),
    NotATarget(String),
    NotAContribution(String),
    NotInList {
        value: String,
        allowed: &'static [&'static str],
    },
    Empty,
    TooLong {
        max: usize,
    },
    TooMany {
        max: usize,
    },
    NotADate(String),
    NotADateTime(String),
    NotAUuid(String),
    NotAVersion(String),
    NotAYear(String),
    /// A requirement listed under another clause than its own (named here).
    WrongClause(&'static str),
    /// An indicator listed under another area than its own (named here).
    WrongArea(&'static str),
    /// A field of an earlier version that this version carries elsewhere (named here).
    Replaced(&'static str),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdKind {
    Purpose,
    Area,
    Clause,
    Requirement,
    Indicator,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    Object,
    Array,
    Text,
    Boolean,
    Integer,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ImportError {}

pub use crate::numbers::thousands;

impl ImportError {
    /// The problem in plain words, in the user's language.
    pub fn message(&self, lang: Lang) -> String {
        let fr = lang == Lang::Fr;
        match self {
            ImportError::TooLarge { bytes, limit } => {
                let (b, l) = (bytes.div_ceil(1000), limit / 1000);
                if fr {
                    format!("Le fichier est trop volumineux ({b} ko ; au plus {l} ko).")
                } else {
                    format!("The file is too large ({b} kB; at most {l} kB).")
                }
            }
            ImportError::NotJson { line, column } => {
                if fr {
                    format!(
                        "Ce fichier n’est pas un export d’autodiagnostic lisible : ce n’est pas du \
                         JSON valide (ligne {line}, colonne {column})."
                    )
                } else {
                    format!(
                        "This file is not a readable self-assessment export: it is not valid JSON \
                         (line {line}, column {column})."
                    )
                }
            }
            ImportError::NotOurFormat => if fr {
                "Ce fichier est du JSON, mais pas un export d’autodiagnostic ISO 37101."
            } else {
                "This file is JSON, but not an ISO 37101 self-assessment export."
            }
            .to_string(),
            ImportError::NewerVersion { version } => {
                if fr {
                    format!(
                        "Ce fichier a été créé par une version plus récente de l’outil (format \
                         {version}). Mettez l’outil à jour pour l’ouvrir."
                    )
                } else {
                    format!(
                        "This file was made by a newer version of the tool (format {version}). \
                         Update the tool to open it."
                    )
                }
            }
            ImportError::Invalid { path, problem } => {
                // French puts a no-break space before the colon.
                let sep = if fr { "\u{a0}: " } else { ": " };
                format!("{path}{sep}{}", problem.message(lang))
            }
        }
    }
}

impl Problem {
    pub fn message(&self, lang: Lang) -> String {
        let fr = lang == Lang::Fr;
        let pick = |f: &str, e: &str| if fr { f.to_string() } else { e.to_string() };
        match self {
            Problem::UnknownField => pick(
                "ce champ ne fait pas partie du format",
                "this field is not part of the format",
            ),
            Problem::UnknownId(kind) => match (kind, fr) {
                (IdKind::Purpose, true) => "ce n’est pas une finalité de l’ISO 37101".into(),
                (IdKind::Purpose, false) => "not a purpose of ISO 37101".into(),
                (IdKind::Area, true) => "ce n’est pas un domaine d’action de l’ISO 37101".into(),
                (IdKind::Area, false) => "not an area of action of ISO 37101".into(),
                (IdKind::Clause, true) => "ce n’est pas un article du système de management".into(),
                (IdKind::Clause, false) => "not a management-system clause".into(),
                (IdKind::Requirement, true) => {
                    "ce n’est pas une exigence de la liste de contrôle".into()
                }
                (IdKind::Requirement, false) => "not a requirement of the checklist".into(),
                (IdKind::Indicator, true) => "ce n’est pas un indicateur proposé".into(),
                (IdKind::Indicator, false) => "not a suggested indicator".into(),
            },
            Problem::Missing => pick("champ obligatoire manquant", "required field missing"),
            Problem::WrongType(e) => {
                let (f, en) = match e {
                    Expected::Object => ("un objet", "an object"),
                    Expected::Array => ("une liste", "a list"),
                    Expected::Text => ("du texte", "text"),
                    Expected::Boolean => ("vrai ou faux", "true or false"),
                    Expected::Integer => ("un nombre entier", "a whole number"),
                };
                if fr {
                    format!("devrait être {f}")
                } else {
                    format!("should be {en}")
                }
            }
            Problem::NotALevel(v) => {
                if fr {
                    format!("{v} n’est pas un niveau (0–4, \"na\", \"unknown\")")
                } else {
                    format!("{v} is not a level (0–4, \"na\", \"unknown\")")
                }
            }
            Problem::NotATarget(v) => {
                if fr {
                    format!("{v} n’est pas un niveau visé (0–4)")
                } else {
                    format!("{v} is not a target level (0–4)")
                }
            }
            Problem::NotAContribution(v) => {
                if fr {
                    format!("{v} n’est pas une contribution (0, 1 ou 2)")
                } else {
                    format!("{v} is not a contribution (0, 1 or 2)")
                }
            }
            Problem::NotInList { value, allowed } => {
                let list = allowed.join(", ");
                if fr {
                    format!("{value} n’est pas une valeur permise ({list})")
                } else {
                    format!("{value} is not an allowed value ({list})")
                }
            }
            Problem::Empty => pick("ne doit pas être vide", "must not be empty"),
            Problem::TooLong { max } => {
                let max = thousands(*max, lang);
                if fr {
                    format!("texte trop long (au plus {max} caractères)")
                } else {
                    format!("text too long (at most {max} characters)")
                }
            }
            Problem::TooMany { max } => {
                if fr {
                    format!("trop d’éléments (au plus {max})")
                } else {
                    format!("too many items (at most {max})")
                }
            }
            Problem::NotADate(v) => {
                if fr {
                    format!("{v} n’est pas une date (AAAA-MM-JJ)")
                } else {
                    format!("{v} is not a date (YYYY-MM-DD)")
                }
            }
            Problem::NotADateTime(v) => {
                if fr {
                    format!("{v} n’est pas une date et heure (RFC 3339)")
                } else {
                    format!("{v} is not a date and time (RFC 3339)")
                }
            }
            Problem::NotAUuid(v) => {
                if fr {
                    format!("{v} n’est pas un identifiant (UUID)")
                } else {
                    format!("{v} is not an identifier (UUID)")
                }
            }
            Problem::NotAVersion(v) => {
                if fr {
                    format!("{v} n’est pas une version du format")
                } else {
                    format!("{v} is not a format version")
                }
            }
            Problem::NotAYear(v) => {
                let (from, to) = (YEARS.start(), YEARS.end());
                if fr {
                    format!("{v} n’est pas une année (de {from} à {to})")
                } else {
                    format!("{v} is not a year ({from} to {to})")
                }
            }
            Problem::WrongClause(c) => {
                if fr {
                    format!("cette exigence relève de l’article {c}, pas de celui-ci")
                } else {
                    format!("this requirement belongs to clause {c}, not this one")
                }
            }
            Problem::WrongArea(a) => {
                if fr {
                    format!("cet indicateur relève du domaine {a}, pas de celui-ci")
                } else {
                    format!("this indicator belongs to area {a}, not this one")
                }
            }
            Problem::Replaced(by) => {
                if fr {
                    format!("ce champ de la version 1 est remplacé en version 2 par {by}")
                } else {
                    format!("this version 1 field is replaced in version 2 by {by}")
                }
            }
        }
    }
}

/// A short rendering of a JSON value for messages: never the whole of a large value.
fn show(v: &Value) -> String {
    let s = v.to_string();
    match s.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s,
    }
}

fn invalid(path: &str, problem: Problem) -> ImportError {
    ImportError::Invalid {
        path: path.to_string(),
        problem,
    }
}

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
            Value::String(s) if s == "na" => Some(Answer::Na),
            Value::String(s) if s == "unknown" => Some(Answer::Unknown),
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

type Migration = fn(Value) -> Result<Value, ImportError>;

/// Migrations from version n to n + 1, at index n − 1: every document goes through this chain, so
/// a new version only adds an entry here.
const MIGRATIONS: [Migration; 1] = [v1_to_v2];

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

/// Reads a document from bytes: a file, a stored value or a decoded share link.
pub fn import(bytes: &[u8]) -> Result<Assessment, ImportError> {
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(ImportError::TooLarge {
            bytes: bytes.len(),
            limit: MAX_DOCUMENT_BYTES,
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let value: Value = serde_json::from_slice(bytes).map_err(|e| ImportError::NotJson {
        line: e.line(),
        column: e.column(),
    })?;
    import_value(value)
}

/// Reads a document that is already parsed JSON.
pub fn import_value(mut value: Value) -> Result<Assessment, ImportError> {
    let is_ours = value.get("format").and_then(Value::as_str) == Some(FORMAT);
    if !is_ours {
        return Err(ImportError::NotOurFormat);
    }
    let version = match value.get("version") {
        None | Some(Value::Null) => return Err(invalid("version", Problem::Missing)),
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
