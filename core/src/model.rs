//! The assessment: what a community answered, exactly as export format v2 describes it.
//!
//! Answers are indexed by position in the content arrays ([`crate::content::PURPOSES`], `AREAS`,
//! `CLAUSES`), so the model can never hold an answer for an id the framework does not have.

use crate::content::{MAX_AREA_INDICATORS, N_AREAS, N_CLAUSES, N_PURPOSES, N_REQUIREMENTS};
use crate::ids::string_enum;
use crate::lang::Lang;

/// Free-text fields hold at most this many characters.
pub const MAX_TEXT_CHARS: usize = 10_000;
/// An area or a clause holds at most this many planned actions.
pub const MAX_ACTIONS: usize = 50;
/// An indicator's latest value ("38", "12 to 15", "yes") holds at most this many characters.
pub const MAX_VALUE_CHARS: usize = 100;
/// An indicator's unit holds at most this many characters.
pub const MAX_UNIT_CHARS: usize = 30;
/// The years an indicator's value may be given for.
pub const YEARS: std::ops::RangeInclusive<u16> = 1900..=2100;

/// A maturity level on the 0–4 scale.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Level(u8);

impl Level {
    pub const MAX: u8 = 4;

    pub const fn new(v: u8) -> Option<Level> {
        if v <= Self::MAX {
            Some(Level(v))
        } else {
            None
        }
    }

    pub const fn get(self) -> u8 {
        self.0
    }

    pub fn all() -> impl Iterator<Item = Level> {
        (0..=Self::MAX).map(Level)
    }
}

/// A given answer to a level question. Unanswered is `None` around it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Answer {
    Level(Level),
    /// "Does not apply to us": answered, never scored.
    Na,
    /// "We don't know yet": answered, never scored, listed as something to find out.
    Unknown,
}

/// The one codec of a level answer as text: "0"–"4", "na", "unknown". The export writes a level
/// as a number and the others as these words; forms, the machine CSV and the export all use it.
const ANSWER_IDS: [&str; 7] = ["0", "1", "2", "3", "4", "na", "unknown"];

impl Answer {
    pub fn scored(self) -> Option<Level> {
        match self {
            Answer::Level(l) => Some(l),
            Answer::Na | Answer::Unknown => None,
        }
    }

    /// The answer as text: "0"–"4", "na" or "unknown".
    pub fn id(self) -> &'static str {
        ANSWER_IDS[match self {
            Answer::Level(l) => usize::from(l.get()),
            Answer::Na => 5,
            Answer::Unknown => 6,
        }]
    }

    /// The answer a text names (`id`'s inverse), or `None`.
    pub fn from_id(id: &str) -> Option<Answer> {
        match ANSWER_IDS.iter().position(|x| *x == id)? {
            5 => Some(Answer::Na),
            6 => Some(Answer::Unknown),
            l => Level::new(l as u8).map(Answer::Level),
        }
    }
}

/// The kinds of item an assessment answers, one type for all who name them: the machine CSV's
/// `section` column (`table`), the things to find out (`scoring::unknowns`, which adds who holds an
/// area) and a workshop's items (`workshop::Item::section`). Each comes with an index into its
/// content array (`PURPOSES`, `AREAS`, `CLAUSES`, `REQUIREMENTS`; `AREAS` for a holder).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Purpose,
    Area,
    Clause,
    Requirement,
    /// Who holds an area.
    Holder,
}

impl Section {
    pub const fn id(self) -> &'static str {
        match self {
            Section::Purpose => "purpose",
            Section::Area => "area",
            Section::Clause => "clause",
            Section::Requirement => "requirement",
            Section::Holder => "holder",
        }
    }
}

/// Contribution of an area to a purpose: 0 none, 1 some, 2 strong.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Contribution(u8);

impl Contribution {
    pub const fn new(v: u8) -> Option<Contribution> {
        if v <= 2 {
            Some(Contribution(v))
        } else {
            None
        }
    }

