//! Export: plain serde serialisation of a view of the model, keys in the content's order.

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use super::{FORMAT, VERSION};
use crate::content::{self, AREAS, CLAUSES, PURPOSES, REQUIREMENTS};
use crate::i18n::Lang;
use crate::model::*;
use crate::scoring::{self, Scores};

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
            other => s.serialize_str(other.id()),
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
    readiness: ReadinessOut,
}

#[derive(Serialize)]
struct AreaScoreOut {
    level: u8,
    /// Only against a target someone set.
    #[serde(skip_serializing_if = "Option::is_none")]
    gap: Option<u8>,
}

/// Declared and demonstrated readiness (`scoring.md` § Requirement scores), overall and per
/// phase: `null` where not computable.
#[derive(Serialize)]
struct ReadinessOut {
    declared: Option<f64>,
    demonstrated: Option<f64>,
    /// Plan, do, check, act.
    phases: Entries<PhaseReadinessOut>,
}

#[derive(Serialize)]
struct PhaseReadinessOut {
    declared: Option<f64>,
    demonstrated: Option<f64>,
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
        readiness: ReadinessOut {
            declared: s.requirements.overall.share(),
            demonstrated: s.requirements.demonstrated(),
            phases: Entries(
                crate::content::Pdca::ALL
                    .iter()
                    .zip(&s.requirements.phases)
                    .map(|(ph, c)| {
                        (
                            ph.info().id,
                            PhaseReadinessOut {
                                declared: c.share(),
                                demonstrated: c
                                    .demonstrated()
                                    .filter(|_| s.requirements.has_documents()),
                            },
                        )
                    })
                    .collect(),
            ),
        },
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
