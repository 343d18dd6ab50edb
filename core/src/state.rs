//! The app's state and the one reducer that changes it. Plain data and named actions
//! (`action.rs`): components dispatch, nothing else mutates. Ids and clock readings come in with
//! the actions, so the reducer stays pure and is tested natively. Edits to an assessment's answers
//! are in `edit.rs`, what the user is told in `notice.rs`, and other windows' changes in `sync.rs`.

mod action;
mod assessments;
mod edit;
mod notice;
mod sync;

use std::rc::Rc;

pub use action::{Action, ImportChoice};
pub use assessments::Assessments;
pub use edit::{apply, Edit, Plan};
pub use notice::{Focus, Notice, Quarantined, StorageError};
pub use sync::from_other_window;

use crate::format::ImportError;
use crate::i18n::Lang;
use crate::model::*;
use crate::share::Refused;
use crate::steps::{valid_step, Step};
use crate::workshop::Workshop;

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
    pub assessments: Assessments,
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
    pub workshop: Option<Rc<WorkshopSession>>,
    /// An assessment a share link brought, waiting for the user to import it or not.
    pub shared: Option<Assessment>,
    /// Where focus goes after the last action that changed the screen, and how many such actions
    /// there were: the view moves focus each time the count grows, never on a mere reload.
    pub focus: Option<Focus>,
    pub arrivals: u32,
    /// Grows each time the user deletes everything: storage is then cleared whole, keys this
    /// state does not know included.
    pub wiped: u32,
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
        self.assessments.find(id)
    }

    /// The open assessment, if any.
    pub fn open(&self) -> Option<&Assessment> {
        self.current.as_deref().and_then(|id| self.find(id))
    }

    pub(super) fn index(&self, id: &str) -> Option<usize> {
        self.assessments.position(id)
    }

    pub(super) fn changed(&mut self) {
        self.generation += 1;
    }

    pub(super) fn arrive(&mut self, focus: Focus) {
        self.focus = Some(focus);
        self.arrivals = self.arrivals.wrapping_add(1);
    }

    /// Puts `a` in place of the assessment with its id, or adds it.
    pub(super) fn upsert(&mut self, a: Assessment) {
        match self.index(&a.id) {
            Some(i) => self.assessments.set(i, a),
            None => self.assessments.push(a),
        }
    }

    /// Removes the assessment at `i`, back to the start screen if it was open; true if it was.
    pub(super) fn take(&mut self, i: usize) -> (Assessment, bool) {
        let a = self.assessments.remove(i);
        let was_open = self.current.as_deref() == Some(&a.id);
        if was_open {
            self.current = None;
            self.step = None;
        }
        (a, was_open)
    }
}