    pub const fn get(self) -> u8 {
        self.0
    }
}

string_enum! {
    /// Quick (workshop: area levels and purpose priorities) or full (everything).
    Mode { Quick = "quick", Full = "full" }
}

string_enum! {
    Priority { Low = "low", Medium = "medium", High = "high" }
}

impl Priority {
    pub const fn weight(self) -> u32 {
        match self {
            Priority::Low => 1,
            Priority::Medium => 2,
            Priority::High => 3,
        }
    }
}

string_enum! {
    Kind {
        Commune = "commune",
        Intercommunality = "intercommunality",
        Department = "department",
        Region = "region",
        Other = "other",
    }
}

string_enum! {
    Population {
        Under2k = "under-2k",
        From2kTo10k = "2k-10k",
        From10kTo50k = "10k-50k",
        From50kTo200k = "50k-200k",
        Over200k = "over-200k",
    }
}

string_enum! {
    /// What is assessed.
    Object {
        Strategy = "strategy",
        Programme = "programme",
        Project = "project",
        Plan = "plan",
        Service = "service",
    }
}

string_enum! {
    Scale { Block = "block", Neighbourhood = "neighbourhood", City = "city", Territory = "territory" }
}

string_enum! {
    ProjectPhase {
        Programming = "programming",
        Design = "design",
        Delivery = "delivery",
        Operation = "operation",
    }
}

string_enum! {
    /// Who runs an area of action: the community itself or another body (content version 2).
    Holder {
        Community = "community",
        Intermunicipal = "intermunicipal",
        Utility = "utility",
        Higher = "higher",
        Shared = "shared",
        Nobody = "nobody",
        Unknown = "unknown",
    }
}

impl Holder {
    /// True when another body runs the area: the level then measures how the community takes part.
    pub const fn is_other_body(self) -> bool {
        matches!(
            self,
            Holder::Intermunicipal | Holder::Utility | Holder::Higher
        )
    }
}

string_enum! {
    /// An answer to a requirement of the checklist.
    Met { Yes = "yes", Partly = "partly", No = "no", Na = "na", Unknown = "unknown" }
}

impl Met {
    /// The requirement score in halves (yes 2, partly 1, no 0), so sums stay exact; `None` for
    /// answers that are never scored.
    pub const fn halves(self) -> Option<u8> {
        match self {
            Met::Yes => Some(2),
            Met::Partly => Some(1),
            Met::No => Some(0),
            Met::Na | Met::Unknown => None,
        }
    }
}

/// The answer to one requirement of the checklist. Evidence may come before the answer: it is
/// kept either way.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RequirementAnswer {
    pub met: Option<Met>,
    /// Which document shows it (a council resolution, minutes, a published plan…).
    pub evidence: String,
}

