//! The ISO 37101 framework as this product presents it: purposes, areas of action, management-system
//! clauses, the maturity scale and the default contribution matrix.
//!
//! The data comes from `content/framework.toml`, turned into statics by `core/build/`; the order of each
//! array is the standard's order, and the model indexes answers by position in these arrays.

/// A text of the content in every language of the UI: its index in the language tables that
/// `core/build/` writes (French compiled in; English compiled in or installed from a pack, see
/// `i18n::pack`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text(pub(crate) u16);

/// A hint only the walk shows (how to answer, which document, where to find a figure): its index
/// in tables of its own, so that the on-demand module, which never shows one, does not carry them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hint(pub(crate) u16);

/// A text only the report shows (what a holder means for the community, the actions it
/// suggests): its index in tables of its own, so that the first module does not carry them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Note(pub(crate) u16);

/// A step of the 0–4 maturity scale.
#[derive(Debug)]
pub struct LevelInfo {
    pub value: u8,
    pub id: &'static str,
    pub title: Text,
    pub descriptor: Text,
}

/// "Not applicable" and "don't know": answers that are never scored.
#[derive(Debug)]
pub struct NonAnswerInfo {
    pub id: &'static str,
    pub title: Text,
    pub descriptor: Text,
}

#[derive(Debug)]
pub struct PriorityInfo {
    pub id: &'static str,
    pub weight: u8,
    pub title: Text,
}

#[derive(Debug)]
pub struct ContributionInfo {
    pub value: u8,
    pub id: &'static str,
    pub title: Text,
}

/// The Plan-Do-Check-Act phase a management-system clause belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pdca {
    Plan,
    Do,
    Check,
    Act,
}

#[derive(Debug)]
pub struct PhaseInfo {
    pub id: &'static str,
    pub title: Text,
    /// Indices into [`CLAUSES`].
    pub clauses: &'static [usize],
}

#[derive(Debug)]
pub struct Purpose {
    pub id: &'static str,
    pub title: Text,
    pub description: Text,
    pub questions: &'static [Text],
}

#[derive(Debug)]
pub struct Area {
    pub id: &'static str,
    /// The clause of the standard that describes this area, e.g. "4.6.2".
    pub clause: &'static str,
    pub title: Text,
    pub description: Text,
    pub questions: &'static [Text],
    /// Indices into [`INDICATOR_THEMES`].
    pub indicator_themes: &'static [usize],
    /// Default contribution (0 none, 1 some, 2 strong) to each purpose, in [`PURPOSES`] order.
    pub contributions: [u8; N_PURPOSES],
}

#[derive(Debug)]
pub struct Clause {
    pub id: &'static str,
    pub clause: &'static str,
    pub phase: Pdca,
    pub title: Text,
    pub description: Text,
    pub questions: &'static [Text],
}

#[derive(Debug)]
pub struct IndicatorTheme {
    pub id: &'static str,
    pub title: Text,
    pub standards: &'static [&'static str],
}

pub const N_PURPOSES: usize = 6;
pub const N_AREAS: usize = 12;
pub const N_CLAUSES: usize = 7;

/// An answer to a requirement of the checklist (content version 2): yes, partly, no, na, unknown.
#[derive(Debug)]
pub struct RequirementAnswer {
    pub id: &'static str,
    pub title: Text,
    pub descriptor: Text,
}

/// A label and the help under it.
#[derive(Debug)]
pub struct LabelHelp {
    pub label: Text,
    pub help: Hint,
}

/// A title and the help under it.
#[derive(Debug)]
pub struct TitleHelp {
    pub title: Text,
    pub help: Hint,
}