impl State {
    /// The one reducer: the state after `action`. Returns the same `Rc` when nothing changed, so
    /// that the view (Yew's `use_reducer`, through the app's `AppState`) knows not to re-render.
    pub fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        // Returning the same Rc tells Yew nothing changed, so nothing re-renders.
        match &action {
            Action::SetLang(lang) if *lang == self.lang && self.lang_chosen => return self,
            Action::StorageResult(e) if *e == self.storage_error => return self,
            Action::DismissNotice if self.notice.is_none() => return self,
            Action::Goto(step) if self.step == Some(*step) => return self,
            _ => {}
        }
        // A shallow copy: the assessments and the workshop are shared until one of them changes.
        let mut s = (*self).clone();
        let changed = match action {
            Action::SetLang(_)
            | Action::LangLoading(_)
            | Action::LangUnavailable(_)
            | Action::StorageResult(_)
            | Action::DismissNotice
            | Action::Exported { .. } => s.settings(action),
            Action::Create { .. }
            | Action::Open(_)
            | Action::Close
            | Action::Goto(_)
            | Action::Edit { .. }
            | Action::Rename { .. }
            | Action::Duplicate { .. }
            | Action::Delete(_)
            | Action::Undo => s.list(action),
            Action::Import(_)
            | Action::ImportFailed(_)
            | Action::ResolveImport(_)
            | Action::Shared(_) => s.import(action),
            Action::SharedDecision(import) => {
                let Some(a) = s.shared.take() else {
                    return self;
                };
                if import {
                    // Exactly a file import: a known id asks before anything is replaced.
                    return Rc::new(s).reduce(Action::Import(Box::new(a)));
                }
                s.arrive(Focus::Heading);
                true
            }
            Action::Workshop(_)
            | Action::WorkshopCount { .. }
            | Action::WorkshopTally(_)
            | Action::WorkshopClose
            | Action::WorkshopConsensus { .. } => s.workshop(action),
            Action::External(_)
            | Action::ExternalRemoved(_)
            | Action::Conflict(_)
            | Action::DropQuarantined(_)
            | Action::DeleteAll => s.sync(action),
        };
        if !changed {
            return self;
        }
        if let (Some(id), Some(step)) = (&s.current, s.step) {
            s.positions.insert(id.clone(), step);
        }
        Rc::new(s)
    }

    /// The language, storage's health, messages and exports. False when nothing changed.
    fn settings(&mut self, action: Action) -> bool {
        match action {
            Action::SetLang(lang) => {
                self.lang = lang;
                self.lang_chosen = true;
                self.lang_loading = None;
            }
            Action::LangLoading(lang) => self.lang_loading = Some(lang),
            Action::LangUnavailable(lang) => {
                self.lang_loading = None;
                self.notice = Some(Notice::LangUnavailable(lang));
                self.arrive(Focus::Notice);
            }
            Action::StorageResult(e) => self.storage_error = e,
            Action::DismissNotice => {
                self.notice = None;
                self.arrive(Focus::Heading);
            }
            Action::Exported { id, at } => {
                self.exported.insert(id, at);
                self.edits_since_export = 0;
            }
            _ => return false,
        }
        true
    }

    /// The list of assessments and the walk through the open one.
    fn list(&mut self, action: Action) -> bool {
        let s = self;
        match action {
            Action::Create {
                id,
                now,
                mode,
                name,
            } => {
                let name = name.trim().to_string();
                if name.is_empty() || s.find(&id).is_some() {
                    return false;
                }
                let a = Assessment::new(id.clone(), now, s.lang, mode, name);
                s.step = Some(valid_step(&a, None));
                s.assessments.push(a);
                s.current = Some(id);
                s.notice = None;
                s.arrive(Focus::Heading);
                s.changed();
            }
            Action::Open(id) => {
                let Some(a) = s.find(&id) else { return false };
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
                _ => return false,
            },
            Action::Edit { now, edit } => {
                let Some(i) = s.current.as_deref().and_then(|id| s.index(id)) else {
                    return false;
                };
                // Only an edit that changes something copies the assessment.
                let mut a = s.assessments[i].clone();
                if !apply(&mut a, edit) {
                    return false;
                }
                edit::touch(&mut a, now);
                // Leaving an area out of scope may remove the current step.
                s.step = Some(valid_step(&a, s.step));
                s.assessments.set(i, a);
                s.edits_since_export += 1;
                s.changed();
            }
            Action::Rename { id, name, now } => {
                let Some(i) = s.index(&id) else { return false };
                let a = s.assessments.get_mut(i);
                if !apply(a, Edit::Name(name)) {
                    return false;
                }
                edit::touch(a, now);
                s.changed();
            }
            Action::Duplicate {
                id,
                new_id,
                now,
                name,
            } => {
                let Some(i) = s.index(&id) else { return false };
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
                let Some(i) = s.index(&id) else { return false };
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
                    return false;
                };
                if s.find(&a.id).is_none() {
                    let i = i.min(s.assessments.len());
                    s.assessments.insert(i, a);
                    s.changed();
                }
                s.notice = None;
                s.arrive(Focus::Heading);
            }
            _ => return false,
        }
        true
    }

    /// A file or a share link brought an assessment, or could not.
    fn import(&mut self, action: Action) -> bool {
        let s = self;
        match action {
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
                    return false;
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
                            s.assessments.set(i, a);
                            s.changed();
                        }
                    }
                }
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
            _ => return false,
        }
        true
    }

    /// The merged view of a workshop and its consensus.
    fn workshop(&mut self, action: Action) -> bool {
        let s = self;
        match action {
            Action::Workshop(session) => {
                s.workshop = Some(Rc::new(*session));
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
                    return false;
                };
                Rc::make_mut(w).merged.set_count(item, value, people);
            }
            Action::WorkshopTally(on) => {
                let Some(w) = s.workshop.as_mut() else {
                    return false;
                };
                Rc::make_mut(w).tally = on;
                s.arrive(Focus::Heading);
            }
            Action::WorkshopClose => {
                s.workshop = None;
                s.arrive(Focus::Heading);
            }
            Action::WorkshopConsensus { id, now, name } => {
                let name = name.trim().to_string();
                if name.is_empty() || s.find(&id).is_some() {
                    return false;
                }
                let Some(w) = s.workshop.take() else {
                    return false;
                };
                let a = w.merged.consensus(id.clone(), now, s.lang, name);
                s.step = Some(Step::Review);
                s.assessments.push(a);
                s.current = Some(id);
                s.notice = None;
                s.arrive(Focus::Heading);
                s.changed();
            }
            _ => return false,
        }
        true
    }
}
