//! Custom hooks.

mod use_app;
mod use_persistence;

pub use use_app::{use_app, AppContext, Host, Sender};
pub use use_persistence::use_persistence;

use std::ops::Deref;
use std::rc::Rc;

use crate::state::{Action, State};

/// The core's state as Yew's reducer. The core's `State::reduce` decides everything; this only
/// tells Yew whether anything changed (the same `Rc` back means nothing did).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AppState(pub Rc<State>);

impl AppState {
    pub fn new(state: State) -> Self {
        AppState(Rc::new(state))
    }
}

impl Deref for AppState {
    type Target = State;

    fn deref(&self) -> &State {
        &self.0
    }
}

impl yew::Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = self.0.clone().reduce(action);
        if Rc::ptr_eq(&next, &self.0) {
            self
        } else {
            Rc::new(AppState(next))
        }
    }
}
