//! Other windows and storage: what another window's change means here, a write that met a newer
//! stored version, values set aside, and deleting everything.

use super::{Action, Focus, Notice, State};
use crate::steps::valid_step;

/// What another window's change to the key of assessment `key_id` means here: a removal, or a
/// newer version of that assessment. A value holding any other assessment is ignored, as start-up
/// sets it aside: it must never replace the assessment whose id it claims. Unreadable values are
/// left for the next start-up too.
pub fn from_other_window(key_id: &str, new_value: Option<&str>) -> Option<Action> {
    match new_value {
        None => Some(Action::ExternalRemoved(key_id.to_string())),
        Some(v) => crate::format::import(v.as_bytes())
            .ok()
            .filter(|a| a.id == key_id)
            .map(|a| Action::External(Box::new(a))),
    }
}

impl State {
    /// Another window's change, a conflict, storage set aside or cleared. False when nothing
    /// changed.
    pub(super) fn sync(&mut self, action: Action) -> bool {
        let s = self;
        match action {
            Action::External(a) => {
                if s.find(&a.id).is_some_and(|o| o.revision >= a.revision) {
                    return false;
                }
                let is_open = s.current.as_deref() == Some(&a.id);
                s.upsert(*a);
                if is_open {
                    s.notice = Some(Notice::ChangedElsewhere);
                    s.fix_step();
                }
                s.changed();
            }
            Action::Conflict(a) => {
                s.upsert(*a);
                s.notice = Some(Notice::Conflict);
                s.fix_step();
                s.changed();
            }
            Action::ExternalRemoved(id) => {
                let Some(i) = s.index(&id) else { return false };
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
                s.wiped = s.wiped.wrapping_add(1);
                s.notice = Some(Notice::AllDeleted);
                s.arrive(Focus::Notice);
                s.changed();
            }
            _ => return false,
        }
        true
    }

    /// The open assessment changed under the user: keep a step it still has.
    fn fix_step(&mut self) {
        if let Some(a) = self.open() {
            let step = valid_step(a, self.step);
            self.step = Some(step);
        }
    }
}
