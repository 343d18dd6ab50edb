//! Why a document could not be read, as typed errors naming their place, and the same in plain
//! words in French or English.

use std::fmt;

use serde_json::Value;

use crate::i18n::Lang;
use crate::model::YEARS;
use crate::numbers::thousands;

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
    /// JSON nested deeper than `MAX_NESTING` levels, at the `[` or `{` one level too deep: valid
    /// JSON perhaps, but more than the parser reads and far more than any document.
    TooDeep {
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
            // One sentence for both: the reason, then the place. The wasm carries every
            // message, so the shared words are written once.
            ImportError::NotJson { line, column } | ImportError::TooDeep { line, column } => {
                let deep = matches!(self, ImportError::TooDeep { .. });
                let max = super::MAX_NESTING;
                if fr {
                    let why = if deep {
                        format!("son JSON est imbriqué trop profondément (plus de {max} niveaux, ")
                    } else {
                        "ce n’est pas du JSON valide (".to_string()
                    };
                    format!(
                        "Ce fichier n’est pas un export d’autodiagnostic lisible : {why}ligne \
                         {line}, colonne {column})."
                    )
                } else {
                    let why = if deep {
                        format!("its JSON is nested too deeply (more than {max} levels, ")
                    } else {
                        "it is not valid JSON (".to_string()
                    };
                    format!(
                        "This file is not a readable self-assessment export: {why}line {line}, \
                         column {column})."
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
                // A version of 2^64 or more is held as u64::MAX: no number is shown for it.
                let format = match *version {
                    u64::MAX => String::new(),
                    v => format!(" (format {v})"),
                };
                if fr {
                    format!(
                        "Ce fichier a été créé par une version plus récente de l’outil{format}. \
                         Mettez l’outil à jour pour l’ouvrir."
                    )
                } else {
                    format!(
                        "This file was made by a newer version of the tool{format}. Update the \
                         tool to open it."
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
pub(super) fn show(v: &Value) -> String {
    // `-0` is held as the float -0.0, which the serializer writes "-0.0": show it as written.
    if v.as_f64().is_some_and(|f| f == 0.0 && f.is_sign_negative()) {
        return "-0".into();
    }
    let s = v.to_string();
    match s.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s,
    }
}

pub(super) fn invalid(path: &str, problem: Problem) -> ImportError {
    ImportError::Invalid {
        path: path.to_string(),
        problem,
    }
}
