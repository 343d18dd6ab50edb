use std::ops::Deref;
use std::rc::Rc;

use yew::prelude::*;

use crate::config::Modes;
use crate::hooks::AppState;
use crate::i18n::Ui;
use crate::platform;
use crate::scoring::Scores;
use crate::state::{Action, Edit, State};
use crate::storage::Store;

/// What every component of one widget instance shares: its state, its storage and a way to change
/// the state. Each instance has its own, so two widgets on a page never share either.
#[derive(Clone, PartialEq)]
pub struct AppContext {
    state: UseReducerHandle<AppState>,
    pub store: Store,
    /// Prefix of the element ids of this instance, unique on the page.
    pub ids: AttrValue,
    /// What the host page allows and shows.
    pub host: Host,
    /// The open assessment's scores, computed once per revision (`None` with none open).
    pub scores: Rc<Option<Scores>>,
}

/// The host page's settings that views follow.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Host {
    pub modes: Modes,
    pub intro: bool,
    pub standalone: bool,
}

impl AppContext {
    pub fn new(
        state: UseReducerHandle<AppState>,
        store: Store,
        ids: AttrValue,
        host: Host,
        scores: Rc<Option<Scores>>,
    ) -> Self {
        AppContext {
            state,
            store,
            ids,
            host,
            scores,
        }
    }

    pub fn dispatch(&self, action: Action) {
        self.state.dispatch(action);
    }

    /// A callback that dispatches the action it is given, for event handlers.
    pub fn dispatcher(&self) -> Callback<Action> {
        let state = self.state.clone();
        Callback::from(move |action| state.dispatch(action))
    }

    /// A callback that applies an edit to the open assessment, stamped with the time.
    pub fn editor(&self) -> Callback<Edit> {
        let state = self.state.clone();
        Callback::from(move |edit| {
            state.dispatch(Action::Edit {
                now: platform::now(),
                edit,
            })
        })
    }

    /// The interface's words in the current language.
    pub fn ui(&self) -> &'static Ui {
        self.state.lang.ui()
    }

    /// An element id unique to this widget instance.
    pub fn id(&self, name: &str) -> String {
        format!("{}-{name}", self.ids)
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
