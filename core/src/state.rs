//! The app's state and the one reducer that changes it. Plain data and named actions: components
//! dispatch, nothing else mutates. Ids and clock readings come in with the actions, so the reducer
//! stays pure and is tested natively.

use std::rc::Rc;

use crate::format::ImportError;
use crate::i18n::Lang;
use crate::model::*;
use crate::share::Refused;
use crate::steps::{valid_step, Step};
use crate::workshop::{Item, Workshop};

/// Why the browser's storage could not be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// No storage: blocked by the browser's settings or policy.
    Unavailable,
    /// The write was refused, most often because the quota is used up.
    WriteRefused,
}

/// A stored value that could not be read: kept aside untouched, never overwritten.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quarantined {
    /// The storage key it lives under.
    pub key: String,
    /// The raw stored text, offered for download.
    pub raw: String,
    pub error: ImportError,
}

/// A message about something that just happened, shown until dismissed or replaced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// An assessment was deleted; `Action::Undo` brings it back.
    Deleted {
        name: String,
    },
    /// Another window saved a newer version of the open assessment; it is now shown.
    ChangedElsewhere,
    /// Another window saved a newer version while a change was being made here: that change was
    /// not saved, the newer version is shown.
    Conflict,
    /// Another window deleted the open assessment.
    RemovedElsewhere {
        name: String,
    },
    Imported {
        name: String,
    },
    ImportFailed(ImportError),
    /// Everything this app stored in this browser was deleted.
    AllDeleted,
    /// A share link that cannot be decoded (cut short, or altered).
    ShareLinkBroken,
    /// A share link longer than any the app makes, or decompressing past a document's limit.
    ShareLinkTooLong,
    /// The texts of a language could not be loaded (offline, blocked): the app stays in French.
    LangUnavailable(Lang),
}

/// Where keyboard focus goes once the screen has changed after a user's action, so that a
/// keyboard or screen-reader user is told where they now are instead of being left on `<body>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    /// The heading of the screen now shown (the step, the start screen).
    Heading,
    /// The message about what just happened.
    Notice,
    /// A question the app asks before going on (an import that would replace, a share link).
    Decision,
}

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

/// What to do with an imported file whose id is already in the list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportChoice {
    /// Keep both: the file becomes a new assessment with a new id.
    KeepBoth {
        new_id: String,
    },
    Replace,
    Cancel,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// The user chose a language (its texts are here: see `i18n::is_available`).
    SetLang(Lang),
    /// The user chose a language whose texts are being fetched.
    LangLoading(Lang),
    /// The user chose a language whose texts could not be loaded.
    LangUnavailable(Lang),
    /// A storage call succeeded (`None`) or failed.
    StorageResult(Option<StorageError>),
    Create {
        id: String,
        now: String,
        mode: Mode,
        name: String,
    },
    Open(String),
    /// Back to the start screen.
    Close,
    Goto(Step),
    Edit {
        now: String,
        edit: Edit,
    },
    Rename {
        id: String,
        name: String,
        now: String,
    },
    Duplicate {
        id: String,
        new_id: String,
        now: String,
        name: String,
    },
    Delete(String),
    Undo,
    DismissNotice,
    Import(Box<Assessment>),
    ImportFailed(ImportError),
    ResolveImport(ImportChoice),
    /// A share link was opened: its assessment, validated as a file import is, or why not.
    Shared(Result<Box<Assessment>, crate::share::Refused>),
    /// The user's answer to a share link: import it (true) or not.
    SharedDecision(bool),
    /// Opens the merged view of a workshop.
    Workshop(Box<WorkshopSession>),
    /// Tally mode: `people` chose `value` for `item`.
    WorkshopCount {
        item: Item,
        value: u8,
        people: u32,
    },
    /// Switches between the merged view and tally mode.
    WorkshopTally(bool),
    WorkshopClose,
    /// Saves the suggested consensus as a new assessment and opens it for the facilitator to adjust.
    WorkshopConsensus {
        id: String,
        now: String,
        name: String,
    },
    /// Another window saved this (its stored revision is newer than ours).
    External(Box<Assessment>),
    /// Another window deleted this id.
    ExternalRemoved(String),
    /// Our write found a newer stored version: show it and say our change was not saved.
    Conflict(Box<Assessment>),
    /// A quarantined stored value was deleted by the user.
    DropQuarantined(String),
    /// Everything stored by this app in this browser was deleted.
    DeleteAll,
    Exported {
        id: String,
        at: String,
    },
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct State {
    pub lang: Lang,
    /// True once the user picked a language: only a choice is remembered, never the default, so
    /// that a host page's default still applies on a first visit.
    pub lang_chosen: bool,
    /// A language chosen whose texts are being fetched: the switch shows it busy meanwhile.
    pub lang_loading: Option<Lang>,
    /// The last storage failure, shown until storage works again.
    pub storage_error: Option<StorageError>,
    pub assessments: Vec<Assessment>,
    /// Grows whenever `assessments` changes, so persistence runs only then.
    pub generation: u64,
    /// The open assessment's id; `None` on the start screen.
    pub current: Option<String>,
    pub step: Option<Step>,
    /// The last step shown of each assessment, by id: resuming goes back there.
    pub positions: Keyed<Step>,
    /// The last deleted assessment and where it stood, for undo.
    pub trash: Option<(usize, Assessment)>,
    pub quarantine: Vec<Quarantined>,
    pub notice: Option<Notice>,
    /// An imported file whose id is already in the list, waiting for the user's choice.
    pub pending_import: Option<Assessment>,
    /// When each assessment was last exported (RFC 3339), by id.
    pub exported: Keyed<String>,
    /// Changes saved since the app started or since the last export, to suggest an export after
    /// a long sitting.
    pub edits_since_export: u32,
    /// The workshop being merged, when the facilitator has one open (kept in memory only: its
    /// outcome is the consensus assessment, which is saved).
    pub workshop: Option<WorkshopSession>,
    /// An assessment a share link brought, waiting for the user to import it or not.
    pub shared: Option<Assessment>,
    /// Where focus goes after the last action that changed the screen, and how many such actions
    /// there were: the view moves focus each time the count grows, never on a mere reload.
    pub focus: Option<Focus>,
    pub arrivals: u32,
}