/// A suggested indicator the community follows, with its latest value if it has one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Followed {
    pub value: String,
    pub unit: String,
    pub year: Option<u16>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Community {
    /// Required, non-empty after trimming.
    pub name: String,
    pub kind: Option<Kind>,
    pub population: Option<Population>,
    pub perimeter: String,
    pub object: Option<Object>,
    pub scale: Option<Scale>,
    pub phase: Option<ProjectPhase>,
    /// A calendar date, `YYYY-MM-DD`.
    pub date: Option<String>,
    pub participants: String,
    pub notes: String,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PurposeAnswer {
    pub priority: Option<Priority>,
}

/// A planned action of the area's action plan.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlannedAction {
    pub title: String,
    pub owner: String,
    /// A calendar date, `YYYY-MM-DD`.
    pub due: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AreaAnswer {
    /// An area out of scope is "not assessed this time": neither zero nor unanswered. It keeps its
    /// answers, so taking it back into scope loses nothing.
    pub in_scope: bool,
    pub level: Option<Answer>,
    pub target: Option<Level>,
    pub priority: Option<Priority>,
    /// The user's own contribution to each purpose; `None` falls back to the default matrix.
    pub contributions: [Option<Contribution>; N_PURPOSES],
    pub indicators: String,
    pub notes: String,
    pub actions: Vec<PlannedAction>,
    pub holder: Option<Holder>,
    /// The area's suggested indicators followed, by position among the area's indicators
    /// ([`crate::content::indicators_of`]); `None` is not followed.
    pub followed: [Option<Followed>; MAX_AREA_INDICATORS],
}

impl Default for AreaAnswer {
    fn default() -> Self {
        AreaAnswer {
            in_scope: true,
            level: None,
            target: None,
            priority: None,
            contributions: [None; N_PURPOSES],
            indicators: String::new(),
            notes: String::new(),
            actions: Vec::new(),
            holder: None,
            followed: Default::default(),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClauseAnswer {
    pub level: Option<Answer>,
    pub notes: String,
    /// What the community plans for this clause, e.g. an unmet requirement added to the plan.
    pub actions: Vec<PlannedAction>,
}

/// One assessment of one community at one time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assessment {
    /// A UUID v4, kept by export, import and share.
    pub id: String,
    /// Grows by one on every saved change.
    pub revision: u64,
    /// RFC 3339, UTC.
    pub created: String,
    pub updated: String,
    pub language: Lang,
    pub mode: Mode,
    pub community: Community,
    pub purposes: [PurposeAnswer; N_PURPOSES],
    pub areas: [AreaAnswer; N_AREAS],
    pub clauses: [ClauseAnswer; N_CLAUSES],
    /// The checklist, in [`crate::content::REQUIREMENTS`] order (each requirement names its clause).
    pub requirements: [RequirementAnswer; N_REQUIREMENTS],
    /// The content version the answers were given with: an assessment made with earlier questions
    /// says so until the user has seen what is new.
    pub content_version: String,
}

impl Assessment {
    /// A blank assessment. Ids and times come from the caller, which knows the platform's clock
    /// and random source.
    pub fn new(id: String, now: String, language: Lang, mode: Mode, name: String) -> Self {
        Assessment {
            id,
            revision: 0,
            created: now.clone(),
            updated: now,
            language,
            mode,
            community: Community {
                name,
                ..Community::default()
            },
            purposes: Default::default(),
            areas: Default::default(),
            clauses: Default::default(),
            requirements: std::array::from_fn(|_| RequirementAnswer::default()),
            content_version: crate::content::CONTENT_VERSION.to_string(),
        }
    }

    /// True when the answers were given with content older than version 2, which added the
    /// checklist, holders and indicators: the user has not seen those questions yet.
    pub fn predates_checklist(&self) -> bool {
        self.content_version
            .split('.')
            .next()
            .and_then(|m| m.parse::<u32>().ok())
            .is_some_and(|major| major < 2)
    }
}

/// Formats 16 random bytes as a UUID version 4 (RFC 9562): the caller supplies the randomness.
pub fn uuid_v4(mut b: [u8; 16]) -> String {
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let mut s = String::with_capacity(36);
    for (i, byte) in b.iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            s.push('-');
        }
        s.push(char::from_digit(u32::from(byte >> 4), 16).unwrap_or('0'));
        s.push(char::from_digit(u32::from(byte & 0xf), 16).unwrap_or('0'));
    }
    s
}

/// `YYYY-MM-DD` with a real month and a day that exists in that month.
pub fn is_calendar_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let (Some(y), Some(m), Some(d)) = (digits(&b[0..4]), digits(&b[5..7]), digits(&b[8..10]))
    else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

/// An RFC 3339 date-time in UTC (`Z` or an offset are both accepted; fractions of a second too).
pub fn is_rfc3339(s: &str) -> bool {
    let b = s.as_bytes();
    // `get`, not indexing: a multi-byte character may straddle byte 10 (the fuzzer found one).
    let Some(date) = s.get(..10) else {
        return false;
    };
    if b.len() < 20 || !is_calendar_date(date) || !matches!(b[10], b'T' | b't') {
        return false;
    }
    let time_ok = b[13] == b':'
        && b[16] == b':'
        && digits(&b[11..13]).is_some_and(|h| h < 24)
        && digits(&b[14..16]).is_some_and(|m| m < 60)
        && digits(&b[17..19]).is_some_and(|s| s <= 60);
    if !time_ok {
        return false;
    }
    let mut rest = &b[19..];
    if let [b'.', tail @ ..] = rest {
        let n = tail.iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 {
            return false;
        }
        rest = &tail[n..];
    }
    match rest {
        [b'Z' | b'z'] => true,
        [b'+' | b'-', h1, h2, b':', m1, m2] => {
            digits(&[*h1, *h2]).is_some_and(|h| h < 24)
                && digits(&[*m1, *m2]).is_some_and(|m| m < 60)
        }
        _ => false,
    }
}

/// True when `s` is a UUID in its canonical hyphenated form (any version, either case).
pub fn is_uuid(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => *c == b'-',
            _ => c.is_ascii_hexdigit(),
        })
}