/// One thing the standard requires of the management system, asked as a plain question.
#[derive(Debug)]
pub struct Requirement {
    /// `<clause>.<slug>`, stable: part of the export format.
    pub id: &'static str,
    /// Index in [`CLAUSES`].
    pub clause: usize,
    /// The sub-clause number, only where it was checked against the standard's contents.
    pub hls: Option<&'static str>,
    pub title: Text,
    pub question: Text,
    /// Which document would show it: the evidence field's placeholder.
    pub evidence_hint: Hint,
    pub help: Option<Hint>,
}

/// Who holds an area of action in the community.
#[derive(Debug)]
pub struct HolderInfo {
    pub id: &'static str,
    pub title: Text,
    pub hint: Hint,
    /// The holder as named inside a sentence ("the inter-municipal body").
    pub in_sentence: Text,
}

/// How findings and actions read when another body holds an area.
#[derive(Debug)]
pub struct HolderTemplate {
    /// Index in [`HOLDERS`].
    pub holder: usize,
    /// With `{area}` (and possibly `{holder}`) to fill.
    pub finding: Note,
    pub actions: &'static [Note],
}

/// What the profile says when nobody holds an area.
#[derive(Debug)]
pub struct Flag {
    pub title: Note,
    pub finding: Note,
    pub actions: &'static [Note],
}

/// An indicator a small community can follow, suggested for one area.
#[derive(Debug)]
pub struct Indicator {
    /// `<area>.<slug>`, stable: part of the export format.
    pub id: &'static str,
    /// Index in [`AREAS`].
    pub area: usize,
    pub title: Text,
    pub unit_hint: Hint,
    pub source_hint: Hint,
    /// Index in [`INDICATOR_THEMES`].
    pub theme: usize,
}

/// A further-reading link: the user opens it, the app never fetches it.
#[derive(Debug)]
pub struct ReadingLink {
    pub id: &'static str,
    pub url: &'static str,
    /// The language of the page.
    pub lang: &'static str,
    pub title: Text,
    pub what: Text,
}

include!(concat!(env!("OUT_DIR"), "/content.rs"));

/// The number of requirements in the checklist.
pub const N_REQUIREMENTS: usize = REQUIREMENTS.len();
/// The most indicators an area suggests (the build script checks 3 to 5).
pub const MAX_AREA_INDICATORS: usize = 5;

pub fn requirement_index(id: &str) -> Option<usize> {
    REQUIREMENTS.iter().position(|r| r.id == id)
}

/// Indices into [`REQUIREMENTS`] of clause `c`'s requirements, in the standard's order.
pub fn requirements_of(c: usize) -> impl Iterator<Item = usize> {
    (0..N_REQUIREMENTS).filter(move |&r| REQUIREMENTS[r].clause == c)
}

pub fn indicator_index(id: &str) -> Option<usize> {
    INDICATORS.iter().position(|i| i.id == id)
}

/// Area `a`'s suggested indicators: a contiguous slice of [`INDICATORS`], which follows the areas'
/// order. Position `k` in it is position `k` of the area's `followed` answers.
pub fn indicators_of(a: usize) -> &'static [Indicator] {
    let start = indicators_start(a);
    let len = INDICATORS[start..]
        .iter()
        .take_while(|i| i.area == a)
        .count();
    &INDICATORS[start..start + len]
}

/// The index in [`INDICATORS`] of area `a`'s first indicator.
pub fn indicators_start(a: usize) -> usize {
    INDICATORS.iter().position(|i| i.area == a).unwrap_or(0)
}

pub fn purpose_index(id: &str) -> Option<usize> {
    PURPOSES.iter().position(|p| p.id == id)
}

pub fn area_index(id: &str) -> Option<usize> {
    AREAS.iter().position(|a| a.id == id)
}

pub fn clause_index(id: &str) -> Option<usize> {
    CLAUSES.iter().position(|c| c.id == id)
}

impl Pdca {
    pub const ALL: [Pdca; 4] = [Pdca::Plan, Pdca::Do, Pdca::Check, Pdca::Act];

    pub fn info(self) -> &'static PhaseInfo {
        &PHASES[self as usize]
    }
}