/// A workshop on screen: the merged answers, and the files that could not be merged.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WorkshopSession {
    pub merged: Workshop,
    /// (file name, why it was left out).
    pub rejected: Vec<(String, ImportError)>,
    /// The facilitator counts a show of hands instead of (or on top of) files.
    pub tally: bool,
}

impl State {
    pub fn new(lang: Lang, lang_chosen: bool, storage_error: Option<StorageError>) -> Self {
        State {
            lang,
            lang_chosen,
            storage_error,
            ..State::default()
        }
    }

    pub fn find(&self, id: &str) -> Option<&Assessment> {
        self.assessments.iter().find(|a| a.id == id)
    }

    /// The open assessment, if any.
    pub fn open(&self) -> Option<&Assessment> {
        self.current.as_deref().and_then(|id| self.find(id))
    }

    fn index(&self, id: &str) -> Option<usize> {
        self.assessments.iter().position(|a| a.id == id)
    }

    fn changed(&mut self) {
        self.generation += 1;
    }

    fn arrive(&mut self, focus: Focus) {
        self.focus = Some(focus);
        self.arrivals = self.arrivals.wrapping_add(1);
    }

    /// Puts `a` in place of the assessment with its id, or adds it.
    fn upsert(&mut self, a: Assessment) {
        match self.index(&a.id) {
            Some(i) => self.assessments[i] = a,
            None => self.assessments.push(a),
        }
    }

