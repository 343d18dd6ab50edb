use std::ops::Deref;

use yew::prelude::*;

use crate::i18n::Ui;
use crate::state::{Action, State};

/// What every component of one widget instance shares: its state and a way to change it.
/// Each instance has its own, so two widgets on a page never share state.
#[derive(Clone, PartialEq)]
pub struct AppContext {
    state: UseReducerHandle<State>,
}

impl AppContext {
    pub fn new(state: UseReducerHandle<State>) -> Self {
        AppContext { state }
    }

    pub fn dispatch(&self, action: Action) {
        self.state.dispatch(action);
    }

    /// A callback that dispatches the action it is given, for event handlers.
    pub fn dispatcher(&self) -> Callback<Action> {
        let state = self.state.clone();
        Callback::from(move |action| state.dispatch(action))
    }

    /// The interface's words in the current language.
    pub fn ui(&self) -> &'static Ui {
        self.state.lang.ui()
    }
}

impl Deref for AppContext {
    type Target = State;

    fn deref(&self) -> &State {
        &self.state
    }
}

/// The state of the widget instance this component is in.
///
/// ```ignore
/// #[component]
/// fn Title() -> Html {
///     let app = use_app();
///     html! { <h1>{ app.ui().app_title }</h1> }
/// }
/// ```
#[hook]
pub fn use_app() -> AppContext {
    // Every component is rendered under `App`, which always provides the context.
    use_context::<AppContext>().expect("use_app() must be called below <App>")
}