fn digits(b: &[u8]) -> Option<u32> {
    b.iter().try_fold(0u32, |acc, c| {
        c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
    })
}

/// A few values by string key: a vector of pairs. The maps here hold one entry per assessment in
/// a browser; `BTreeMap` and `HashMap` would each add kilobytes of wasm per key-value type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keyed<V>(pub Vec<(String, V)>);

impl<V> Default for Keyed<V> {
    fn default() -> Self {
        Keyed(Vec::new())
    }
}

impl<V> Keyed<V> {
    pub fn get(&self, key: &str) -> Option<&V> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn insert(&mut self, key: String, value: V) {
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => *v = value,
            None => self.0.push((key, value)),
        }
    }

    pub fn remove(&mut self, key: &str) {
        self.0.retain(|(k, _)| k != key);
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(k, _)| k.as_str())
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }
}

/// Sorts a short slice, stably. The lists here hold a dozen items at most (areas, assessments in a
/// browser, participants' values); the standard library's sorts are several kilobytes of wasm each.
pub fn sort_small_by<T>(v: &mut [T], mut ordering: impl FnMut(&T, &T) -> std::cmp::Ordering) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && ordering(&v[j - 1], &v[j]) == std::cmp::Ordering::Greater {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuid_has_version_and_variant_bits() {
        let u = uuid_v4([0xff; 16]);
        assert_eq!(u, "ffffffff-ffff-4fff-bfff-ffffffffffff");
        assert!(is_uuid(&u));
        assert_eq!(uuid_v4([0; 16]), "00000000-0000-4000-8000-000000000000");
    }

    #[test]
    fn dates() {
        assert!(is_calendar_date("2024-02-29"));
        assert!(!is_calendar_date("2023-02-29"));
        assert!(!is_calendar_date("2026-13-01"));
        assert!(!is_calendar_date("2026-1-01"));
        assert!(!is_calendar_date("2026-01-00"));
        assert!(is_rfc3339("2026-11-28T20:15:00Z"));
        assert!(is_rfc3339("2026-11-28T20:15:00.123Z"));
        assert!(is_rfc3339("2026-11-28T20:15:00+01:00"));
        assert!(!is_rfc3339("2026-11-28T25:15:00Z"));
        assert!(!is_rfc3339("2026-11-28 20:15"));
        assert!(!is_rfc3339("2026-11-28T20:15:00"));
        assert!(!is_rfc3339("2026-11-28T20:15:00.Z"));
        // Found by cargo fuzz: a two-byte character across byte 10 used to panic.
        assert!(!is_rfc3339("2026-11-2ȫ21:02:11Z"));
        assert!(!is_rfc3339("2026-11-28Tȫ:02:11Z"));
    }
}
