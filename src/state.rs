//! The app's state and the one reducer that changes it. Plain data and named actions: components
//! dispatch, nothing else mutates.

use std::rc::Rc;

use yew::Reducible;

use crate::i18n::Lang;

/// Why the browser's storage could not be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// No storage: blocked by the browser's settings or policy.
    Unavailable,
    /// The write was refused, most often because the quota is used up.
    WriteRefused,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct State {
    pub lang: Lang,
    /// True once the user picked a language: only a choice is remembered, never the default, so
    /// that a host page's default still applies on a first visit.
    pub lang_chosen: bool,
    /// The last storage failure, shown until storage works again.
    pub storage_error: Option<StorageError>,
}

impl State {
    pub fn new(lang: Lang, lang_chosen: bool, storage_error: Option<StorageError>) -> Self {
        State {
            lang,
            lang_chosen,
            storage_error,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// The user chose a language.
    SetLang(Lang),
    /// A storage call succeeded (`None`) or failed.
    StorageResult(Option<StorageError>),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            // Returning the same Rc tells Yew nothing changed, so nothing re-renders.
            Action::SetLang(lang) if lang == self.lang && self.lang_chosen => self,
            Action::SetLang(lang) => Rc::new(State {
                lang,
                lang_chosen: true,
                ..(*self).clone()
            }),
            Action::StorageResult(e) if e == self.storage_error => self,
            Action::StorageResult(storage_error) => Rc::new(State {
                storage_error,
                ..(*self).clone()
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choosing_a_language() {
        let s = Rc::new(State::new(Lang::Fr, false, None));
        let en = s.clone().reduce(Action::SetLang(Lang::En));
        assert_eq!((en.lang, en.lang_chosen), (Lang::En, true));
        // Choosing the language already shown is still a choice to remember.
        let fr = s.reduce(Action::SetLang(Lang::Fr));
        assert_eq!((fr.lang, fr.lang_chosen), (Lang::Fr, true));
    }

    #[test]
    fn a_no_op_keeps_the_same_state_so_nothing_re_renders() {
        let s = Rc::new(State::new(Lang::Fr, true, None));
        assert!(Rc::ptr_eq(&s, &s.clone().reduce(Action::SetLang(Lang::Fr))));
        assert!(Rc::ptr_eq(
            &s,
            &s.clone().reduce(Action::StorageResult(None))
        ));
    }

    #[test]
    fn storage_failures_are_kept_until_storage_works_again() {
        let s = Rc::new(State::new(Lang::Fr, false, None));
        let failed = s.reduce(Action::StorageResult(Some(StorageError::WriteRefused)));
        assert_eq!(failed.storage_error, Some(StorageError::WriteRefused));
        let ok = failed.reduce(Action::StorageResult(None));
        assert_eq!(ok.storage_error, None);
    }
}
