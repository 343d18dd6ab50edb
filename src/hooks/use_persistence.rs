use yew::prelude::*;

use crate::hooks::AppState;
use crate::model::Keyed;
use crate::state::Action;
use crate::storage::{Saved, Store};

/// Keeps local storage in step with the state, and the state in step with other windows.
///
/// - every assessment whose revision changed is written (never over a newer one stored by another
///   window: that one is shown instead, and the user is told);
/// - a deleted assessment is removed; the open assessment and step are remembered;
/// - the language is remembered once the user chose one;
/// - `storage` events from other windows bring their newer revisions in.
///
/// Failures go to the state as `StorageResult`, shown to the user; nothing here panics.
#[hook]
pub fn use_persistence(state: &UseReducerHandle<AppState>, store: &Store) {
    // What storage is known to hold: id → revision.
    let known = {
        let initial = Keyed(
            state
                .assessments
                .iter()
                .map(|a| (a.id.clone(), a.revision))
                .collect(),
        );
        use_mut_ref(move || initial)
    };

    {
        let (state, store) = (state.clone(), store.clone());
        use_effect_with(state.generation, move |_| {
            let mut known = known.borrow_mut();
            let mut error = None;
            // Only a real attempt says anything about storage: with nothing to write, a failure
            // met at start-up stays on screen.
            let mut attempted = false;
            for a in &state.assessments {
                if known.get(&a.id) == Some(&a.revision) {
                    continue;
                }
                attempted = true;
                match store.save(a) {
                    Ok(Saved::Written) => {
                        known.insert(a.id.clone(), a.revision);
                    }
                    Ok(Saved::Newer(theirs)) => {
                        known.insert(theirs.id.clone(), theirs.revision);
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
        let (state, store) = (state.clone(), store.clone());
        use_effect_with((), move |_| {
            let dispatch = Callback::from(move |action| state.dispatch(action));
            let listener = crate::web::tasks::listen_to_other_windows(store, dispatch);
            // Dropping the listener unregisters it.
            move || drop(listener)
        });
    }
}