    /// Removes the assessment at `i`, back to the start screen if it was open; true if it was.
    fn take(&mut self, i: usize) -> (Assessment, bool) {
        let a = self.assessments.remove(i);
        let was_open = self.current.as_deref() == Some(&a.id);
        if was_open {
            self.current = None;
            self.step = None;
        }
        (a, was_open)
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

fn touch(a: &mut Assessment, now: String) {
    a.revision += 1;
    a.updated = now;
}

impl State {
    /// The one reducer: the state after `action`. Returns the same `Rc` when nothing changed, so
    /// that the view (Yew's `use_reducer`, through the app's `AppState`) knows not to re-render.
    pub fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        // Returning the same Rc tells Yew nothing changed, so nothing re-renders.
        let mut s = match &action {
            Action::SetLang(lang) if *lang == self.lang && self.lang_chosen => return self,
            Action::StorageResult(e) if *e == self.storage_error => return self,
            Action::DismissNotice if self.notice.is_none() => return self,
            Action::Goto(step) if self.step == Some(*step) => return self,
            _ => (*self).clone(),
        };
        match action {
            Action::SetLang(lang) => {
                s.lang = lang;
                s.lang_chosen = true;
                s.lang_loading = None;
            }
            Action::LangLoading(lang) => s.lang_loading = Some(lang),
            Action::LangUnavailable(lang) => {
                s.lang_loading = None;
                s.notice = Some(Notice::LangUnavailable(lang));
                s.arrive(Focus::Notice);
            }
            Action::StorageResult(e) => s.storage_error = e,
            Action::Create {
                id,
                now,
                mode,
                name,
            } => {
                let name = name.trim().to_string();
                if name.is_empty() || s.find(&id).is_some() {
                    return self;
                }
                let a = Assessment::new(id.clone(), now, s.lang, mode, name);
                s.step = Some(valid_step(&a, None));
                s.assessments.push(a);
                s.current = Some(id);
                s.notice = None;
                s.arrive(Focus::Heading);
                s.changed();
            }
            Action::Workshop(session) => {
                s.workshop = Some(*session);
                s.current = None;
                s.notice = None;
                s.arrive(Focus::Heading);
            }
            Action::WorkshopCount {
                item,
                value,
                people,
            } => {
                let Some(w) = s.workshop.as_mut() else {
                    return self;
                };
                w.merged.set_count(item, value, people);
            }
            Action::WorkshopTally(on) => {
                let Some(w) = s.workshop.as_mut() else {
                    return self;
                };
                w.tally = on;
                s.arrive(Focus::Heading);
            }
            Action::WorkshopClose => {
                s.workshop = None;
                s.arrive(Focus::Heading);
            }
            Action::Shared(result) => {
                match result {
                    Ok(a) => s.shared = Some(*a),
                    Err(Refused::Invalid(e)) => s.notice = Some(Notice::ImportFailed(e)),
                    Err(Refused::Broken) => s.notice = Some(Notice::ShareLinkBroken),
                    Err(Refused::TooLong) => s.notice = Some(Notice::ShareLinkTooLong),
                }
                s.arrive(if s.shared.is_some() {
                    Focus::Decision
                } else {
                    Focus::Notice
                });
            }
            Action::SharedDecision(import) => {
                let Some(a) = s.shared.take() else {
                    return self;
                };
                if import {
                    // Exactly a file import: a known id asks before anything is replaced.
                    return Rc::new(s).reduce(Action::Import(Box::new(a)));
                }
                s.arrive(Focus::Heading);
            }
            Action::WorkshopConsensus { id, now, name } => {
                let name = name.trim().to_string();
                let Some(w) = s.workshop.take() else {
                    return self;
                };
                if name.is_empty() || s.find(&id).is_some() {
                    return self;
                }
                let a = w.merged.consensus(id.clone(), now, s.lang, name);
                s.step = Some(Step::Review);
                s.assessments.push(a);
                s.current = Some(id);
                s.notice = None;
                s.arrive(Focus::Heading);
                s.changed();
            }
            Action::Open(id) => {
                let Some(a) = s.find(&id) else { return self };
                let step = valid_step(a, s.positions.get(&id).copied());
                s.step = Some(step);
                s.current = Some(id);
                s.notice = None;
                s.arrive(Focus::Heading);
            }
            Action::Close => {
                s.current = None;
                s.step = None;
                s.arrive(Focus::Heading);
            }
            Action::Goto(step) => match s.open() {
                Some(a) if crate::steps::steps(a).contains(&step) => {
                    s.step = Some(step);
                    s.arrive(Focus::Heading);
                }
                _ => return self,
            },
            Action::Edit { now, edit } => {
                let Some(i) = s.current.as_deref().and_then(|id| s.index(id)) else {
                    return self;
                };
                let a = &mut s.assessments[i];
                if !apply(a, edit) {
                    return self;
                }
                touch(a, now);
                // Leaving an area out of scope may remove the current step.
                let step = valid_step(a, s.step);
                s.step = Some(step);
                s.edits_since_export += 1;
                s.changed();
            }
            Action::Rename { id, name, now } => {
                let Some(i) = s.index(&id) else { return self };
                let a = &mut s.assessments[i];
                if !apply(a, Edit::Name(name)) {
                    return self;
                }
                touch(a, now);
                s.changed();
            }
            Action::Duplicate {
                id,
                new_id,
                now,
                name,
            } => {
                let Some(i) = s.index(&id) else { return self };
                let mut copy = s.assessments[i].clone();
                copy.id = new_id;
                copy.revision = 0;
                copy.created = now.clone();
                copy.updated = now;
                if !name.trim().is_empty() {
                    copy.community.name = name;
                }
                s.assessments.insert(i + 1, copy);
                s.changed();
            }
            Action::Delete(id) => {
                let Some(i) = s.index(&id) else { return self };
                let (a, _) = s.take(i);
                s.notice = Some(Notice::Deleted {
                    name: a.community.name.clone(),
                });
                s.trash = Some((i, a));
                s.arrive(Focus::Notice);
                s.changed();
            }
            Action::Undo => {
                let Some((i, a)) = s.trash.take() else {
                    return self;
                };
                if s.find(&a.id).is_none() {
                    let i = i.min(s.assessments.len());
                    s.assessments.insert(i, a);
                    s.changed();
                }
                s.notice = None;
                s.arrive(Focus::Heading);
            }
            Action::DismissNotice => {
                s.notice = None;
                s.arrive(Focus::Heading);
            }
            Action::Import(a) => {
                if s.find(&a.id).is_some() {
                    s.pending_import = Some(*a);
                    s.arrive(Focus::Decision);
                } else {
                    s.notice = Some(Notice::Imported {
                        name: a.community.name.clone(),
                    });
                    s.assessments.push(*a);
                    s.arrive(Focus::Notice);
                    s.changed();
                }
            }
            Action::ImportFailed(e) => {
                s.notice = Some(Notice::ImportFailed(e));
                s.arrive(Focus::Notice);
            }
            Action::ResolveImport(choice) => {
                let Some(mut a) = s.pending_import.take() else {
                    return self;
                };
                s.arrive(if choice == ImportChoice::Cancel {
                    Focus::Heading
                } else {
                    Focus::Notice
                });
                match choice {
                    ImportChoice::Cancel => {}
                    ImportChoice::KeepBoth { new_id } => {
                        a.id = new_id;
                        s.notice = Some(Notice::Imported {
                            name: a.community.name.clone(),
                        });
                        s.assessments.push(a);
                        s.changed();
                    }
                    ImportChoice::Replace => {
                        if let Some(i) = s.index(&a.id) {
                            // Keep the revision growing, so other windows see the replacement
                            // as newer than what they hold.
                            a.revision = a.revision.max(s.assessments[i].revision + 1);
                            s.notice = Some(Notice::Imported {
                                name: a.community.name.clone(),
                            });
                            s.assessments[i] = a;
                            s.changed();
                        }
                    }
                }
            }
            Action::External(a) => {
                if s.find(&a.id).is_some_and(|o| o.revision >= a.revision) {
                    return self;
                }
                let is_open = s.current.as_deref() == Some(&a.id);
                s.upsert(*a);
                if is_open {
                    s.notice = Some(Notice::ChangedElsewhere);
                    fix_step(&mut s);
                }
                s.changed();
            }
            Action::Conflict(a) => {
                s.upsert(*a);
                s.notice = Some(Notice::Conflict);
                fix_step(&mut s);
                s.changed();
            }
            Action::ExternalRemoved(id) => {
                let Some(i) = s.index(&id) else { return self };
                let (a, was_open) = s.take(i);
                if was_open {
                    s.notice = Some(Notice::RemovedElsewhere {
                        name: a.community.name,
                    });
                }
                s.changed();
            }
            Action::DropQuarantined(key) => s.quarantine.retain(|q| q.key != key),
            Action::DeleteAll => {
                s.assessments.clear();
                s.quarantine.clear();
                s.exported.clear();
                s.trash = None;
                s.current = None;
                s.step = None;
                s.pending_import = None;
                s.lang_chosen = false;
                s.notice = Some(Notice::AllDeleted);
                s.arrive(Focus::Notice);
                s.changed();
            }
            Action::Exported { id, at } => {
                s.exported.insert(id, at);
                s.edits_since_export = 0;
            }
        }
        if let (Some(id), Some(step)) = (&s.current, s.step) {
            s.positions.insert(id.clone(), step);
        }
        Rc::new(s)
    }
}

fn fix_step(s: &mut State) {
    if let Some(a) = s.open() {
        let step = valid_step(a, s.step);
        s.step = Some(step);
    }
}
