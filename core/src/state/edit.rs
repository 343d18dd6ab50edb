//! Changes to one assessment's answers, each kept within the format's bounds.

use crate::model::*;

/// A change to the open assessment's answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    Name(String),
    Kind(Option<Kind>),
    Population(Option<Population>),
    Perimeter(String),
    Object(Option<Object>),
    Scale(Option<Scale>),
    Phase(Option<ProjectPhase>),
    Date(Option<String>),
    Participants(String),
    CommunityNotes(String),
    Priority(usize, Option<Priority>),
    InScope(usize, bool),
    Level(usize, Option<Answer>),
    Target(usize, Option<Level>),
    AreaPriority(usize, Option<Priority>),
    Contribution(usize, usize, Option<Contribution>),
    Indicators(usize, String),
    AreaNotes(usize, String),
    ClauseLevel(usize, Option<Answer>),
    ClauseNotes(usize, String),
    /// Who holds an area.
    Holder(usize, Option<Holder>),
    /// Area, position among its suggested indicators, followed (with its value) or not.
    Follow(usize, usize, Option<Followed>),
    /// A requirement of the checklist, by index in `REQUIREMENTS`.
    Requirement(usize, Option<Met>),
    Evidence(usize, String),
    /// A new action in an area's or a clause's plan, with a title to start from (empty for a
    /// blank action, a requirement's title when an unmet requirement is added to the plan).
    AddAction(Plan, String),
    /// Plan, action index, new values.
    SetAction(Plan, usize, PlannedAction),
    RemoveAction(Plan, usize),
    /// The user has seen what content version 2 asks: the assessment now counts as answered with
    /// the current content.
    ContentSeen,
}

/// Whose action plan: an area's or a management-system clause's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plan {
    Area(usize),
    Clause(usize),
}

impl Plan {
    pub fn actions(self, a: &Assessment) -> &[PlannedAction] {
        match self {
            Plan::Area(i) => &a.areas[i].actions,
            Plan::Clause(i) => &a.clauses[i].actions,
        }
    }

    fn actions_mut(self, a: &mut Assessment) -> &mut Vec<PlannedAction> {
        match self {
            Plan::Area(i) => &mut a.areas[i].actions,
            Plan::Clause(i) => &mut a.clauses[i].actions,
        }
    }
}

/// Applies an edit; false when it changes nothing (or would break a rule of the format).
pub fn apply(a: &mut Assessment, edit: Edit) -> bool {
    fn set<T: PartialEq>(slot: &mut T, v: T) -> bool {
        let changed = *slot != v;
        *slot = v;
        changed
    }
    fn text(slot: &mut String, v: String) -> bool {
        // The format's limit; the fields also carry maxlength, this guards the data.
        let v: String = v.chars().take(MAX_TEXT_CHARS).collect();
        set(slot, v)
    }
    let c = &mut a.community;
    match edit {
        // The name is required: an empty one is never stored (the field shows why).
        Edit::Name(v) if v.trim().is_empty() => false,
        Edit::Name(v) => text(&mut c.name, v),
        Edit::Kind(v) => set(&mut c.kind, v),
        Edit::Population(v) => set(&mut c.population, v),
        Edit::Perimeter(v) => text(&mut c.perimeter, v),
        Edit::Object(v) => set(&mut c.object, v),
        Edit::Scale(v) => set(&mut c.scale, v),
        Edit::Phase(v) => set(&mut c.phase, v),
        Edit::Date(v) if v.as_deref().is_some_and(|d| !is_calendar_date(d)) => false,
        Edit::Date(v) => set(&mut c.date, v),
        Edit::Participants(v) => text(&mut c.participants, v),
        Edit::CommunityNotes(v) => text(&mut c.notes, v),
        Edit::Priority(p, v) => set(&mut a.purposes[p].priority, v),
        Edit::InScope(i, v) => set(&mut a.areas[i].in_scope, v),
        Edit::Level(i, v) => set(&mut a.areas[i].level, v),
        Edit::Target(i, v) => set(&mut a.areas[i].target, v),
        Edit::AreaPriority(i, v) => set(&mut a.areas[i].priority, v),
        Edit::Contribution(i, p, v) => set(&mut a.areas[i].contributions[p], v),
        Edit::Indicators(i, v) => text(&mut a.areas[i].indicators, v),
        Edit::AreaNotes(i, v) => text(&mut a.areas[i].notes, v),
        Edit::ClauseLevel(i, v) => set(&mut a.clauses[i].level, v),
        Edit::ClauseNotes(i, v) => text(&mut a.clauses[i].notes, v),
        Edit::Holder(i, v) => set(&mut a.areas[i].holder, v),
        // Only the area's own suggested indicators: a slot past them would never be exported.
        Edit::Follow(i, k, _) if k >= crate::content::indicators_of(i).len() => false,
        Edit::Follow(i, k, v) => match a.areas[i].followed.get_mut(k) {
            Some(slot) => {
                let v = v.map(|mut f| {
                    f.value = f.value.chars().take(MAX_VALUE_CHARS).collect();
                    f.unit = f.unit.chars().take(MAX_UNIT_CHARS).collect();
                    f.year = f.year.filter(|y| YEARS.contains(y));
                    f
                });
                set(slot, v)
            }
            None => false,
        },
        Edit::Requirement(r, v) => match a.requirements.get_mut(r) {
            Some(slot) => set(&mut slot.met, v),
            None => false,
        },
        Edit::Evidence(r, v) => match a.requirements.get_mut(r) {
            Some(slot) => text(&mut slot.evidence, v),
            None => false,
        },
        Edit::ContentSeen => set(
            &mut a.content_version,
            crate::content::CONTENT_VERSION.to_string(),
        ),
        Edit::AddAction(plan, _) if plan.actions(a).len() >= MAX_ACTIONS => false,
        Edit::AddAction(plan, title) => {
            plan.actions_mut(a).push(PlannedAction {
                title: title.chars().take(MAX_TEXT_CHARS).collect(),
                ..PlannedAction::default()
            });
            true
        }
        Edit::SetAction(plan, k, mut v) => match plan.actions_mut(a).get_mut(k) {
            Some(slot) => {
                v.title = v.title.chars().take(MAX_TEXT_CHARS).collect();
                v.owner = v.owner.chars().take(MAX_TEXT_CHARS).collect();
                if v.due.as_deref().is_some_and(|d| !is_calendar_date(d)) {
                    v.due = slot.due.clone();
                }
                set(slot, v)
            }
            None => false,
        },
        Edit::RemoveAction(plan, k) if k < plan.actions(a).len() => {
            plan.actions_mut(a).remove(k);
            true
        }
        Edit::RemoveAction(..) => false,
    }
}

pub(super) fn touch(a: &mut Assessment, now: String) {
    a.revision += 1;
    a.updated = now;
}
