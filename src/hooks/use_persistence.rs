use yew::prelude::*;

use crate::hooks::AppState;
use crate::model::Keyed;
use crate::state::Action;
use crate::storage::Store;

/// What storage is known to hold of one assessment: its revision, and the fingerprint of the text
/// this widget wrote or read there.
#[derive(Clone, Copy, PartialEq)]
struct Known {
    revision: u64,
    text: Option<u64>,
}

/// Keeps local storage in step with the state, and the state in step with other windows. The only
/// writer to storage: views dispatch actions, and this writes what changed.
///
/// - every assessment whose revision changed is written (never over a newer one stored by another
///   window: that one is shown instead, and the user is told);
/// - a deleted assessment is removed; the open assessment and step are remembered;
/// - the language is remembered once the user chose one; the time of each export too;
/// - a stored value set aside (unreadable) goes once the user deletes it; "delete everything"
///   clears the widget's storage whole;
/// - `storage` events from other windows bring their newer revisions in.
///
/// `stored` holds the fingerprints of the texts start-up read, so that the first save of each
/// assessment need not read it again. Failures go to the state as `StorageResult`, shown to the
/// user; nothing here panics.
#[hook]
pub fn use_persistence(state: &UseReducerHandle<AppState>, store: &Store, stored: &Keyed<u64>) {
    let known = {
        let initial = Keyed(
            state
                .assessments
                .iter()
                .map(|a| {
                    let text = stored.get(&a.id).copied();
                    (
                        a.id.clone(),
                        Known {
                            revision: a.revision,
                            text,
                        },
                    )
                })
                .collect(),
        );
        use_mut_ref(move || initial)
    };

    {
        let (state, store, known) = (state.clone(), store.clone(), known.clone());
        // Before the writes below: what is written after a wipe must stay.
        use_effect_with(state.wiped, move |&wiped| {
            if wiped > 0 {
                known.borrow_mut().clear();
                state.dispatch(Action::StorageResult(store.clear().err()));
            }
        });
    }
    {
        let (state, store) = (state.clone(), store.clone());
        use_effect_with(state.generation, move |_| {
            let mut known = known.borrow_mut();
            let mut error = None;
            // Only a real attempt says anything about storage: with nothing to write, a failure
            // met at start-up stays on screen.
            let mut attempted = false;
            for a in &state.assessments {
                let was = known.get(&a.id).copied();
                if was.is_some_and(|k| k.revision == a.revision) {
                    continue;
                }
                attempted = true;
                match store.save_over(a, was.and_then(|k| k.text)) {
                    Ok(Ok(text)) => {
                        let text = Some(text);
                        known.insert(
                            a.id.clone(),
                            Known {
                                revision: a.revision,
                                text,
                            },
                        );
                    }
                    Ok(Err(theirs)) => {
                        let k = Known {
                            revision: theirs.revision,
                            text: None,
                        };
                        known.insert(theirs.id.clone(), k);
                        state.dispatch(Action::Conflict(theirs));
                    }
                    Err(e) => error = Some(e),
                }
            }
            let gone: Vec<String> = known
                .keys()
                .filter(|id| state.find(id).is_none())
                .map(String::from)
                .collect();
            for id in gone {
                attempted = true;
                match store.delete(&id) {
                    Ok(()) => {
                        known.remove(&id);
                    }
                    Err(e) => error = Some(e),
                }
            }
            if attempted {
                state.dispatch(Action::StorageResult(error));
            }
        });
    }
    {
        let store = store.clone();
        let position = (state.current.clone(), state.step);
        use_effect_with(position, move |(current, step)| {
            // A failure here is already reported by the writes of the answers themselves.
            let _ = store.save_position(current.as_deref(), *step);
        });
    }
    {
        let (state, store) = (state.clone(), store.clone());
        use_effect_with((state.lang, state.lang_chosen), move |&(lang, chosen)| {
            if chosen {
                state.dispatch(Action::StorageResult(store.save_lang(lang).err()));
            }
        });
    }
    {
        // The export times the state holds, written as they change (the last one each time).
        let written = use_mut_ref(|| state.exported.clone());
        let (state, store) = (state.clone(), store.clone());
        use_effect_with(state.exported.clone(), move |exported| {
            let mut written = written.borrow_mut();
            let mut error = None;
            for (id, at) in &exported.0 {
                if written.get(id) != Some(at) {
                    match store.save_exported(id, at) {
                        Ok(()) => {
                            written.insert(id.clone(), at.clone());
                        }
                        Err(e) => error = Some(e),
                    }
                }
            }
            if error.is_some() {
                state.dispatch(Action::StorageResult(error));
            }
        });
    }
    {
        // The keys of the values set aside: one the user deleted goes from storage too.
        let held = use_mut_ref(|| keys(state));
        let (state, store) = (state.clone(), store.clone());
        use_effect_with(keys(&state), move |now| {
            let mut held = held.borrow_mut();
            let mut error = None;
            for key in held.iter().filter(|k| !now.contains(k)) {
                if let Err(e) = store.drop_quarantined(key) {
                    error = Some(e);
                }
            }
            *held = now.clone();
            if error.is_some() {
                state.dispatch(Action::StorageResult(error));
            }
        });
    }
    {
        let (state, store) = (state.clone(), store.clone());
        use_effect_with((), move |_| {
            let dispatch = Callback::from(move |action| state.dispatch(action));
            let listener = crate::web::tasks::listen_to_other_windows(store, dispatch);
            // Dropping the listener unregisters it.
            move || drop(listener)
        });
    }
}

/// The storage keys of the values set aside.
fn keys(state: &AppState) -> Vec<String> {
    state.quarantine.iter().map(|q| q.key.clone()).collect()
}
